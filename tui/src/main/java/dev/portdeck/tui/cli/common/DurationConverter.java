package dev.portdeck.tui.cli.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The panel timeouts (--connect-timeout, --read-timeout): a {@link #parse duration} of at least 1 ms (OkHttp reads
 * 0 as "no timeout") and at most 1 hour.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d.toMillis() < 1 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be more than 0 and at most 1 hour");
        }
        return d;
    }

    /**
     * Every duration portdeck reads: "500ms", "2s", "1.5s", "1m", "1h", a bare number of seconds, or ISO-8601
     * ("PT2S"). Callers check the range they accept.
     */
    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("pt")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 duration");
            }
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write e.g. 500ms, 2s, 1.5s or 1m");
        }
        long unitNanos = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos));
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is longer than portdeck can wait");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
