package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.Monitor;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/** {@link Reachability} backed by the probe module's {@link Monitor}. */
public final class MonitorReachability implements Reachability {

    private final Monitor monitor;

    public MonitorReachability(Monitor monitor) {
        this.monitor = monitor;
    }

    /** A monitor probing every `interval`, each connect given up after `timeout`. */
    public static MonitorReachability start(Duration interval, Duration timeout) {
        return new MonitorReachability(new Monitor(interval, timeout));
    }

    @Override
    public void watch(Collection<Target> targets) {
        monitor.setTargets(targets);
    }

    /** Targets as they answer, not at the end of the round: one slow timeout holds back nothing on screen. */
    @Override
    public void subscribe(Consumer<Map<Target, StatsSnapshot>> listener) {
        monitor.addEarlyListener(listener);
    }

    @Override
    public void probeNow() {
        monitor.probeNow();
    }

    @Override
    public void setPaused(boolean paused) {
        monitor.setPaused(paused);
    }

    @Override
    public boolean isPaused() {
        return monitor.isPaused();
    }

    @Override
    public void close() {
        monitor.close();
    }
}
