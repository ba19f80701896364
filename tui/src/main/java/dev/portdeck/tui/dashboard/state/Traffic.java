package dev.portdeck.tui.dashboard.state;

import dev.portdeck.shared.model.Resources;
import java.time.Duration;
import java.time.Instant;

/**
 * A server's network rate, from two `/resources` samples (the panel reports totals since start).
 *
 * @param rx bytes received per second, or null with fewer than two samples
 * @param tx bytes sent per second, or null with fewer than two samples
 */
public record Traffic(Double rx, Double tx) {

    static final Traffic UNKNOWN = new Traffic(null, null);

    /** The rate between `before` (taken at `then`) and `after` (taken at `now`); unknown across a restart. */
    static Traffic between(Resources before, Instant then, Resources after, Instant now) {
        double seconds = Duration.between(then, now).toMillis() / 1000.0;
        long rx = after.networkRxBytes() - before.networkRxBytes();
        long tx = after.networkTxBytes() - before.networkTxBytes();
        if (seconds < 1 || rx < 0 || tx < 0) {
            return UNKNOWN;
        }
        return new Traffic(rx / seconds, tx / seconds);
    }
}
