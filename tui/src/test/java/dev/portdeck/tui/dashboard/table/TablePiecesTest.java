package dev.portdeck.tui.dashboard.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.probe.StatsSnapshot.Sample;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of the table: layout, sparkline, readouts. */
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
    void decimalsAreWhatStringFormatWrites() {
        java.util.Random random = new java.util.Random(13);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, 0.05, 0.15, 0.25, 0.45, 2.5, 9.95, 9.949999,
                99.95, 0.5, 1.5, 1023.5, 1e9 + 0.5));
        for (int i = 0; i < 40_000; i++) {
            values.add(i / 1000.0); // every step of a thousandth: the halves that round up
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(8)));
            values.add(i / 1024.0 * 10);
        }
        for (double v : values) {
            for (int places = 0; places <= 1; places++) {
                String expected = String.format(java.util.Locale.ROOT, "%." + places + "f", v);
                assertEquals(expected, Readouts.decimals(v, places), "%." + places + "f of " + v);
            }
        }
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
}
