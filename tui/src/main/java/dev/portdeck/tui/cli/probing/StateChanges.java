package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Target;
import dev.portdeck.tui.TerminalText;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `probe --changes`: one line per target when its state changes (and its first state), with the time and how long
 * the previous state lasted: "00:15:07  127.0.0.1:25565  open → closed after 1m 5s open".
 */
final class StateChanges {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The state a target is in and since when. */
    private record Since(String word, Instant since) {
    }

    private final Map<Target, Since> states = new HashMap<>();
    private final ZoneId zone;

    StateChanges(ZoneId zone) {
        this.zone = zone;
    }

    /** The lines for this round's changes (every target's first state included); empty when nothing changed. */
    String lines(List<ProbeResult> results) {
        StringBuilder out = new StringBuilder();
        for (ProbeResult r : results) {
            String word = r.outcome().word();
            Since before = states.get(r.target());
            if (before != null && before.word().equals(word)) {
                continue;
            }
            states.put(r.target(), new Since(word, r.time()));
            out.append(clock(r.time())).append("  ").append(name(r.target())).append("  ");
            if (before == null) {
                out.append(word);
            } else {
                out.append(before.word()).append(" → ").append(word).append(" after ")
                        .append(lasted(Duration.between(before.since(), r.time()))).append(' ').append(before.word());
            }
            String detail = ProbeReport.detail(r.outcome());
            out.append(detail == null ? "" : " (" + TerminalText.clean(detail) + ")").append('\n');
        }
        return out.toString();
    }

    String clock(Instant time) {
        return LocalTime.ofInstant(time, zone).format(CLOCK);
    }

    private static String name(Target t) {
        return TerminalText.clean(t.label() == null ? t.toString() : t + " (" + t.label() + ")");
    }

    /** "850 ms", "12 s", "1m 5s", "2h 3m", "1d 4h". */
    static String lasted(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = ms / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86_400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        }
        return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
    }
}
