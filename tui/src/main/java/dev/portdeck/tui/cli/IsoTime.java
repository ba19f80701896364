package dev.portdeck.tui.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An instant as ISO-8601 UTC with nanoseconds ("2026-11-27T04:06:07.277264816Z"), written by hand: Instant.toString
 * starts the whole DateTimeFormatter machinery, a visible share of a short `portdeck probe --json` run.
 */
final class IsoTime {

    private IsoTime() {
    }

    static void append(Instant instant, StringBuilder out) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano(), 9).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
