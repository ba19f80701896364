package dev.portdeck.probe.agent;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The allocations' families ({@code portdeck_allocation_*}: 10 of a scrape's 11 MB at 10,000 allocations) and the
 * servers' ({@code portdeck_server_*}), each written by the official client's writer when it has changed ({@link
 * FamilyChanges}), compressed as it is written (half a megabyte kept, not ten), and served to every scrape until it
 * changes again. A round rewrites the connect histogram and the probe counters; up, last change and listening are
 * rewritten only when an allocation went down or up; a /resources answer rewrites the traffic and uptime. After a
 * round, when somebody scrapes at least once a round, the next scrape's copy is written at once, so the scrape itself
 * writes only what changed since and the panel's few families; a slower scraper has its copy written when it asks,
 * never one per round that nobody reads.
 */
final class AllocationExposition {

    private static final byte[] OPENMETRICS_END = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** One family as written: its name, the count of its changes when it was collected, and its compressed text. */
    record Family(String name, String prometheusName, long changes, GzipPieces.Piece piece) {
    }

    /**
     * The written families in the order the writer sorts them, each a {@link GzipPieces} piece (pieces of a response,
     * among those written for it; a plain response inflates them), OpenMetrics' closing "# EOF" left off.
     */
    record Written(ExpositionFormatWriter writer, EscapingScheme escaping, Map<String, Long> changes,
                   List<Family> families) {
    }

    private final List<FamilyCollector> collectors = new CopyOnWriteArrayList<>();
    private final FamilyChanges changes = new FamilyChanges();
    private final long roundNanos;
    private Written last; // guarded by this
    private Written asked; // what the latest scrape wanted; guarded by this
    private long askedAt; // guarded by this
    private long scrapePeriod = Long.MAX_VALUE; // between the latest two scrapes; guarded by this

    /** {@code round} is the time between two rounds. */
    AllocationExposition(Duration round) {
        this.roundNanos = round.toNanos();
    }

    /** Exposes the collector's families too; each counts its changes in {@link #changes()}. */
    void add(FamilyCollector collector) {
        collectors.add(collector);
    }

    /** Counts the changes to each family; the collectors count every change they make. */
    FamilyChanges changes() {
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
        Map<String, Long> counts = changes.now(); // before collecting: a change while we collect makes a copy stale
        boolean sameForm = last != null && last.writer() == writer && last.escaping() == escaping;
        if (sameForm && last.changes().equals(counts)) {
            return last;
        }
        Map<String, Family> before = new HashMap<>();
        if (sameForm) {
            last.families().forEach(f -> before.put(f.name(), f));
        }
        List<Family> families = new ArrayList<>();
        for (FamilyCollector collector : collectors) {
            for (String name : collector.familyNames()) {
                long count = counts.getOrDefault(name, 0L);
                Family kept = before.get(name);
                if (kept != null && kept.changes() == count) {
                    families.add(kept);
                } else {
                    MetricSnapshot family = collector.family(name);
                    families.add(new Family(name, family.getMetadata().getPrometheusName(), count,
                            piece(writer, escaping, family, kept == null ? 1 << 12 : kept.piece().deflatedLength() + 4096)));
                }
            }
        }
        families.sort(Comparator.comparing(Family::prometheusName)); // the order the client's writer sorts them in
        last = new Written(writer, escaping, counts, List.copyOf(families));
        return last;
    }

    /** One family as {@code writer} writes it, compressed into a piece that is not the last, without "# EOF". */
    static GzipPieces.Piece piece(ExpositionFormatWriter writer, EscapingScheme escaping, MetricSnapshot family,
            int expectedSize) {
        GzipPieces.Compressing compressed = new GzipPieces.Compressing(expectedSize, false);
        try {
            boolean openMetrics = writer instanceof OpenMetricsTextFormatWriter;
            try (OutputStream out = openMetrics ? new WithoutEnd(compressed) : compressed) {
                writer.write(out, MetricSnapshots.of(family), escaping);
            }
            return compressed.piece();
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
