package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** What the dashboard needs from the probe engine: watch a set of targets and hear how they do. */
public interface Reachability extends AutoCloseable {

    /** Replace the watched targets (history of those that stay is kept). */
    void watch(Collection<Target> targets);

    /** Snapshots of targets that changed, delivered on a thread that is not the caller's. */
    void subscribe(Consumer<Map<Target, StatsSnapshot>> listener);

    void probeNow();

    void setPaused(boolean paused);

    boolean isPaused();

    @Override
    void close();
}
