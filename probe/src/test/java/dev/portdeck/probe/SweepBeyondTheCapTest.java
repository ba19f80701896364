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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A sweep far larger than the in-flight cap classifies everything and gives back every descriptor. */
class SweepBeyondTheCapTest {

    private static final int CAP = 64;
    private static final int PORTS = 2000;

    @Test
    void twoThousandPortsWithACapOf64AreAllClassifiedAndNoDescriptorLeaks() throws Exception {
        // Ports below the ephemeral range on a loopback address of their own: closed unless something listens on *.
        List<Target> targets = IntStream.range(0, PORTS).mapToObj(i -> Target.of("127.0.0.1", 21000 + i)).toList();
        long before;
        AtomicLong peak = new AtomicLong();
        List<ProbeResult> results;
        try (Prober prober = new Prober(CAP)) {
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
            // The cap holds: sockets in flight never exceed 64 (plus the /proc listing's own descriptor).
            assertTrue(peak.get() <= before + CAP + 2, "peak " + peak.get() + " vs before " + before);
            awaitDescriptors(before);
        }
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
