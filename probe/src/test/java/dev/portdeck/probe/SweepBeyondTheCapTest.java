package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A sweep far larger than the in-flight cap classifies everything and gives back every descriptor, on one selector
 * thread or several sharing the cap.
 */
class SweepBeyondTheCapTest {

    private static final int PORTS = 2000;

    /** Above a selector loop's batch: only then does a sweep need (and get) a second loop. */
    private static final int SHARED_CAP = 2 * SelectorLoop.START_BATCH;

    @ParameterizedTest(name = "{0} selector threads, cap {1}")
    @CsvSource({"1, 64", "3, 512"})
    void twoThousandPortsBeyondTheCapAreAllClassifiedAndNoDescriptorLeaks(int threads, int cap) throws Exception {
        // Ports below the ephemeral range on a loopback address of their own: closed unless something listens on *.
        List<Target> targets = ports();
        long before;
        AtomicLong peak = new AtomicLong();
        List<ProbeResult> results;
        try (Prober prober = new Prober(Prober.Settings.defaults().withMaxInFlight(cap).withSelectorThreads(threads))) {
            settle(prober);
            before = openDescriptors();
            int[] seen = {0};
            results = prober.sweep(targets, Duration.ofSeconds(2), r -> {
                if (++seen[0] % 25 == 0) { // sampling /proc costs; every 25th result is enough to see a breach
                    peak.accumulateAndGet(openDescriptors(), Math::max);
                }
            }).get(30, TimeUnit.SECONDS);
            assertEquals(targets, results.stream().map(ProbeResult::target).toList());
            Map<String, Long> words = results.stream()
                    .collect(Collectors.groupingBy(r -> r.outcome().word(), Collectors.counting()));
            long classified = words.getOrDefault("closed", 0L) + words.getOrDefault("open", 0L);
            assertEquals(PORTS, classified, "every loopback port is open or closed: " + words);
            assertTrue(words.getOrDefault("closed", 0L) > PORTS / 2, words.toString());
            // The cap holds across threads: sockets in flight never exceed it (plus the /proc listing's own descriptor).
            assertTrue(peak.get() <= before + cap + 2, "peak " + peak.get() + " vs before " + before);
            awaitDescriptors(before);
        }
    }

    @Test
    void aLargeSweepIsSharedByTheSelectorThreads() throws Exception {
        Set<String> delivering = ConcurrentHashMap.newKeySet();
        try (Prober prober = new Prober(Prober.Settings.defaults().withMaxInFlight(SHARED_CAP).withSelectorThreads(2))) {
            // Whether the second thread gets its turn before the first finishes depends on the scheduler: a few tries.
            for (int sweep = 0; sweep < 5 && delivering.size() < 2; sweep++) {
                List<ProbeResult> results = prober.sweep(ports(), Duration.ofSeconds(2),
                        r -> delivering.add(Thread.currentThread().getName())).get(30, TimeUnit.SECONDS);
                assertEquals(PORTS, results.size());
            }
        }
        assertEquals(Set.of("portdeck-probe-selector", "portdeck-probe-selector-2"), delivering);
    }

    @Test
    void theListenerIsCalledOneAtATimeForEveryResultBeforeTheSweepCompletes() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<String> delivering = ConcurrentHashMap.newKeySet();
        int[] calls = {0}; // a listener needs no locks of its own
        try (Prober prober = new Prober(Prober.Settings.defaults().withMaxInFlight(SHARED_CAP).withSelectorThreads(3))) {
            for (int sweep = 0; sweep < 5 && delivering.size() < 2; sweep++) {
                calls[0] = 0;
                int told = prober.sweep(ports(), Duration.ofSeconds(2), r -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    delivering.add(Thread.currentThread().getName());
                    long until = System.nanoTime() + 2_000; // long enough for another thread to arrive meanwhile
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    calls[0]++;
                    inside.decrementAndGet();
                }).thenApply(results -> calls[0]).get(30, TimeUnit.SECONDS);
                assertEquals(PORTS, told, "every result was told before the sweep completed");
            }
        }
        assertEquals(0, overlaps.get(), "calls overlapped");
        assertTrue(delivering.size() >= 2, "the results came from more than one selector thread: " + delivering);
    }

    @Test
    void aSmallRoundStaysOnOneSelectorThread() throws Exception {
        Set<String> delivering = ConcurrentHashMap.newKeySet();
        try (Prober prober = new Prober(Prober.Settings.defaults().withMaxInFlight(SHARED_CAP).withSelectorThreads(2))) {
            List<Target> round = ports().subList(0, 50);
            prober.sweep(round, Duration.ofSeconds(2), r -> delivering.add(Thread.currentThread().getName()))
                    .get(30, TimeUnit.SECONDS);
        }
        assertEquals(Set.of("portdeck-probe-selector"), delivering);
    }

    private static List<Target> ports() {
        return IntStream.range(0, PORTS).mapToObj(i -> Target.of("127.0.0.1", 21000 + i)).toList();
    }

    /** Let the selector thread and its epoll descriptors exist before counting. */
    private static void settle(Prober prober) throws Exception {
        prober.probe(Target.of("127.0.0.1", 20999), Duration.ofSeconds(1)).get(5, TimeUnit.SECONDS);
    }

    private static void awaitDescriptors(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long now = openDescriptors();
        while (now > expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = openDescriptors();
        }
        assertTrue(now <= expected, "descriptors leaked: " + now + " open now, " + expected + " before the sweep");
    }

    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
