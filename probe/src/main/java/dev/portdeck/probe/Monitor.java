package dev.portdeck.probe;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Probes a changing set of targets in rounds (every `interval`), keeps a {@link StatsSnapshot} per target, and tells
 * listeners once per round (coalesced: one call carries every target that changed), on a thread of its own.
 */
public final class Monitor implements AutoCloseable {

    public Monitor(Duration interval, Duration timeout) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Replace the set of targets; history of targets that stay is kept. */
    public void setTargets(Collection<Target> targets) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Receives the snapshots of the targets that changed since the last call; never on the caller's thread. */
    public void addListener(Consumer<Map<Target, StatsSnapshot>> listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Start a round now (no-op while one is running). */
    public void probeNow() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Pause or resume the rounds; a paused monitor keeps its statistics. */
    public void setPaused(boolean paused) {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean isPaused() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void setInterval(Duration interval) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The current snapshot of one target, or null if it is not monitored. */
    public StatsSnapshot snapshot(Target target) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
