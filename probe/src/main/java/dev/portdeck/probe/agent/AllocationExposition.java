package dev.portdeck.probe.agent;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The allocations' families ({@code portdeck_allocation_*}: 9 of a scrape's 10 MB at 10,000 allocations), written by
 * the official client's writer once per change, compressed as they are written (half a megabyte kept, not ten), and
 * served to every scrape until the next round changes them. Every
 * change to the allocations' series counts in {@link #changes()}; a written copy is used only while nothing changed
 * since it was collected. After a round, when somebody scrapes at least once a round, the next scrape's copy is
 * written at once, so the scrape itself only writes the panel's and the servers' families; a slower scraper has its
 * copy written when it asks, never one per round that nobody reads.
 */
final class AllocationExposition {

    private static final byte[] OPENMETRICS_END = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * The written families, compressed ({@link GzipPieces}: a response's first piece; a plain response inflates it),
     * OpenMetrics' closing "# EOF" left off (the rest of the scrape follows), and the last family's name, which
     * everything written after it must sort after.
     */
    record Written(ExpositionFormatWriter writer, EscapingScheme escaping, long generation, GzipPieces.Piece piece,
                   String lastName) {

        /** The families as they were written. */
        void writePlainTo(OutputStream out) throws IOException {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(piece.deflated(), 0, piece.deflatedLength());
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = inflater.inflate(buffer)) > 0 || !inflater.needsInput()) {
                    out.write(buffer, 0, n);
                }
            } catch (DataFormatException e) {
                throw new IllegalStateException("our own deflate stream is broken", e);
            } finally {
                inflater.end();
            }
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
        GzipPieces.Compressing compressed = new GzipPieces.Compressing(
                last == null ? 1 << 12 : last.piece().deflatedLength() + 4096, false);
        try {
            boolean openMetrics = writer instanceof OpenMetricsTextFormatWriter;
            try (OutputStream out = openMetrics ? new WithoutEnd(compressed) : compressed) {
                writer.write(out, snapshots, escaping);
            }
            String lastName = "";
            for (MetricSnapshot s : snapshots) {
                lastName = s.getMetadata().getPrometheusName();
            }
            last = new Written(writer, escaping, generation, compressed.piece(), lastName);
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only memory is written
        }
    }

    /** Passes everything on but OpenMetrics' closing "# EOF" line (the last bytes held back until the end). */
    private static final class WithoutEnd extends OutputStream {
        private final OutputStream out;
        private final byte[] held = new byte[OPENMETRICS_END.length];
        private int count;

        WithoutEnd(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int total = count + len;
            int release = Math.max(0, total - held.length); // bytes of held + b that are surely not the end
            int fromHeld = Math.min(release, count);
            out.write(held, 0, fromHeld);
            out.write(b, off, release - fromHeld);
            byte[] keep = new byte[held.length];
            int kept = 0;
            for (int i = fromHeld; i < count; i++) {
                keep[kept++] = held[i];
            }
            for (int i = off + release - fromHeld; i < off + len; i++) {
                keep[kept++] = b[i];
            }
            System.arraycopy(keep, 0, held, 0, kept);
            count = kept;
        }

        /** Ends without the closing line; anything else held back is written. */
        @Override
        public void close() throws IOException {
            if (count != held.length || !Arrays.equals(held, OPENMETRICS_END)) {
                out.write(held, 0, count);
            }
            count = 0;
        }
    }
}
