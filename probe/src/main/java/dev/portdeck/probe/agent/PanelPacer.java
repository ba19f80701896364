package dev.portdeck.probe.agent;

import dev.portdeck.shared.client.RateLimitStatus;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RateLimited;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.Optional;

/**
 * Keeps the agent's requests inside the panel's rate limit, which is per user and shared with the user's browser and
 * other tools (Pterodactyl: 720 a minute, Pelican: 256). The agent spends a conservative budget of its own
 * ({@code --panel-rate}, 60 a minute by default: a quarter of Pelican's limit) as a token bucket with a small burst;
 * when the panel's {@code X-RateLimit-Remaining} says less than a quarter of its limit is left (others are using it
 * too), what is left is spread over a whole minute, and nothing is sent while nothing is left; a 429 stops every
 * request until its {@code Retry-After}. Used by one thread (the
 * agent's panel thread).
 */
final class PanelPacer {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final Duration MIN_PAUSE_AFTER_429 = Duration.ofSeconds(1);
    /** Below this share of the panel's limit left, the agent spreads the rest over a window. */
    private static final double NEARLY_SPENT = 0.25;

    private final long nanosPerToken;
    private final Supplier<Optional<RateLimitStatus.Reading>> panelLimit;
    private final double burst;
    private final LongSupplier nanoTime;
    private final PanelMetrics metrics;
    private double tokens;
    private long refilledAt;
    private long pausedUntil;
    private long sentAt;
    private long limitedAt = Long.MIN_VALUE;

    /** @param panelLimit the panel's last rate-limit headers ({@code client.rateLimit()::latest}) */
    PanelPacer(int requestsPerMinute, PanelMetrics metrics, Supplier<Optional<RateLimitStatus.Reading>> panelLimit) {
        this(requestsPerMinute, metrics, panelLimit, System::nanoTime);
    }

    PanelPacer(int requestsPerMinute, PanelMetrics metrics, Supplier<Optional<RateLimitStatus.Reading>> panelLimit,
            LongSupplier nanoTime) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("the panel budget must be at least 1 request a minute");
        }
        this.nanosPerToken = MINUTE_NANOS / requestsPerMinute;
        this.panelLimit = panelLimit;
        this.burst = Math.max(1, Math.min(10, requestsPerMinute / 6));
        this.nanoTime = nanoTime;
        this.metrics = metrics;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
        this.pausedUntil = refilledAt;
    }

    /** Waits for the budget, then sends; counts the answer's status code, and pauses everything after a 429. */
    <T> T call(Supplier<T> request) throws InterruptedException {
        waitForToken();
        try {
            T result = request.get();
            metrics.countRequest(200);
            return result;
        } catch (PanelException e) {
            metrics.countRequest(e.httpStatus());
            if (e instanceof RateLimited limited) {
                Duration wait = limited.retryAfter() == null || limited.retryAfter().compareTo(MIN_PAUSE_AFTER_429) < 0
                        ? MIN_PAUSE_AFTER_429 : limited.retryAfter();
                limitedAt = nanoTime.getAsLong();
                pausedUntil = limitedAt + wait.toNanos();
            }
            throw e;
        }
    }

    /** How long until a request may be sent, without waiting; zero when one may go now. */
    Duration untilNextToken() {
        refill();
        long now = nanoTime.getAsLong();
        long wait = Math.max(pausedUntil - now, tokens >= 1 ? 0 : (long) ((1 - tokens) * nanosPerToken));
        Optional<RateLimitStatus.Reading> limit = panelLimit.get();
        // After a 429 its Retry-After says when the window reopens; the headers of that same answer say nothing more.
        if (limit.isPresent() && limit.get().shareLeft() < NEARLY_SPENT && limit.get().atNanos() > limitedAt) {
            // Others use the same limit: spread what is left over a whole window, and wait it out when nothing is.
            RateLimitStatus.Reading r = limit.get();
            wait = Math.max(wait, MINUTE_NANOS / Math.max(1, r.remaining()) - (now - sentAt));
            if (r.remaining() == 0) {
                wait = Math.max(wait, r.atNanos() + MINUTE_NANOS - now);
            }
        }
        return Duration.ofNanos(Math.max(0, wait));
    }

    private void waitForToken() throws InterruptedException {
        for (Duration d = untilNextToken(); !d.isZero(); d = untilNextToken()) {
            Thread.sleep(Math.max(1, d.toMillis()));
        }
        tokens -= 1;
        sentAt = nanoTime.getAsLong();
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (double) (now - refilledAt) / nanosPerToken);
        refilledAt = now;
    }
}
