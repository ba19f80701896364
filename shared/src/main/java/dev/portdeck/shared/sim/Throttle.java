package dev.portdeck.shared.sim;

import java.util.HashMap;
import java.util.Map;

/** Fixed-window request counting per key (an API key, a server), like Laravel's throttle middleware. */
final class Throttle {

    /** The outcome of one hit: allowed or not, what is left, and when the window reopens. */
    record Verdict(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    private record Window(long startNanos, int count) {
    }

    private final RateLimit limit;
    private final Map<String, Window> windows = new HashMap<>();

    Throttle(RateLimit limit) {
        this.limit = limit;
    }

    boolean isOff() {
        return limit.isOff();
    }

    synchronized Verdict hit(String key, long nowNanos) {
        long windowNanos = limit.window().toNanos();
        Window w = windows.get(key);
        if (w == null || nowNanos - w.startNanos() >= windowNanos) {
            w = new Window(nowNanos, 0);
        }
        long retryAfterNanos = w.startNanos() + windowNanos - nowNanos;
        long retryAfter = Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        if (w.count() >= limit.requests()) {
            windows.put(key, w);
            return new Verdict(false, limit.requests(), 0, retryAfter);
        }
        windows.put(key, new Window(w.startNanos(), w.count() + 1));
        return new Verdict(true, limit.requests(), limit.requests() - w.count() - 1, retryAfter);
    }

    ApiError refusal(Verdict v) {
        return new ApiError(429, "ThrottleRequestsException", "Too Many Attempts.")
                .header("Retry-After", Long.toString(v.retryAfterSeconds()))
                .header("X-RateLimit-Limit", Integer.toString(v.limit()))
                .header("X-RateLimit-Remaining", "0");
    }
}
