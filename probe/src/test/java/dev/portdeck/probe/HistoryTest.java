package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics against values worked out by hand. */
class HistoryTest {

    private static final Target TARGET = Target.of("127.0.0.1", 25565);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ProbeResult at(int second, Outcome outcome) {
        return new ProbeResult(TARGET, null, outcome, T0.plusSeconds(second));
    }

    private static Outcome open(long millis) {
        return new Outcome.Open(Duration.ofMillis(millis));
    }

    private static final Outcome CLOSED = new Outcome.Closed();

    @Test
    void latencyFiguresMatchTheHandComputedValues() {
        History history = new History(TARGET, 100);
        long[] rtts = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        for (int i = 0; i < rtts.length; i++) {
            history.record(at(i, open(rtts[i])));
        }
        StatsSnapshot s = history.snapshot();
        assertEquals(Duration.ofMillis(10), s.min());
        assertEquals(Duration.ofMillis(100), s.max());
        assertEquals(Duration.ofMillis(55), s.avg());
        assertEquals(Duration.ofMillis(50), s.p50()); // nearest rank: ceil(0.5 * 10) = 5th
        assertEquals(Duration.ofMillis(100), s.p95()); // ceil(0.95 * 10) = 10th
        assertEquals(Duration.ofMillis(10), s.jitter());
        assertEquals(10, s.sent());
        assertEquals(10, s.received());
        assertEquals(0.0, s.lossPercent());
        assertEquals(T0, s.upSince());
        assertNull(s.downSince());
    }

    @Test
    void theServicesOwnRoundTripHasItsOwnFigures() {
        Target game = new Target("127.0.0.1", 25565, null, Check.MINECRAFT);
        History history = new History(game);
        Service mc = new Service("Minecraft", "motd", "1.20.4", null, 1, 20);
        long[] apps = {4, 8, 12};
        for (int i = 0; i < apps.length; i++) {
            history.record(new ProbeResult(game, null,
                    new Outcome.Open(Duration.ofMillis(1), Duration.ofMillis(apps[i]), mc), T0.plusSeconds(i)));
        }
        history.record(new ProbeResult(game, null, new Outcome.Open(Duration.ofMillis(1), null, mc), T0.plusSeconds(3)));
        history.record(new ProbeResult(game, null, new Outcome.Unresponsive(Duration.ofMillis(1), "no status reply"),
                T0.plusSeconds(4)));
        StatsSnapshot s = history.snapshot();
        assertEquals(Duration.ofMillis(12), s.appLast(), "the newest open result that had one");
        assertEquals(Duration.ofMillis(8), s.appAvg());
        assertEquals(Duration.ofMillis(12), s.appP95());
        assertEquals(Duration.ofMillis(1), s.avg(), "the connect time stays apart");
        assertEquals(5, s.sent());
        assertEquals(4, s.received(), "unresponsive counts as a failure");
        assertEquals(T0.plusSeconds(4), s.downSince());
    }

    @Test
    void aUdpReplyNearOneSecondIsLatencyNotARetransmittedSyn() {
        Target udp = new Target("127.0.0.1", 27015, null, Check.A2S);
        History history = new History(udp);
        history.record(new ProbeResult(udp, null, new Outcome.Open(Duration.ofMillis(1010)), T0));
        StatsSnapshot s = history.snapshot();
        assertEquals(0, s.retransmits());
        assertEquals(Duration.ofMillis(1010), s.avg());
    }

    @Test
    void openOrFilteredCountsAsDown() {
        Target udp = new Target("127.0.0.1", 27015, null, Check.UDP);
        History history = new History(udp);
        history.record(new ProbeResult(udp, null, new Outcome.OpenOrFiltered(Duration.ofSeconds(2)), T0));
        assertEquals(100.0, history.snapshot().lossPercent());
        assertEquals(T0, history.snapshot().downSince());
    }

    @Test
    void jitterIsTheMeanAbsoluteDifferenceOfConsecutiveConnectTimes() {
        History history = new History(TARGET);
        long[] rtts = {10, 30, 20, 50};
        for (int i = 0; i < rtts.length; i++) {
            history.record(at(i, open(rtts[i])));
        }
        // |30-10| + |20-30| + |50-20| = 20 + 10 + 30 = 60, over 3 differences = 20 ms
        assertEquals(Duration.ofMillis(20), history.snapshot().jitter());
        assertEquals(Duration.ofMillis(20), history.snapshot().p50()); // sorted 10 20 30 50: 2nd
        assertEquals(Duration.ofMillis(27_500), history.snapshot().avg().multipliedBy(1000)); // 27.5 ms
    }

    @Test
    void lossDowntimeAndUpSinceFollowTheTimeline() {
        History history = new History(TARGET);
        history.record(at(0, open(5)));
        history.record(at(5, CLOSED));
        history.record(at(10, new Outcome.Filtered(Duration.ofSeconds(1))));
        StatsSnapshot down = history.snapshot();
        assertEquals(T0.plusSeconds(5), down.downSince());
        assertNull(down.upSince());
        assertEquals(Duration.ofSeconds(5), down.longestDowntime(), "a run still going counts to its last failure");
        history.record(at(20, open(7)));
        history.record(at(25, CLOSED));
        StatsSnapshot s = history.snapshot();
        assertEquals(Duration.ofSeconds(15), s.longestDowntime(), "from the first failure at 5 s to the open at 20 s");
        assertEquals(T0.plusSeconds(25), s.downSince());
        assertEquals(5, s.sent());
        assertEquals(2, s.received());
        assertEquals(60.0, s.lossPercent(), 1e-9);
        assertEquals(Duration.ofMillis(6), s.avg());
        assertEquals(Duration.ofMillis(2), s.jitter(), "consecutive open connect times 5 then 7");
        assertEquals(CLOSED, s.last().outcome());
    }

    @Test
    void aConnectThatTookARetransmittedSynIsLossNotLatency() {
        History history = new History(TARGET);
        history.record(at(0, open(2)));
        history.record(at(5, open(1003)));
        history.record(at(10, open(3010)));
        history.record(at(15, open(4)));
        StatsSnapshot s = history.snapshot();
        assertEquals(4, s.sent());
        assertEquals(2, s.received());
        assertEquals(2, s.retransmits());
        assertEquals(50.0, s.lossPercent(), 1e-9);
        assertEquals(Duration.ofMillis(4), s.max(), "the 1 s and 3 s connects are not averaged in");
        assertEquals(Duration.ofMillis(3), s.avg());
        assertEquals(T0, s.upSince(), "it did connect: still up");
        assertEquals(4, s.recent().size());
        assertTrue(s.recent().get(1).failed());
        assertFalse(s.recent().get(3).failed());
    }

    @Test
    void theRetransmitBandsSitAroundOneThreeAndSevenSeconds() {
        assertTrue(History.looksRetransmitted(Duration.ofMillis(1000)));
        assertTrue(History.looksRetransmitted(Duration.ofMillis(1250)));
        assertTrue(History.looksRetransmitted(Duration.ofMillis(2960)));
        assertTrue(History.looksRetransmitted(Duration.ofMillis(7100)));
        assertFalse(History.looksRetransmitted(Duration.ofMillis(900)));
        assertFalse(History.looksRetransmitted(Duration.ofMillis(2000)));
        assertFalse(History.looksRetransmitted(Duration.ofMillis(120)));
    }

    @Test
    void theWindowKeepsOnlyTheNewestResults() {
        History history = new History(TARGET, 3);
        history.record(at(0, CLOSED));
        history.record(at(1, open(10)));
        history.record(at(2, open(20)));
        history.record(at(3, open(30)));
        StatsSnapshot s = history.snapshot();
        assertEquals(3, s.sent());
        assertEquals(0.0, s.lossPercent());
        assertEquals(Duration.ofMillis(10), s.min());
        assertEquals(List.of(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3)),
                s.recent().stream().map(StatsSnapshot.Sample::time).toList());
        assertEquals(Duration.ofSeconds(1), s.longestDowntime(), "the timeline outlives the window");
    }

    @Test
    void aLocalErrorIsShownAsLastButNeverCountedAgainstTheTarget() {
        History history = new History(TARGET);
        history.record(at(0, open(3)));
        history.record(at(1, new Outcome.LocalError("out of file descriptors")));
        StatsSnapshot s = history.snapshot();
        assertEquals(1, s.sent());
        assertEquals(0.0, s.lossPercent());
        assertEquals("local-error", s.last().outcome().word());
        assertEquals(T0, s.upSince());
        assertNull(s.downSince());
    }

    @Test
    void beforeAnyOpenResultTheLatencyFieldsAreNull() {
        History history = new History(TARGET);
        StatsSnapshot empty = history.snapshot();
        assertNull(empty.last());
        assertEquals(0, empty.sent());
        assertEquals(0.0, empty.lossPercent());
        history.record(at(0, CLOSED));
        StatsSnapshot s = history.snapshot();
        assertNull(s.min());
        assertNull(s.avg());
        assertNull(s.p95());
        assertNull(s.jitter());
        assertEquals(100.0, s.lossPercent());
    }
}
