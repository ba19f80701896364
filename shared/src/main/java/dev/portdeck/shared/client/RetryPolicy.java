package dev.portdeck.shared.client;

import java.time.Duration;

/**
 * How hard the client tries again. 429s are retried after `Retry-After` (a throttled request was never processed, so
 * even a POST may be repeated), within a count and a total wait. Other failures are retried only when repeating cannot
 * do anything twice: GETs, and connections refused before anything was sent.
 *
 * @param rateLimitRetries  at most this many retries after 429
 * @param maxRateLimitWait  the total time spent waiting for 429s; a longer Retry-After fails at once
 * @param safeRetries       retries of a GET after a broken connection, or of any request whose connection was refused
 * @param safeRetryBackoff  the pause before such a retry
 */
public record RetryPolicy(int rateLimitRetries, Duration maxRateLimitWait, int safeRetries, Duration safeRetryBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofSeconds(10), 1, Duration.ofMillis(250));

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, 0, Duration.ZERO);
}
