package dev.portdeck.tui.dashboard.state;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Merges bursts of updates into at most one delivery per `minGapMillis` (≤ 10 redraws per second at 100 ms):
 * 1,000 probe results in a burst cost one redraw, and the newest value of each key wins.
 */
final class Coalescer<K, V> {

    private final ScheduledExecutorService timer;
    private final Executor ui;
    private final Consumer<Map<K, V>> sink;
    private final long minGapNanos;
    private Map<K, V> pending = new HashMap<>();
    private boolean scheduled;
    private long lastDelivery;

    Coalescer(ScheduledExecutorService timer, Executor ui, long minGapMillis, Consumer<Map<K, V>> sink) {
        this.timer = timer;
        this.ui = ui;
        this.minGapNanos = TimeUnit.MILLISECONDS.toNanos(minGapMillis);
        this.lastDelivery = System.nanoTime() - minGapNanos; // nanoTime's origin is arbitrary: not 0
        this.sink = sink;
    }

    synchronized void offer(Map<K, V> changes) {
        pending.putAll(changes);
        if (!scheduled) {
            scheduled = true;
            // the monotonic clock: a wall clock set back an hour would otherwise hold results back for that hour
            long wait = Math.max(0, lastDelivery + minGapNanos - System.nanoTime());
            try {
                timer.schedule(this::deliver, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                pending.clear(); // the dashboard is closing: nobody will look
            }
        }
    }

    private void deliver() {
        Map<K, V> batch;
        synchronized (this) {
            batch = pending;
            pending = new HashMap<>();
            scheduled = false;
            lastDelivery = System.nanoTime();
        }
        ui.execute(() -> sink.accept(batch));
    }
}
