package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorTest {

    private final BlockingQueue<Map<Target, StatsSnapshot>> updates = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private ServerSocket listening;
    private Target open;
    private Target closed;
    private Monitor monitor;

    @BeforeEach
    void start() throws Exception {
        listening = Loopback.listen(false);
        open = new Target("127.0.0.1", listening.getLocalPort(), "mc-survival primary");
        closed = Target.of("127.0.0.1", Loopback.closedPort());
        monitor = new Monitor(Duration.ofMillis(200), Duration.ofMillis(300));
        monitor.addListener(update -> {
            threads.add(Thread.currentThread().getName());
            updates.add(update);
        });
    }

    @AfterEach
    void stop() throws Exception {
        monitor.close();
        listening.close();
    }

    private Map<Target, StatsSnapshot> nextUpdate() throws InterruptedException {
        Map<Target, StatsSnapshot> update = updates.poll(10, TimeUnit.SECONDS);
        assertNotNull(update, "no update within 10 s");
        return update;
    }

    /** The round that first carried the newcomer, and the one before it (the same one when it covered all). */
    private record NewcomerRounds(Map<Target, StatsSnapshot> first, Map<Target, StatsSnapshot> next) {
    }

    /**
     * On {@link #monitor}: a round waits 2 s for a silent UDP port while {@link #closed} is added; the newcomer must
     * have its round within seconds, not at the next tick.
     */
    private NewcomerRounds newcomerAddedWhileARoundWaits(DatagramSocket silent) throws InterruptedException {
        Target waiting = Target.of("127.0.0.1", silent.getLocalPort()).withCheck(Check.UDP);
        monitor.addListener(updates::add);
        monitor.setTargets(List.of(waiting, open));
        monitor.setTargets(List.of(waiting, open, closed));
        Map<Target, StatsSnapshot> first = nextUpdate();
        Map<Target, StatsSnapshot> next = first.containsKey(closed) ? first : nextUpdate();
        assertTrue(next.containsKey(closed), "the newcomer had its round within seconds: " + next.keySet());
        return new NewcomerRounds(first, next);
    }

    @Test
    void eachRoundArrivesAsOneCallCarryingEveryTargetOnTheMonitorsThread() throws Exception {
        monitor.setTargets(List.of(open, closed));
        Map<Target, StatsSnapshot> first = nextUpdate();
        assertEquals(Set.of(open, closed), first.keySet(), "one call per round, not one per result");
        assertEquals("open", first.get(open).last().outcome().word());
        assertEquals("closed", first.get(closed).last().outcome().word());
        assertEquals("portdeck-probe-monitor", threads.take());
        Map<Target, StatsSnapshot> second = nextUpdate();
        assertTrue(second.get(open).sent() >= 2, "history is kept across rounds");
        assertEquals(100.0, second.get(closed).lossPercent());
        assertTrue(monitor.snapshot(open).sent() >= second.get(open).sent(), "snapshot() is at least as new");
    }

    @Test
    void earlyListenersHearTheTargetsThatAnsweredWhileTheRoundStillWaitsForASilentOne() throws Exception {
        monitor.close();
        BlockingQueue<Map<Target, StatsSnapshot>> early = new LinkedBlockingQueue<>();
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Target waiting = Target.of("127.0.0.1", silent.getLocalPort()).withCheck(Check.UDP);
            monitor = new Monitor(Duration.ofSeconds(30), Duration.ofSeconds(3)); // one round in this test
            monitor.addListener(updates::add);
            monitor.addEarlyListener(early::add);
            monitor.setTargets(List.of(open, closed, waiting));

            Map<Target, StatsSnapshot> first = early.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "nothing heard early");
            assertFalse(first.containsKey(waiting), "the silent target can only be known after its timeout");
            assertEquals("open", first.get(open).last().outcome().word());
            assertTrue(updates.isEmpty(), "the round's own listener waits for the round's end");

            Map<Target, StatsSnapshot> round = nextUpdate();
            assertEquals(Set.of(open, closed, waiting), round.keySet(), "the round's listener hears every target");
            Map<Target, StatsSnapshot> heard = new java.util.HashMap<>(first);
            for (Map<Target, StatsSnapshot> more = early.poll(1, TimeUnit.SECONDS); more != null;
                    more = early.poll(200, TimeUnit.MILLISECONDS)) {
                more.keySet().forEach(t -> assertFalse(heard.containsKey(t), t + " told twice in one round"));
                heard.putAll(more);
            }
            assertEquals(round.keySet(), heard.keySet(), "early listeners hear every target once");
            assertEquals(1, heard.get(waiting).sent());
        }
    }

    @Test
    void targetsAddedWhileARoundRunsAreProbedWhenItEndsNotAtTheNextTick() throws Exception {
        monitor.close();
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            monitor = new Monitor(Duration.ofSeconds(60), Duration.ofSeconds(2)); // no tick within this test
            Map<Target, StatsSnapshot> next = newcomerAddedWhileARoundWaits(silent).next();
            assertEquals("closed", next.get(closed).last().outcome().word());
            assertEquals(1, monitor.snapshot(open).sent(), "the others are not asked twice");
        }
    }

    @Test
    void workHandedOnByAListenerRunsOnTheMonitorsThreadOnceTheListenerHasReturned() throws Exception {
        AtomicBoolean listenerReturned = new AtomicBoolean();
        BlockingQueue<String> after = new LinkedBlockingQueue<>();
        monitor.addListener(update -> {
            monitor.runNext(() -> after.add(Thread.currentThread().getName() + " " + listenerReturned.get()));
            try {
                Thread.sleep(100); // the task must not start meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listenerReturned.set(true);
        });
        monitor.setTargets(List.of(open));
        assertEquals("portdeck-probe-monitor true", after.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aMonitorWithoutStatisticsAlsoProbesNewcomersWhenTheRoundEnds() throws Exception {
        monitor.close();
        try (Prober prober = new Prober(); DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            monitor = new Monitor(prober, Duration.ofSeconds(60), Duration.ofSeconds(2), 0); // no tick in this test
            NewcomerRounds rounds = newcomerAddedWhileARoundWaits(silent);
            if (rounds.next() != rounds.first()) {
                assertEquals(Set.of(closed), rounds.next().keySet(), "the others are not asked twice");
            }
            monitor.close();
        }
    }

    @Test
    void aMonitorWithoutStatisticsHandsOnEachTargetsLatestResult() throws Exception {
        monitor.close();
        try (Prober prober = new Prober()) {
            monitor = new Monitor(prober, Duration.ofMillis(200), Duration.ofMillis(300), 0);
            monitor.addListener(updates::add);
            monitor.setTargets(List.of(open, closed));
            nextUpdate();
            listening.close(); // the open one goes down: the next round says so, with nothing of the one before
            Map<Target, StatsSnapshot> update = nextUpdate();
            while (update.get(open).last().outcome().isOpen()) { // a round that started before the close
                update = nextUpdate();
            }
            assertEquals("closed", update.get(open).last().outcome().word());
            assertEquals(0, update.get(open).sent(), "no statistics: nothing counted");
            assertTrue(update.get(open).recent().isEmpty());
            assertNull(monitor.snapshot(open).last(), "nothing kept from one round to the next");
            monitor.close();
        }
    }

    @Test
    void targetsThatStayKeepTheirHistoryAndRemovedOnesAreForgotten() throws Exception {
        monitor.setTargets(List.of(open, closed));
        nextUpdate();
        nextUpdate();
        monitor.setTargets(List.of(open));
        assertNull(monitor.snapshot(closed));
        Map<Target, StatsSnapshot> update = nextUpdate();
        while (update.containsKey(closed)) { // a round that started before the change may still report it once
            update = nextUpdate();
        }
        assertEquals(Set.of(open), update.keySet());
        assertTrue(update.get(open).sent() >= 3, "sent " + update.get(open).sent());
    }

    @Test
    void aPausedMonitorStopsProbingKeepsItsStatsAndProbeNowStillWorks() throws Exception {
        monitor.setTargets(List.of(open));
        nextUpdate();
        monitor.setPaused(true);
        assertTrue(monitor.isPaused());
        // A round already under way may still report: wait for a quiet spell longer than a round can take.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (updates.poll(600, TimeUnit.MILLISECONDS) != null && System.nanoTime() < deadline) {
            updates.clear();
        }
        int sent = monitor.snapshot(open).sent();
        assertNull(updates.poll(700, TimeUnit.MILLISECONDS), "no rounds while paused");
        assertEquals(sent, monitor.snapshot(open).sent(), "statistics kept while paused");
        monitor.probeNow();
        assertEquals(sent + 1, nextUpdate().get(open).sent());
        monitor.setPaused(false);
        assertFalse(monitor.isPaused());
        assertTrue(nextUpdate().get(open).sent() > sent + 1);
    }

    @Test
    void aMonitoredTargetNotYetProbedHasAnEmptySnapshot() {
        monitor.setPaused(true);
        monitor.setTargets(List.of(open));
        StatsSnapshot empty = monitor.snapshot(open);
        assertNotNull(empty);
        assertNull(empty.last());
        assertEquals(0, empty.sent());
        assertNull(monitor.snapshot(closed), "not monitored");
    }

    @Test
    void closeStopsItsThreads() throws Exception {
        monitor.setTargets(List.of(open));
        nextUpdate();
        monitor.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (monitorThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(monitorThreadsAlive(), "portdeck-probe-monitor or its selector still running after close");
        updates.clear();
        assertNull(updates.poll(400, TimeUnit.MILLISECONDS));
    }

    private static boolean monitorThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> (t.getName().equals("portdeck-probe-monitor")
                        || t.getName().equals("portdeck-probe-selector")) && t.isAlive());
    }
}
