package dev.portdeck.probe.agent;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One round's results into the metrics and the log: a line per allocation that went down or up (and one for each
 * new allocation that starts down), a summary after the first round, and one line when probes start or stop failing
 * on this machine; then what is bound on this machine, looked at again when an allocation went down or up. Runs on
 * the monitor's thread.
 */
final class RoundReport {

    private final AgentLog log;
    private final AllocationMetrics allocations;
    private final ListeningMetrics listening; // null: not looked at
    private final PanelMetrics panel;
    private volatile boolean firstRoundDone;
    private String localErrors; // the first reason, while probes fail on this machine

    RoundReport(AgentLog log, AllocationMetrics allocations, ListeningMetrics listening, PanelMetrics panel) {
        this.log = log;
        this.allocations = allocations;
        this.listening = listening;
        this.panel = panel;
    }

    boolean firstRoundDone() {
        return firstRoundDone;
    }

    void record(Map<Target, StatsSnapshot> round, Map<Target, WatchedAllocation> watched) {
        boolean first = !firstRoundDone;
        int open = 0;
        int down = 0;
        int silent = 0;
        int closedAsExpected = 0;
        String localReason = null;
        Instant earliest = null;
        Map<WatchedAllocation, InetAddress> probedAt = new HashMap<>();
        Set<WatchedAllocation> changed = new HashSet<>();
        for (Map.Entry<Target, StatsSnapshot> e : round.entrySet()) {
            WatchedAllocation w = watched.get(e.getKey());
            ProbeResult r = e.getValue().last();
            if (w == null || r == null) {
                continue;
            }
            probedAt.put(w, r.address());
            earliest = earliest == null || r.time().isBefore(earliest) ? r.time() : earliest;
            AllocationMetrics.Change change = allocations.record(w, r);
            if (change != AllocationMetrics.Change.NONE) {
                changed.add(w);
            }
            if (r.outcome() instanceof Outcome.LocalError l) {
                localReason = localReason == null ? l.reason() : localReason;
            } else if (r.outcome().isOpen()) {
                open++;
            } else if (r.outcome() instanceof Outcome.OpenOrFiltered) {
                silent++;
            } else if (w.expectedClosed()) {
                closedAsExpected++;
            } else {
                down++;
            }
            logChange(w, r, change, first);
        }
        if (earliest != null) {
            panel.round(Duration.between(earliest, Instant.now()));
        }
        if (listening != null) {
            listening.update(probedAt, changed);
        }
        logLocalErrors(localReason);
        if (first) {
            firstRoundDone = true;
            log.info("first round done", AgentLog.fields("open", open, "down", down, "silent_udp", silent,
                    "closed_as_expected", closedAsExpected == 0 ? null : closedAsExpected));
        }
    }

    /**
     * A line when an allocation goes down or up. For one closed by design, closing is what is expected (info) and
     * answering is not (a warning, even on the first round: an RCON port open to the world).
     */
    private void logChange(WatchedAllocation w, ProbeResult r, AllocationMetrics.Change change, boolean firstRound) {
        boolean down = change == AllocationMetrics.Change.DOWN
                || change == AllocationMetrics.Change.FIRST_DOWN && !firstRound;
        if (w.expectedClosed()) {
            if (down) {
                log.info("allocation closed, as expected", fields(w, r));
            } else if (change == AllocationMetrics.Change.UP || change == AllocationMetrics.Change.FIRST_UP) {
                log.warn("allocation open, though expected closed", fields(w, r));
            }
        } else if (down) {
            log.warn("allocation down", fields(w, r));
        } else if (change == AllocationMetrics.Change.UP) {
            log.info("allocation up", fields(w, r));
        }
    }

    private void logLocalErrors(String reason) {
        if (reason != null && localErrors == null) {
            log.warn("probes fail on this machine (not blamed on the targets)", AgentLog.fields("reason", reason));
        } else if (reason == null && localErrors != null) {
            log.info("probes work on this machine again");
        }
        localErrors = reason;
    }

    private static Map<String, Object> fields(WatchedAllocation w, ProbeResult r) {
        return AgentLog.fields("server", w.serverId(), "server_name", w.serverName(), "allocation",
                w.allocation().id(), "address", w.address(), "check", w.check().word(), "outcome",
                r.outcome().word());
    }
}
