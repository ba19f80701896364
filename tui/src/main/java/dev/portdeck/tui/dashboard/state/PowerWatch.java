package dev.portdeck.tui.dashboard.state;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The power state the dashboard's own signals imply, shown until the panel agrees: panels cache `/resources` for
 * about 20 s, so right after a stop they still say "running". Given up after a minute, when the panel wins.
 */
final class PowerWatch {

    /** When to read the resources again after a signal: soon, and once more past the panel's 20 s cache. */
    static final long[] REREAD_MILLIS = {500, 1500, 3000, 6000, 10_000, 15_000, 21_000};
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private record Expected(PowerState shown, Set<PowerState> agreeing, Instant until) {
    }

    private final Map<String, Expected> expected = new HashMap<>();

    /** After a STOP the server ends offline (stopping until then); after a START it is starting, then running. */
    void expect(String server, PowerState shown, Instant now) {
        Set<PowerState> agreeing = switch (shown) {
            case STOPPING, OFFLINE -> Set.of(PowerState.OFFLINE);
            case STARTING, RUNNING -> Set.of(PowerState.STARTING, PowerState.RUNNING);
            case UNKNOWN -> Set.of();
        };
        expected.put(server, new Expected(shown, agreeing, now.plus(GIVE_UP)));
    }

    /** What to show for `server`: the implied state while the panel has not caught up, else the panel's (or null). */
    PowerState shown(String server, Resources panel, Instant now) {
        Expected e = expected.get(server);
        if (e != null && (now.isAfter(e.until()) || (panel != null && e.agreeing().contains(panel.state())))) {
            expected.remove(server);
            e = null;
        }
        if (e != null) {
            return e.shown();
        }
        return panel == null ? null : panel.state();
    }

    /** Whether the state shown for `server` is the dashboard's expectation rather than the panel's word. */
    boolean implied(String server) {
        return expected.containsKey(server);
    }
}
