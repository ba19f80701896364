package dev.portdeck.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The last {@code window} results of one target and the up/down timeline, turned into {@link StatsSnapshot}s.
 *
 * <ul>
 *   <li>Latency statistics use open results only; percentiles are nearest-rank; jitter is the mean absolute difference
 *       of consecutive open connect times (RFC 3550's |D|, without its 1/16 smoothing).</li>
 *   <li>An open result whose connect time falls in a retransmitted-SYN band (≈1 s, ≈3 s, ≈7 s) is counted in
 *       {@code retransmits} and as loss, and kept out of the latency figures; it still counts as "up".</li>
 *   <li>The service's own round trip ({@link Outcome.Open#appLatency()}, from checks that ask the game) has its own
 *       figures: the newest, the mean and p95 over the window. It is never a retransmit suspect.</li>
 *   <li>A UDP check's latency is the first reply, not a connect: no retransmit bands apply to it.</li>
 *   <li>A {@link Outcome.LocalError} is this machine's problem: it becomes {@code last} but is not counted as sent,
 *       as loss, or as downtime.</li>
 *   <li>A down run lasts from its first failed probe to the next open one; a run still going counts up to its latest
 *       failure.</li>
 * </ul>
 * Not thread-safe: one owner thread records and takes snapshots.
 */
public final class History {

    public static final int DEFAULT_WINDOW = 100;

    /** Initial RTO is 1 s and doubles: a connect after 1, 2 or 3 lost SYNs takes ≈1 s, ≈3 s, ≈7 s plus one RTT. */
    private static final long[] RETRANSMIT_MILLIS = {1000, 3000, 7000};
    private static final long BAND_BELOW_MILLIS = 50;
    private static final long BAND_ABOVE_MILLIS = 300;

    private final Target target;
    private final int window;
    private final Deque<ProbeResult> results;
    private ProbeResult last;
    private Instant upSince;
    private Instant downSince;
    private Duration longestDowntime = Duration.ZERO;

    public History(Target target) {
        this(target, DEFAULT_WINDOW);
    }

    public History(Target target, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the window must hold at least one result, not " + window);
        }
        this.target = target;
        this.window = window;
        this.results = new ArrayDeque<>(Math.min(window, 1024));
    }

    /** True when a connect time looks like a lost SYN that the kernel sent again (tolerance -50/+300 ms). */
    public static boolean looksRetransmitted(Duration latency) {
        long millis = latency.toMillis();
        for (long mark : RETRANSMIT_MILLIS) {
            if (millis >= mark - BAND_BELOW_MILLIS && millis <= mark + BAND_ABOVE_MILLIS) {
                return true;
            }
        }
        return false;
    }

    public void record(ProbeResult result) {
        last = result;
        if (result.outcome() instanceof Outcome.LocalError) {
            return;
        }
        if (results.size() == window) {
            results.removeFirst();
        }
        results.addLast(result);
        if (result.outcome().isOpen()) {
            if (downSince != null) {
                noteDowntime(Duration.between(downSince, result.time()));
                downSince = null;
            }
            if (upSince == null) {
                upSince = result.time();
            }
        } else {
            upSince = null;
            if (downSince == null) {
                downSince = result.time();
            }
            noteDowntime(Duration.between(downSince, result.time()));
        }
    }

    private void noteDowntime(Duration run) {
        if (run.compareTo(longestDowntime) > 0) {
            longestDowntime = run;
        }
    }

    public StatsSnapshot snapshot() {
        List<StatsSnapshot.Sample> samples = new ArrayList<>(results.size());
        long[] nanos = new long[results.size()];
        long[] appNanos = new long[results.size()];
        int received = 0;
        int retransmits = 0;
        int apps = 0;
        Duration appLast = null;
        boolean overTcp = target.check().transport() == Check.Transport.TCP;
        for (ProbeResult r : results) {
            Outcome.Open open = r.outcome() instanceof Outcome.Open o ? o : null;
            Duration latency = open == null ? null : open.latency();
            if (open != null && open.appLatency() != null) {
                appLast = open.appLatency();
                appNanos[apps++] = appLast.toNanos();
            }
            if (overTcp && latency != null && looksRetransmitted(latency)) {
                retransmits++;
                latency = null;
            }
            if (latency != null) {
                nanos[received++] = latency.toNanos();
            }
            samples.add(new StatsSnapshot.Sample(r.time(), latency));
        }
        Latencies l = Latencies.of(Arrays.copyOf(nanos, received));
        Latencies app = Latencies.of(Arrays.copyOf(appNanos, apps));
        return new StatsSnapshot(target, last, l.min, l.avg, l.max, l.p50, l.p95, l.jitter,
                results.size(), received, retransmits, upSince, downSince, longestDowntime, samples,
                appLast, app.avg, app.p95);
    }

    /** Summary figures of the accepted connect times, in arrival order; all null when there are none. */
    private record Latencies(Duration min, Duration avg, Duration max, Duration p50, Duration p95, Duration jitter) {

        static Latencies of(long[] inOrder) {
            int n = inOrder.length;
            if (n == 0) {
                return new Latencies(null, null, null, null, null, null);
            }
            long sum = 0;
            long jitterSum = 0;
            for (int i = 0; i < n; i++) {
                sum += inOrder[i];
                if (i > 0) {
                    jitterSum += Math.abs(inOrder[i] - inOrder[i - 1]);
                }
            }
            long[] sorted = inOrder.clone();
            Arrays.sort(sorted);
            Duration jitter = n < 2 ? null : Duration.ofNanos(jitterSum / (n - 1));
            return new Latencies(Duration.ofNanos(sorted[0]), Duration.ofNanos(sum / n), Duration.ofNanos(sorted[n - 1]),
                    Duration.ofNanos(rank(sorted, 0.50)), Duration.ofNanos(rank(sorted, 0.95)), jitter);
        }

        /** Nearest-rank percentile: the smallest value with at least q of the samples at or below it. */
        private static long rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
