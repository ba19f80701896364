package dev.portdeck.shared.client;

import java.time.Duration;
import java.util.Optional;

/**
 * What the panel's last answer said about its rate limit (`X-RateLimit-Limit` / `X-RateLimit-Remaining`), so pollers
 * can slow down before the panel says 429. The limit is per panel *user* over a one-minute window, shared with the
 * user's browser and other keys. Thread-safe: the client writes it after every answer, pollers read it any time.
 */
public final class RateLimitStatus {

    /** Panels count requests in a fixed one-minute window. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Below this share of the limit left, {@link #pace} stretches the interval. */
    private static final double COMFORTABLE = 0.25;

    /**
     * One answer's headers.
     *
     * @param limit     requests allowed per window
     * @param remaining requests left in this window
     * @param atNanos   System.nanoTime() when the answer arrived
     */
    public record Reading(int limit, int remaining, long atNanos) {
        /** remaining / limit, between 0 and 1. */
        public double shareLeft() {
            return limit <= 0 ? 1 : Math.max(0, Math.min(1, (double) remaining / limit));
        }
    }

    private volatile Reading last;

    /** The latest reading less than a window old, or empty when the panel sends no such headers. */
    public Optional<Reading> latest() {
        Reading r = last;
        if (r == null || System.nanoTime() - r.atNanos() > WINDOW.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(r);
    }

    /**
     * The interval a poller should use instead of `planned`: unchanged while a quarter of the limit or more is left,
     * then stretched in proportion to how little is left, up to the whole window when nothing is.
     */
    public Duration pace(Duration planned) {
        Optional<Reading> r = latest();
        if (r.isEmpty() || r.get().shareLeft() >= COMFORTABLE) {
            return planned;
        }
        double share = Math.max(r.get().shareLeft(), 1.0 / Math.max(1, r.get().limit()));
        long nanos = (long) Math.min(WINDOW.toNanos(), planned.toNanos() * (COMFORTABLE / share));
        return nanos > planned.toNanos() ? Duration.ofNanos(nanos) : planned;
    }

    /** Records an answer's headers; absent or unreadable ones leave the last reading as it was. */
    void record(String limitHeader, String remainingHeader) {
        Integer limit = number(limitHeader);
        Integer remaining = number(remainingHeader);
        if (limit != null && remaining != null && limit > 0) {
            last = new Reading(limit, Math.min(remaining, limit), System.nanoTime());
        }
    }

    static Integer number(String header) {
        if (header == null || !header.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(header.strip());
    }

    @Override
    public String toString() {
        return latest().map(r -> "RateLimitStatus[" + r.remaining() + " of " + r.limit() + " left]")
                .orElse("RateLimitStatus[unknown]");
    }
}
