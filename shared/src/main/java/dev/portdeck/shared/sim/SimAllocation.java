package dev.portdeck.shared.sim;

import dev.portdeck.shared.model.Allocation;

/** One ip:port row of the simulated panel; unassigned rows (server == null) are the node's free pool. Guarded by PanelState's lock. */
final class SimAllocation {
    final long id;
    final String node;
    final String ip;
    final String ipAlias;
    final int port;
    final boolean serves;
    String notes;
    SimServer server;

    SimAllocation(long id, String node, String ip, String ipAlias, int port, boolean serves) {
        this.id = id;
        this.node = node;
        this.ip = ip;
        this.ipAlias = ipAlias;
        this.port = port;
        this.serves = serves;
    }

    boolean isPrimary() {
        return server != null && server.primaryId != null && server.primaryId == id;
    }

    Allocation toModel() {
        return new Allocation(id, ip, ipAlias, port, notes, isPrimary());
    }
}
