package dev.portdeck.tui.dashboard.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The redraw coalescer: bursts of probe results become few deliveries. */
class CoalescerTest {
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
}
