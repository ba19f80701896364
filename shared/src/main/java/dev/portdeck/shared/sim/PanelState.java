package dev.portdeck.shared.sim;

import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The simulated panel's world — servers, allocations, the free pools — and its rules per {@link Flavor}.
 * One lock guards everything: callers wrap each request in {@link #locked(Supplier)}.
 */
final class PanelState {

    private static final Comparator<SimAllocation> BY_ADDRESS =
            Comparator.comparing((SimAllocation a) -> a.ip).thenComparingInt(a -> a.port);

    private final ReentrantLock lock = new ReentrantLock();
    private final Flavor flavor;
    private final DemoListeners listeners;
    private final long transitionNanos;
    private final Random random = new Random();
    private final List<SimServer> servers = new ArrayList<>();
    private final Map<Long, SimAllocation> allocations = new TreeMap<>();
    private final java.util.Set<String> nodesInMaintenance = new java.util.HashSet<>();
    private final java.util.Set<String> nodesWithWingsDown = new java.util.HashSet<>();
    private long nextAllocationId = 1;
    /** Real panels ship with client auto-allocation off (PTERODACTYL_/PANEL_CLIENT_ALLOCATIONS_ENABLED=false). */
    private boolean autoAllocationEnabled;

    private PanelState(Flavor flavor, DemoListeners listeners, Duration transition) {
        this.flavor = flavor;
        this.listeners = listeners;
        this.transitionNanos = transition.toNanos();
    }

    static PanelState build(DemoWorld world, Flavor flavor, DemoListeners listeners, Duration transition) {
        PanelState state = new PanelState(flavor, listeners, transition);
        long nowMillis = System.currentTimeMillis();
        for (DemoWorld.ServerSpec spec : world.servers()) {
            state.addServer(world, spec, nowMillis);
        }
        for (DemoWorld.Node node : world.nodes()) {
            for (int port : node.freePorts()) {
                state.addRow(node, port, false);
            }
        }
        return state;
    }

    private void addServer(DemoWorld world, DemoWorld.ServerSpec spec, long nowMillis) {
        int internalId = servers.size() + 1;
        String seed = "portdeck-demo:" + internalId + ":" + spec.name();
        SimServer server = new SimServer(internalId, UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(),
                spec.name(), spec.node(), spec.description(), spec.bytesPerSecond(), spec.egg());
        server.allocationLimit = spec.allocationLimit();
        server.suspended = spec.suspended();
        server.state = spec.power();
        // Stagger start times so uptimes and traffic counters differ between servers.
        server.startedAtMillis = nowMillis - Duration.ofHours(3L * internalId + 1).toMillis();
        servers.add(server);
        DemoWorld.Node node = world.nodes().stream().filter(n -> n.name().equals(spec.node())).findFirst().orElseThrow();
        boolean running = spec.power() == PowerState.RUNNING && !spec.suspended();
        for (DemoWorld.Port p : spec.ports()) {
            int port = listeners.claim(node.ip(), p.port(), running && p.listening(), p.listening() ? p.game() : null);
            SimAllocation row = addRow(node, port, p.listening());
            if (p.variable() != null) {
                server.variables.add(new DemoWorld.Variable(p.variable(), displayName(p.variable()),
                        Integer.toString(port), true));
            }
            row.notes = p.notes();
            row.server = server;
            if (server.primaryId == null) {
                server.primaryId = row.id;
            }
        }
    }

    /** "RCON_PORT" → "Rcon Port", as eggs name their port variables. */
    private static String displayName(String env) {
        StringBuilder name = new StringBuilder();
        for (String word : env.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }

    private SimAllocation addRow(DemoWorld.Node node, int port, boolean serves) {
        SimAllocation row = new SimAllocation(nextAllocationId++, node.name(), node.ip(), node.ipAlias(), port, serves);
        allocations.put(row.id, row);
        return row;
    }

    <T> T locked(Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    Flavor flavor() {
        return flavor;
    }

    List<SimServer> servers() {
        return List.copyOf(servers);
    }

    /** By short id or UUID (any case); 404 otherwise. */
    SimServer server(String ref) {
        String wanted = ref.toLowerCase(Locale.ROOT);
        return servers.stream().filter(s -> s.identifier.equals(wanted) || s.uuid.equals(wanted))
                .findFirst().orElseThrow(ApiError::notFound);
    }

    /**
     * 409 in the panels' order: suspended, node under maintenance, not installed (installing, install_failed),
     * restoring a backup, transferring. A failed reinstall does not block.
     */
    void requireUsable(SimServer server) {
        String detail;
        if (server.suspended) {
            detail = "This server is currently suspended and the functionality requested is unavailable.";
        } else if (nodesInMaintenance.contains(server.node)) {
            detail = "The node of this server is currently under maintenance and the functionality requested is"
                    + " unavailable.";
        } else if ("installing".equals(server.status) || "install_failed".equals(server.status)) {
            detail = "This server has not yet completed its installation process, please try again later.";
        } else if ("restoring_backup".equals(server.status)) {
            detail = "This server is currently restoring from a backup, please try again later.";
        } else if (server.transferring) {
            detail = "This server is currently being transferred to a new machine, please try again later.";
        } else {
            return;
        }
        throw new ApiError(409, "ServerStateConflictException", detail);
    }

    /** 504 DaemonConnectionException for what needs the node's Wings (power, resources) while it is down. */
    void requireWings(SimServer server) {
        if (nodesWithWingsDown.contains(server.node)) {
            throw ApiError.daemonUnreachable();
        }
    }

    boolean nodeUnderMaintenance(String node) {
        return nodesInMaintenance.contains(node);
    }

    void setNodeUnderMaintenance(String node, boolean on) {
        if (on) {
            nodesInMaintenance.add(node);
        } else {
            nodesInMaintenance.remove(node);
        }
    }

    void setWingsDown(String node, boolean down) {
        if (down) {
            nodesWithWingsDown.add(node);
        } else {
            nodesWithWingsDown.remove(node);
        }
    }

    List<SimAllocation> allocationsOf(SimServer server) {
        return allocations.values().stream().filter(a -> a.server == server).toList();
    }

    List<SimAllocation> freeOn(String node) {
        return allocations.values().stream().filter(a -> a.server == null && a.node.equals(node)).toList();
    }

    /** An allocation of this server by its id in the URL; 404 for anything else. */
    SimAllocation allocationOf(SimServer server, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
        SimAllocation row = allocations.get(id);
        if (row == null || row.server != server) {
            throw ApiError.notFound();
        }
        return row;
    }

    SimAllocation assign(SimServer server, String ip, Integer port) {
        if (allocationsOf(server).size() >= server.allocationLimit) {
            throw flavor == Flavor.DOCUMENTED
                    ? new ApiError(400, "TooManyAllocationsException", "This server has reached its allocation limit.")
                    : ApiError.display("Cannot assign additional allocations to this server: limit has been reached.");
        }
        if (flavor.honoursRequestedAddress() && (ip != null || port != null)) {
            return attach(server, requested(server, ip, port));
        }
        if (!flavor.honoursRequestedAddress() && !autoAllocationEnabled) {
            throw new ApiError(400, "AutoAllocationNotEnabledException",
                    "Server auto-allocation is not enabled for this instance.");
        }
        List<SimAllocation> free = autoCandidates(server);
        if (free.isEmpty()) {
            throw flavor == Flavor.DOCUMENTED
                    ? new ApiError(503, "NoAvailableAllocationsException", "No available allocations found on this node.")
                    : new ApiError(400, "NoAutoAllocationSpaceAvailableException",
                            "Cannot assign additional allocation: no more space available on node.");
        }
        SimAllocation pick = flavor == Flavor.DOCUMENTED ? free.get(0) : free.get(random.nextInt(free.size()));
        return attach(server, pick);
    }

    /** Documented: the first free row on the node, the primary's IP first. Real panels: only the primary's IP. */
    private List<SimAllocation> autoCandidates(SimServer server) {
        SimAllocation primary = server.primaryId == null ? null : allocations.get(server.primaryId);
        String primaryIp = primary == null ? null : primary.ip;
        List<SimAllocation> free = new ArrayList<>(freeOn(server.node));
        if (flavor != Flavor.DOCUMENTED && primaryIp != null) {
            free.removeIf(a -> !a.ip.equals(primaryIp));
        }
        free.sort(Comparator.comparing((SimAllocation a) -> !a.ip.equals(primaryIp)).thenComparing(BY_ADDRESS));
        return free;
    }

    private SimAllocation requested(SimServer server, String ip, Integer port) {
        return freeOn(server.node).stream()
                .filter(a -> (ip == null || a.ip.equals(ip)) && (port == null || a.port == port))
                .min(BY_ADDRESS)
                .orElseThrow(() -> new ApiError(409, "AllocationNotAvailableException",
                        "The requested allocation is not available or already in use."));
    }

    private SimAllocation attach(SimServer server, SimAllocation row) {
        row.server = server;
        row.notes = null;
        if (server.primaryId == null) {
            server.primaryId = row.id;
        }
        return row;
    }

    SimAllocation setNotes(SimAllocation row, String notes) {
        row.notes = notes;
        return row;
    }

    SimAllocation setPrimary(SimServer server, SimAllocation row) {
        requireStopped(server, "Server must be stopped to change the primary allocation.");
        server.primaryId = row.id;
        return row;
    }

    void remove(SimServer server, SimAllocation row) {
        requireStopped(server, "Server must be stopped to remove allocations.");
        if (flavor.refusesDeleteWithoutLimit() && server.allocationLimit == 0) {
            throw ApiError.display("You cannot delete allocations for this server: no allocation limit is set.");
        }
        if (row.isPrimary() && !flavor.primaryDeletable()) {
            throw flavor == Flavor.DOCUMENTED
                    ? new ApiError(400, "CannotDeletePrimaryAllocationException",
                            "Cannot remove the primary allocation. Set another allocation as primary first.")
                    : ApiError.display("You cannot delete the primary allocation for this server.");
        }
        // Pelican only releases the row: the server still points at it, so no allocation shows as primary and the
        // next one assigned does not become primary either, until a primary is set.
        listeners.setListening(row.ip, row.port, false);
        row.server = null;
        row.notes = null;
    }

    private void requireStopped(SimServer server, String detail) {
        if (flavor.requiresStoppedServer() && server.currentState(System.nanoTime()) != PowerState.OFFLINE) {
            throw new ApiError(400, "ConflictingServerStateException", detail);
        }
    }

    void power(SimServer server, PowerSignal signal) {
        long now = System.nanoTime();
        PowerState current = server.currentState(now);
        switch (signal) {
            case START -> {
                if (current == PowerState.OFFLINE || current == PowerState.STOPPING) {
                    start(server, now);
                }
            }
            case RESTART -> start(server, now);
            case STOP -> {
                if (current != PowerState.OFFLINE) {
                    server.changePower(PowerState.STOPPING, PowerState.OFFLINE, now, transitionNanos);
                    follow(server, false);
                }
            }
            case KILL -> {
                server.changePower(null, PowerState.OFFLINE, now, 0);
                follow(server, false);
            }
        }
    }

    private void start(SimServer server, long now) {
        server.changePower(PowerState.STARTING, PowerState.RUNNING, now, transitionNanos);
        server.startedAtMillis = System.currentTimeMillis();
        follow(server, true);
    }

    /** The ports of a server that serve something accept connections exactly while it runs. */
    private void follow(SimServer server, boolean running) {
        for (SimAllocation row : allocationsOf(server)) {
            listeners.setListening(row.ip, row.port, running && row.serves);
        }
    }

    /** Test convenience: put a server in a power state at once, listeners following. */
    void forcePower(SimServer server, PowerState state) {
        server.changePower(null, state, System.nanoTime(), 0);
        if (state == PowerState.RUNNING) {
            server.startedAtMillis = System.currentTimeMillis();
        }
        follow(server, state == PowerState.RUNNING);
    }

    void setAutoAllocationEnabled(boolean enabled) {
        autoAllocationEnabled = enabled;
    }

    DemoListeners listeners() {
        return listeners;
    }
}
