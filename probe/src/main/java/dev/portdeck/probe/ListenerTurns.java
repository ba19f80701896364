package dev.portdeck.probe;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

/**
 * Tells one sweep's listener its results one call at a time, from any number of selector threads, without making any
 * of them wait: a thread that finds the listener busy leaves its result to the thread calling it. (A lock made the
 * two selector threads of a 10,000-port sweep park and wake each other some 4,000 times.) The sweep completes after
 * its last result was told.
 */
final class ListenerTurns {

    private final ProbeListener listener;
    private final ProbeResult[] results;
    private final AtomicInteger remaining;
    private final CompletableFuture<List<ProbeResult>> all;
    private final Queue<ProbeResult> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean telling = new AtomicBoolean();

    ListenerTurns(ProbeListener listener, ProbeResult[] results, CompletableFuture<List<ProbeResult>> all) {
        this.listener = listener;
        this.results = results;
        this.remaining = new AtomicInteger(results.length);
        this.all = all;
    }

    /** The result for {@code results[slot]}, from whichever thread decided it. */
    void arrived(int slot, ProbeResult result) {
        results[slot] = result;
        if (listener == null) {
            countDown();
            return;
        }
        waiting.add(result);
        // Whoever holds the turn empties the queue, then looks again after giving the turn back: nothing is left over
        while (!waiting.isEmpty() && telling.compareAndSet(false, true)) {
            try {
                ProbeResult next;
                while ((next = waiting.poll()) != null) {
                    tell(next);
                    countDown();
                }
            } finally {
                telling.set(false);
            }
        }
    }

    private void tell(ProbeResult result) {
        try {
            listener.onResult(result);
        } catch (RuntimeException e) {
            ProbeLog.get().log(Level.WARNING, "a probe listener failed", e);
        }
    }

    private void countDown() {
        if (remaining.decrementAndGet() == 0) {
            all.complete(List.of(results));
        }
    }
}
