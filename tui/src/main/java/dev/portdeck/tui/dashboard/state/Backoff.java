package dev.portdeck.tui.dashboard.state;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * Trying a lost panel again by itself: 2 s, 4 s, 8 s, 15 s, 30 s, then every 60 s, so a panel that comes back is
 * seen soon and one that stays away is not hammered. The next attempt's time is shown as a countdown.
 */
final class Backoff {

    private static final long[] SECONDS = {2, 4, 8, 15, 30, 60};
    private final Calls calls;
    private int failures;
    private Instant next;
    private ScheduledFuture<?> pending;

    Backoff(Calls calls) {
        this.calls = calls;
    }

    /** Another failure: `retry` runs (on the GUI thread) after the next step of the ladder. */
    void failed(Instant now, Runnable retry) {
        cancel();
        Duration wait = Duration.ofSeconds(SECONDS[Math.min(failures, SECONDS.length - 1)]);
        failures++;
        next = now.plus(wait);
        pending = calls.later(wait, () -> {
            next = null;
            retry.run();
        });
    }

    void succeeded() {
        cancel();
        failures = 0;
    }

    /** The attempt is made now instead (`r`): whatever was scheduled is off. */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        next = null;
    }

    /** Time until the next automatic attempt, or null when none is scheduled. */
    Duration remaining(Instant now) {
        return next == null ? null : Duration.between(now, next).isNegative() ? Duration.ZERO
                : Duration.between(now, next);
    }
}
