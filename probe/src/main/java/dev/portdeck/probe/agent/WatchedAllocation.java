package dev.portdeck.probe.agent;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.util.List;

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

    /** "ip:port" as people write it (IPv6 bracketed). */
    public String address() {
        return allocation.address();
    }
}
