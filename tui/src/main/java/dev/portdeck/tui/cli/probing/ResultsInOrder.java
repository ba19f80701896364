package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.ProbeListener;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The results of one sweep handed to one reader in the order of its targets, each as soon as those before it are in,
 * so `portdeck probe --json` writes while the sweep runs instead of after it. Targets must be distinct.
 */
final class ResultsInOrder implements ProbeListener {

    private final Map<Target, Integer> index;
    private final AtomicReferenceArray<ProbeResult> results;
    private volatile Thread reader;
    private volatile int wanted = -1;

    ResultsInOrder(List<Target> targets) {
        index = new HashMap<>(targets.size() * 2);
        for (int i = 0; i < targets.size(); i++) {
            index.put(targets.get(i), i);
        }
        results = new AtomicReferenceArray<>(targets.size());
    }

    /** From a selector thread: keeps the result and wakes the reader if it waits for this one. */
    @Override
    public void onResult(ProbeResult result) {
        Integer at = index.get(result.target());
        if (at == null) {
            return;
        }
        results.set(at, result);
        if (wanted == at) { // read after the write: a reader that missed the result has said so first (volatile)
            LockSupport.unpark(reader);
        }
    }

    /**
     * The result of target {@code i}, waiting for it; {@code sweep} is that sweep's own future, which holds every
     * result once done (a safety net should a result not come through this listener).
     */
    ProbeResult await(int i, Future<List<ProbeResult>> sweep) throws InterruptedException {
        reader = Thread.currentThread();
        wanted = i;
        ProbeResult r;
        while ((r = results.get(i)) == null) {
            if (sweep.isDone()) {
                try {
                    return sweep.get().get(i);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
                }
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return r;
    }
}
