package dev.portdeck.shared.sim;

import java.time.Duration;

/**
 * At most {@code requests} per {@code window} (a fixed window, as Laravel's throttle counts). {@link #OFF} never limits.
 *
 * @param requests allowed per window; 0 means no limit
 * @param window   the window length, at least one millisecond
 */
public record RateLimit(int requests, Duration window) {

    public static final RateLimit OFF = new RateLimit(0, Duration.ofMinutes(1));

    public RateLimit {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0");
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
    }

    public static RateLimit perMinute(int requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }

    public boolean isOff() {
        return requests == 0;
    }
}
