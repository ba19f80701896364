package dev.portdeck.probe.agent;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.util.List;
import java.util.Objects;

/**
 * One allocation the agent watches: where it belongs (server, node), what it is (ip:port, alias, primary), and the
 * check asked of it. Its {@link #labelValues()} identify its series; they change only when the panel's data does.
 *
 * @param serverId   the server's short id
 * @param serverName the server's display name, as the panel has it (escaped by the exposition, never here)
 * @param node       the node's name, or "" when the panel gave none
 * @param allocation the allocation
 * @param check      the question asked of the port
 * @param host       where a probe connects ({@link Allocation#probeHost()}), or null when the allocation cannot be probed
 * @param expectedClosed closed by design (RCON off, SourceTV not running: --expect-closed, expect_closed in the config
 *                   file): its label {@code expected="closed"} keeps it out of AllocationDown
 */
public record WatchedAllocation(String serverId, String serverName, String node, Allocation allocation, Check check,
                                String host, boolean expectedClosed) {

    /** The labels of portdeck_allocation_up and of /sd, in this order. */
    public static final List<String> LABEL_NAMES = List.of("server", "server_name", "node", "allocation", "ip", "port",
            "alias", "primary", "check", "expected");

    public static WatchedAllocation of(Server server, Allocation allocation, Check check) {
        return of(server, allocation, check, false);
    }

    public static WatchedAllocation of(Server server, Allocation allocation, Check check, boolean expectedClosed) {
        return new WatchedAllocation(server.identifier(), server.name(), server.node() == null ? "" : server.node(),
                allocation, check, allocation.probeHost(), expectedClosed);
    }

    /** Whether it can be probed at all (an allocation on 0.0.0.0 without an alias cannot). */
    public boolean probeable() {
        return host != null;
    }

    /** What the monitor probes; its label is the allocation's id, so two allocations never share a target. */
    public Target target() {
        return new Target(host, allocation.port(), Long.toString(allocation.id()), check);
    }

    /** The values for {@link #LABEL_NAMES}. */
    public String[] labelValues() {
        Allocation a = allocation;
        return new String[] {serverId, serverName, node, Long.toString(a.id()), a.ip(), Integer.toString(a.port()),
            a.ipAlias() == null ? "" : a.ipAlias(), Boolean.toString(a.primary()), check.word(),
            expectedClosed ? "closed" : "open"};
    }

    // Written out: these are the agent's map keys, looked up for every allocation in every round (30,000 times a round
    // at 10,000 allocations). The record's own hashCode walks the whole Allocation (notes included) through method
    // handles; this hash uses what tells allocations apart and stays consistent with the full equals below.
    @Override
    public int hashCode() {
        return (Long.hashCode(allocation.id()) * 31 + allocation.port()) * 31 + check.ordinal();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof WatchedAllocation w && expectedClosed == w.expectedClosed && check == w.check
                && Objects.equals(serverId, w.serverId) && Objects.equals(serverName, w.serverName)
                && Objects.equals(node, w.node) && Objects.equals(host, w.host) && allocation.equals(w.allocation);
    }

    /** "ip:port" as people write it (IPv6 bracketed). */
    public String address() {
        return allocation.address();
    }
}
