package dev.portdeck.tui.dashboard;

import dev.portdeck.tui.TerminalText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.StatsSnapshot.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The small parts of the table: layout, sparkline, readouts, the redraw coalescer. */
class TablePiecesTest {

    private static final List<Column> COLUMNS = List.of(
            Column.fixed("A", 10, 0), Column.flexible("B", 10, 30, 1), Column.fixed("C", 10, 3),
            Column.fixed("D", 10, 2));

    @Test
    void columnsThatDoNotFitGoInOrderOfImportance() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, ColumnLayout.fit(COLUMNS, 43).indexes());
        assertArrayEquals(new int[] {0, 1, 3}, ColumnLayout.fit(COLUMNS, 42).indexes(), "C goes first");
        assertArrayEquals(new int[] {0, 1}, ColumnLayout.fit(COLUMNS, 30).indexes(), "then D");
        assertArrayEquals(new int[] {0}, ColumnLayout.fit(COLUMNS, 15).indexes(), "then B; A never goes");
    }

    @Test
    void theFlexibleColumnTakesTheRoomLeftUpToItsMaximum() {
        assertArrayEquals(new int[] {10, 17, 10, 10}, ColumnLayout.fit(COLUMNS, 50).widths());
        assertArrayEquals(new int[] {10, 30, 10, 10}, ColumnLayout.fit(COLUMNS, 200).widths());
    }

    @Test
    void sparklineScalesToTheSlowestShownAndMarksFailures() {
        Sparkline s = new Sparkline(Glyphs.UNICODE);
        Instant t = Instant.EPOCH;
        List<Sample> samples = List.of(new Sample(t, Duration.ofMillis(1)), new Sample(t, null),
                new Sample(t, Duration.ofMillis(16)));
        assertEquals("  ▁×█", s.render(samples, 5));
        assertEquals("×█", s.render(samples, 2), "the newest win when there is no room");
        assertEquals("_x#", new Sparkline(Glyphs.ASCII).render(samples.subList(0, 3), 3).replace('%', '#'));
    }

    @Test
    void readoutsAreShortAndSayWhenUnknown() {
        Readouts r = new Readouts(Glyphs.UNICODE);
        assertEquals("0.4", r.millis(Duration.ofNanos(400_000)));
        assertEquals("140", r.millis(Duration.ofMillis(140)));
        assertEquals("<0.1", r.millis(Duration.ofNanos(20_000)), "a loopback connect is not 0 ms");
        assertEquals("—", r.millis(null));
        assertEquals("12%", r.loss(12.4, 10));
        assertEquals("—", r.loss(0, 0));
        assertEquals("512B", r.rate(512.0));
        assertEquals("1.5K", r.rate(1536.0));
        assertEquals("—", r.rate(null));
        assertEquals("5h12m", r.uptime((5 * 3600 + 12 * 60) * 1000L));
        assertEquals("3d4h", r.uptime((3 * 86_400 + 4 * 3600) * 1000L));
        assertEquals("3s ago", r.ago(Duration.ofSeconds(3)));
        assertEquals("2m ago", r.ago(Duration.ofSeconds(150)));
    }

    @Test
    void aBurstOfUpdatesBecomesFewDeliveriesWithTheNewestValues() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Map<String, Integer>> delivered = new CopyOnWriteArrayList<>();
            Coalescer<String, Integer> c = new Coalescer<>(timer, Runnable::run, 100, delivered::add);
            for (int i = 0; i < 1000; i++) {
                Map<String, Integer> one = new HashMap<>();
                one.put("k" + (i % 10), i);
                c.offer(one);
            }
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Map<String, Integer> merged = new HashMap<>();
            while (!Integer.valueOf(999).equals(merged.get("k9")) && System.nanoTime() < end) {
                Thread.sleep(10);
                delivered.forEach(merged::putAll);
            }
            assertEquals(999, merged.get("k9"), "the newest value arrives");
            assertEquals(10, merged.size());
            assertTrue(delivered.size() <= 3, "1000 updates in a burst: " + delivered.size() + " deliveries");
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void panelTextCannotSendEscapeSequencesOrBreakLines() {
        Painter p = new Painter(new Palette(false), Glyphs.UNICODE);
        assertEquals("evil [2J note", TerminalText.clean("evil\u001b[2J\nnote"));
        assertEquals("evil 2J", TerminalText.clean("evil\u009b2J"), "the one-byte C1 CSI is an escape too");
        assertEquals("evil [2J…", p.fit("evil\u001b[2J\nnote", 9, false));
        assertEquals("   ab", p.fit("ab", 5, true));
        assertEquals("漢字 ", p.fit("漢字", 5, false), "wide characters count as two columns");
    }
}
