package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever arrives, the statistics stay consistent with each other. */
class HistoryPropertyTest {

    private static final Target TARGET = Target.of("127.0.0.1", 25565);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void statisticsAreAlwaysConsistent(@ForAll("outcomes") List<Outcome> outcomes,
            @ForAll @IntRange(min = 1, max = 50) int window) {
        History history = new History(TARGET, window);
        for (int i = 0; i < outcomes.size(); i++) {
            history.record(new ProbeResult(TARGET, null, outcomes.get(i), T0.plusSeconds(5L * i)));
        }
        StatsSnapshot s = history.snapshot();
        long counted = outcomes.stream().filter(o -> !(o instanceof Outcome.LocalError)).count();
        assertEquals(Math.min(window, counted), s.sent());
        assertTrue(s.received() + s.retransmits() <= s.sent());
        assertTrue(s.lossPercent() >= 0 && s.lossPercent() <= 100);
        assertEquals(s.sent(), s.recent().size());
        assertEquals(s.received(), s.recent().stream().filter(x -> !x.failed()).count());
        if (s.received() == 0) {
            assertNull(s.min());
            assertNull(s.avg());
        } else {
            assertNotNull(s.min());
            assertTrue(s.min().compareTo(s.p50()) <= 0 && s.p50().compareTo(s.p95()) <= 0
                    && s.p95().compareTo(s.max()) <= 0);
            assertTrue(s.min().compareTo(s.avg()) <= 0 && s.avg().compareTo(s.max()) <= 0);
            assertTrue(s.jitter() == null || s.jitter().compareTo(s.max().minus(s.min())) <= 0);
        }
        assertTrue(s.upSince() == null || s.downSince() == null, "never up and down at once");
        assertTrue(!s.longestDowntime().isNegative());
    }

    @Provide
    Arbitrary<List<Outcome>> outcomes() {
        Arbitrary<Outcome> open = Arbitraries.longs().between(0, 8_000).map(ms -> new Outcome.Open(Duration.ofMillis(ms)));
        Arbitrary<Outcome> other = Arbitraries.of(new Outcome.Closed(), new Outcome.Filtered(Duration.ofSeconds(1)),
                new Outcome.Unreachable("no route"), new Outcome.DnsError("no name"), new Outcome.LocalError("fds"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, open), net.jqwik.api.Tuple.of(2, other)).list().ofMaxSize(120);
    }
}
