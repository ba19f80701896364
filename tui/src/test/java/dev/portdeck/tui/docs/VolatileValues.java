package dev.portdeck.tui.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What differs between two honest runs of the same command, masked so that only a real change of output shows:
 * times and durations, latencies and statistics, the demo panel's random port and key, process ids, the version and
 * commit. Column widths follow those values, so runs of spaces count as one; the probe marks count as their ASCII
 * forms (a JVM whose default charset is not UTF-8 prints those).
 */
final class VolatileValues {

    private static final Map<Pattern, String> MASKS = new LinkedHashMap<>();

    static {
        mask("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
        mask("\\b\\d\\d:\\d\\d:\\d\\d\\b", "HH:MM:SS");
        mask("\\b(ptlc|pacc|ptla|papp)_[A-Za-z0-9]{20,}", "$1_KEY");
        mask("(127\\.0\\.0\\.1|localhost|\\[::1]):\\d+", "$1:PORT");
        mask("(\"[a-z_]*ms\"):\\s*[\\d.]+", "$1:N");
        mask("(?<![\\d.])\\d+(\\.\\d+)?( ?)(ms|µs|us|s)\\b", "N$2$3");
        mask("(?<![\\d.])\\d+\\.\\d{3}(?![\\d.])", "N");
        mask("\\b\\d+[dhm]\\d+[hms]\\b", "UPTIME");
        mask("\\bpid \\d+", "pid N");
        mask("\"pid\": \\d+", "\"pid\": N");
        mask("portdeck (\\S+|development build) \\((commit [0-9a-f]+|unknown commit)\\)",
                "portdeck VERSION (commit C)");
        mask("✔", "+");
        mask("✘", "x");
        mask("≈", "~");
        mask("[ \\t]+", " ");
    }

    private VolatileValues() {
    }

    private static void mask(String regex, String replacement) {
        MASKS.put(Pattern.compile(regex), replacement);
    }

    /**
     * The lines as one text with every volatile value masked and no trailing spaces or blank lines; with
     * {@code everyNumber} (a capture's {@code numbers=vary}: a panel that picks a random port) every number too.
     */
    static String masked(List<String> lines, boolean everyNumber) {
        String text = lines.stream().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
        for (Map.Entry<Pattern, String> m : MASKS.entrySet()) {
            text = m.getKey().matcher(text).replaceAll(m.getValue());
        }
        if (everyNumber) {
            text = text.replaceAll("\\d+", "N");
        }
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }
}
