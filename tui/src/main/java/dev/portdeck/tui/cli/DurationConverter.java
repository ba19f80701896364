package dev.portdeck.tui.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** "5" or "5s" (seconds), "500ms", "1.5s", "2m" to a Duration; zero and negative values are refused. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration; write e.g. 5s, 500ms or 2m");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(1000));
        };
        if (millis.signum() <= 0 || millis.compareTo(BigDecimal.valueOf(3_600_000)) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' must be more than 0 and at most 1 hour");
        }
        return Duration.ofMillis(millis.longValue());
    }
}
