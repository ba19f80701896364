package dev.portdeck.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Immutable statistics of one target over its bounded history window. Latency fields are null until an open result
 * arrives. Connects that look like a retransmitted SYN (≈1 s, ≈3 s) count as loss, not latency.
 *
 * @param target          the target
 * @param last            the newest result, or null before the first
 * @param min             lowest connect time in the window
 * @param avg             mean connect time in the window
 * @param max             highest connect time in the window
 * @param p50             median connect time in the window
 * @param p95             95th percentile connect time in the window
 * @param jitter          mean absolute difference of consecutive connect times (RFC 3550 style, unsmoothed)
 * @param sent            probes in the window
 * @param received        open results in the window (excluding retransmit suspects)
 * @param retransmits     open results whose time looked like a retransmitted SYN
 * @param upSince         start of the current run of open results, or null when down
 * @param downSince       start of the current run of failures, or null when up
 * @param longestDowntime the longest run of failures seen (Duration.ZERO when none)
 * @param recent          the newest samples, oldest first, for a sparkline
 * @param appLast         the service's own round trip in the newest open result that had one (Minecraft ping/pong,
 *                        the A2S reply, …), or null
 * @param appAvg          mean of the service's round trips in the window, or null
 * @param appP95          95th percentile of the service's round trips in the window, or null
 */
public record StatsSnapshot(
        Target target,
        ProbeResult last,
        Duration min,
        Duration avg,
        Duration max,
        Duration p50,
        Duration p95,
        Duration jitter,
        int sent,
        int received,
        int retransmits,
        Instant upSince,
        Instant downSince,
        Duration longestDowntime,
        List<Sample> recent,
        Duration appLast,
        Duration appAvg,
        Duration appP95) {

    /** One point of a sparkline: a latency, or null for a failed probe. */
    public record Sample(Instant time, Duration latency) {
        public boolean failed() {
            return latency == null;
        }
    }

    public StatsSnapshot {
        recent = List.copyOf(recent);
    }

    /**
     * The latest result alone, every figure empty: what a monitor that keeps no statistics hands on (the agent, whose
     * history is Prometheus').
     */
    public static StatsSnapshot latestOnly(ProbeResult last) {
        return new StatsSnapshot(last.target(), last, null, null, null, null, null, null, 0, 0, 0, null, null,
                Duration.ZERO, List.of(), null, null, null);
    }

    /** Loss over the window, 0..100; 0 before anything was sent. */
    public double lossPercent() {
        return sent == 0 ? 0.0 : 100.0 * (sent - received) / sent;
    }
}
