package dev.portdeck.probe.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The log lines of a discovery: what was found the first time, then only what changed. */
final class DiscoveryReport {

    private final AgentLog log;

    DiscoveryReport(AgentLog log) {
        this.log = log;
    }

    void report(Inventory before, Inventory now) {
        if (before == null) {
            log.info("discovered", AgentLog.fields("servers", now.servers().size(), "allocations",
                    now.allocations().size(), "probed", now.probeable().size()));
        } else {
            Set<Long> was = ids(before.allocations());
            Set<Long> is = ids(now.allocations());
            long added = is.stream().filter(id -> !was.contains(id)).count();
            long removed = was.stream().filter(id -> !is.contains(id)).count();
            if (added > 0 || removed > 0 || before.servers().size() != now.servers().size()) {
                log.info("allocations changed", AgentLog.fields("servers", now.servers().size(), "allocations",
                        now.allocations().size(), "added", added, "removed", removed));
            }
        }
        Set<Long> knownUnprobeable = before == null ? Set.of() : unprobeable(before);
        for (WatchedAllocation w : now.allocations()) {
            if (!w.probeable() && !knownUnprobeable.contains(w.allocation().id())) {
                log.warn("allocation not probed: it binds every address and has no alias to connect to",
                        AgentLog.fields("server", w.serverId(), "server_name", w.serverName(), "allocation",
                                w.allocation().id(), "address", w.address()));
            }
        }
        if (!now.missing().isEmpty() && (before == null || !before.missing().equals(now.missing()))) {
            log.warn("no such server on the panel", AgentLog.fields("server", String.join(",", now.missing())));
        }
    }

    private static Set<Long> ids(List<WatchedAllocation> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(w -> ids.add(w.allocation().id()));
        return ids;
    }

    private static Set<Long> unprobeable(Inventory inventory) {
        Set<Long> ids = new HashSet<>();
        inventory.allocations().stream().filter(w -> !w.probeable()).forEach(w -> ids.add(w.allocation().id()));
        return ids;
    }
}
