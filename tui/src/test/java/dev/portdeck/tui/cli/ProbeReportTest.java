package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

    @Test
    void millisecondsHaveThreeDecimalsRoundedToTheMicrosecond() {
        assertEquals("0.183", ProbeReport.millis(Duration.ofNanos(183_400)));
        assertEquals("0.184", ProbeReport.millis(Duration.ofNanos(183_500)));
        assertEquals("12.005", ProbeReport.millis(Duration.ofNanos(12_004_800)));
        assertEquals("1000.000", ProbeReport.millis(Duration.ofSeconds(1)));
        assertEquals("0.000", ProbeReport.millis(Duration.ZERO));
        assertEquals("-", ProbeReport.millis(null));
    }

    @Test
    void timesAreIso8601UtcWithNanosecondsAndParseBack() {
        for (Instant t : new Instant[] {Instant.parse("2026-11-27T04:06:07.277264816Z"), Instant.EPOCH,
                Instant.parse("1999-01-02T03:04:05.000000001Z"), Instant.parse("2026-02-28T23:59:59.5Z")}) {
            StringBuilder out = new StringBuilder();
            IsoTime.append(t, out);
            assertEquals(t, Instant.parse(out), out.toString());
            assertEquals(30, out.length(), out.toString());
        }
        StringBuilder out = new StringBuilder();
        IsoTime.append(Instant.parse("2026-11-27T04:06:07.277264816Z"), out);
        assertEquals("2026-11-27T04:06:07.277264816Z", out.toString());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", ProbeReport.quote("a\"b\\c\n\u0001"));
    }
}
