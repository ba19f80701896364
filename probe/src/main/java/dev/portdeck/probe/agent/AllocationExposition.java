package dev.portdeck.probe.agent;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The allocations' families ({@code portdeck_allocation_*}: 9 of a scrape's 10 MB at 10,000 allocations), written by
 * the official client's writer once per change and served to every scrape until the next round changes them. Every
 * change to the allocations' series counts in {@link #changes()}; a written copy is used only while nothing changed
 * since it was collected. After a round, when somebody scrapes at least once a round, the next scrape's copy is
 * written at once, so the scrape itself only writes the panel's and the servers' families; a slower scraper has its
 * copy written when it asks, never one per round that nobody reads.
 */
final class AllocationExposition {

    private static final byte[] OPENMETRICS_END = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The written families: {@code length} bytes of {@code bytes} (OpenMetrics' closing "# EOF" left off: the
     * rest of the scrape follows), and the last family's name, which everything written after it must sort after.
     */
    record Written(ExpositionFormatWriter writer, EscapingScheme escaping, long generation, byte[] bytes, int length,
                   String lastName) {

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, length);
        }
    }

    private final PrometheusRegistry registry;
    private final AtomicLong changes = new AtomicLong();
    private final long roundNanos;
    private Written last; // guarded by this
    private Written asked; // what the latest scrape wanted; guarded by this
    private long askedAt; // guarded by this
    private long scrapePeriod = Long.MAX_VALUE; // between the latest two scrapes; guarded by this

    /** {@code registry} holds the allocations' collectors only; {@code round} is the time between two rounds. */
    AllocationExposition(PrometheusRegistry registry, Duration round) {
        this.registry = registry;
        this.roundNanos = round.toNanos();
    }

    /** Counts the changes; the collectors add one with every change they make. */
    AtomicLong changes() {
        return changes;
    }

    /** The families as {@code writer} writes them now: the copy from before when nothing changed since. */
    synchronized Written written(ExpositionFormatWriter writer, EscapingScheme escaping) {
        long now = System.nanoTime();
        if (asked != null) {
            scrapePeriod = now - askedAt;
        }
        asked = write(writer, escaping);
        askedAt = now;
        return asked;
    }

    /** After a round: writes the next scrape's copy now, when somebody scrapes at least once a round. */
    synchronized void prepare() {
        boolean scrapedEachRound = scrapePeriod <= roundNanos + roundNanos / 2
                && System.nanoTime() - askedAt <= 2 * scrapePeriod;
        if (asked != null && scrapedEachRound) {
            write(asked.writer(), asked.escaping());
        }
    }

    private synchronized Written write(ExpositionFormatWriter writer, EscapingScheme escaping) {
        long generation = changes.get(); // before collecting: a change while we collect makes the copy stale
        if (last != null && last.generation() == generation && last.writer() == writer
                && last.escaping() == escaping) {
            return last;
        }
        MetricSnapshots snapshots = registry.scrape();
        Buffer out = new Buffer(last == null ? 1 << 16 : last.length() + (last.length() >> 4));
        try {
            writer.write(out, snapshots, escaping);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        int length = out.size();
        if (writer instanceof OpenMetricsTextFormatWriter && out.endsWith(OPENMETRICS_END)) {
            length -= OPENMETRICS_END.length;
        }
        String lastName = "";
        for (MetricSnapshot s : snapshots) {
            lastName = s.getMetadata().getPrometheusName();
        }
        last = new Written(writer, escaping, generation, out.array(), length, lastName);
        return last;
    }

    /** A ByteArrayOutputStream whose array is kept as it is, not copied (10 MB at 10,000 allocations). */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }

        boolean endsWith(byte[] suffix) {
            return count >= suffix.length
                    && Arrays.equals(buf, count - suffix.length, count, suffix, 0, suffix.length);
        }
    }
}
