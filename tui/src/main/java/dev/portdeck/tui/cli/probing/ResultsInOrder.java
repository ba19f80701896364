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
 * The results of one sweep handed to one reader in the order of its targets, each soon after those before it are in,
 * so `portdeck probe --json` writes while the sweep runs instead of after it. Targets must be distinct.
 */
final class ResultsInOrder implements ProbeListener {

    /**
     * How often a reader ahead of the sweep looks again. Results come by the thousand a second: being woken for each
     * one cost a 10,000-port sweep ~100 ms of CPU in futex calls; looking each millisecond costs a few hundred wake-ups.
     */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Map<Target, Integer> index;
    private final AtomicReferenceArray<ProbeResult> results;

    ResultsInOrder(List<Target> targets) {
        index = new HashMap<>(targets.size() * 2);
        for (int i = 0; i < targets.size(); i++) {
            index.put(targets.get(i), i);
        }
        results = new AtomicReferenceArray<>(targets.size());
    }

    /** From a selector thread. */
    @Override
    public void onResult(ProbeResult result) {
        Integer at = index.get(result.target());
        if (at != null) {
            results.set(at, result);
        }
    }

    /**
     * The result of target {@code i}, waiting for it; {@code sweep} is that sweep's own future, which holds every
     * result once done (a safety net should a result not come through this listener).
     */
    ProbeResult await(int i, Future<List<ProbeResult>> sweep) throws InterruptedException {
        ProbeResult r;
        while ((r = results.get(i)) == null) {
            if (sweep.isDone()) {
                try {
                    return sweep.get().get(i);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
                }
            }
            LockSupport.parkNanos(this, LOOK_AGAIN_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return r;
    }
}
