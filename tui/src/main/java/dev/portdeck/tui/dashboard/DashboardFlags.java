package dev.portdeck.tui.dashboard;

import dev.portdeck.tui.cli.DurationConverter;
import dev.portdeck.tui.dashboard.theme.Palette;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The dashboard's command-line options, shared by `portdeck` and `portdeck demo` (a picocli mixin). */
public final class DashboardFlags {

    @Option(names = "--interval", paramLabel = "TIME", converter = IntervalConverter.class, defaultValue = "5s",
            description = "Time between probe rounds: 5, 5s, 500ms, 1m (default: ${DEFAULT-VALUE}).")
    Duration interval = DashboardOptions.DEFAULT_INTERVAL;

    @Option(names = "--readonly", description = "Look only: every change (add, notes, primary, remove) is disabled.")
    boolean readOnly;

    @Option(names = "--no-color", description = "No colours (also when the NO_COLOR variable is set).")
    boolean noColor;

    @Option(names = "--ascii", description = "Plain ASCII instead of Unicode glyphs (sparklines, marks).")
    boolean ascii;

    public DashboardOptions options() {
        boolean color = Palette.from(noColor, System.getenv("NO_COLOR")).hasColor();
        Duration timeout = interval.compareTo(DashboardOptions.DEFAULT_TIMEOUT) < 0 ? interval
                : DashboardOptions.DEFAULT_TIMEOUT;
        return new DashboardOptions(interval, timeout, readOnly, color, ascii);
    }

    /** "5", "2.5s", "500ms", "1m" ({@link DurationConverter#parse}) to a Duration between 0.2 s and 1 h. */
    public static final class IntervalConverter implements ITypeConverter<Duration> {
        private static final Duration MIN = Duration.ofMillis(200);
        private static final Duration MAX = Duration.ofHours(1);

        @Override
        public Duration convert(String value) {
            try {
                Duration d = DurationConverter.parse(value);
                if (d.compareTo(MIN) >= 0 && d.compareTo(MAX) <= 0) {
                    return d;
                }
            } catch (TypeConversionException e) {
                // one sentence for every bad interval, below
            }
            throw new TypeConversionException("'" + value + "' is not an interval from 200ms to 1h (e.g. 5, 5s, 500ms)");
        }
    }
}
