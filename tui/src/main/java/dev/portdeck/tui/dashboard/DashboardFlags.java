package dev.portdeck.tui.dashboard;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.DurationConverter;
import dev.portdeck.tui.dashboard.state.CheckSettings;
import dev.portdeck.tui.dashboard.theme.Palette;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The dashboard's command-line options, shared by `portdeck` and `portdeck demo` (a picocli mixin). Each overrides
 * its `dashboard.*` default in the config file ({@link DashboardDefaults}); unset means "as the file says".
 */
public final class DashboardFlags {

    @Option(names = "--interval", paramLabel = "TIME", converter = IntervalConverter.class,
            description = "Time between probe rounds: 5, 5s, 500ms, 1m (default: 5s, or dashboard.interval).")
    Duration interval;

    @Option(names = "--readonly", negatable = true,
            description = "Look only: every change (add, notes, primary, remove) is disabled (dashboard.readonly).")
    Boolean readOnly;

    @Option(names = "--no-color", negatable = true,
            description = "No colours (also when the NO_COLOR variable is set; dashboard.color=false).")
    Boolean noColor;

    @Option(names = "--ascii", negatable = true,
            description = "Plain ASCII instead of Unicode glyphs: sparklines, charts, marks (dashboard.ascii).")
    Boolean ascii;

    @Option(names = "--sort", paramLabel = "COLUMN",
            description = "Sort the servers by COLUMN at start: name, id, node, state, uptime, rx/s, tx/s, allocs, up;"
                    + " -COLUMN for descending (dashboard.sort).")
    String sort;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The options for this run: the flags given, then the config file, then the built-in defaults. */
    public DashboardOptions options() {
        Map<String, String> env = environment();
        return options(DashboardDefaults.read(env), env.get("NO_COLOR"))
                .withChecks(CheckSettings.read(ConfigFile.in(env)));
    }

    DashboardOptions options(DashboardDefaults file, String noColorEnv) {
        Duration every = first(interval, file.interval(), DashboardOptions.DEFAULT_INTERVAL);
        boolean colourOff = noColor != null ? noColor : file.color() != null && !file.color();
        boolean color = Palette.from(colourOff, noColorEnv).hasColor();
        Duration timeout = every.compareTo(DashboardOptions.DEFAULT_TIMEOUT) < 0 ? every
                : DashboardOptions.DEFAULT_TIMEOUT;
        String column = sort != null ? DashboardDefaults.sort(sort, "--sort") : file.sort();
        return new DashboardOptions(every, timeout, first(readOnly, file.readOnly(), false), color,
                first(ascii, file.ascii(), false)).withSort(column);
    }

    private static <T> T first(T flag, T file, T builtIn) {
        return flag != null ? flag : file != null ? file : builtIn;
    }

    /** The environment the root command reads (tests pass their own), else the process's. */
    private Map<String, String> environment() {
        return CommandEnvironment.of(mixee).variables();
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
