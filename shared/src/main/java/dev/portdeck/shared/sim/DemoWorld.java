package dev.portdeck.shared.sim;

import dev.portdeck.shared.model.PowerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What the simulated panel holds when it starts: nodes with their pools of free ports, and servers with their ports.
 * Immutable; {@link #standard()} is the world `portdeck demo` shows, {@link #large(int, int)} is for benchmarks,
 * {@link #builder()} makes any other.
 */
public final class DemoWorld {

    /**
     * A node (machine) of the panel.
     *
     * @param name      the node's name
     * @param ip        the IP its allocations bind; a loopback address so probing it stays on this machine
     * @param ipAlias   the friendly name the panel shows, or null
     * @param freePorts ports on {@code ip} that exist in the panel but belong to no server yet
     */
    public record Node(String name, String ip, String ipAlias, List<Integer> freePorts) {
        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ip, "ip");
            freePorts = List.copyOf(freePorts);
        }
    }

    /**
     * One port of a server.
     *
     * @param port      the wanted port (with demo listeners, an ephemeral one replaces it when it cannot be bound)
     * @param notes     the allocation's notes, or null
     * @param listening whether something accepts connections there (only while its server runs)
     */
    public record Port(int port, String notes, boolean listening) {
    }

    /**
     * A game server. Its first port is the primary allocation.
     *
     * @param name            the display name
     * @param node            the node's name
     * @param description     the panel's description text
     * @param allocationLimit feature_limits.allocations, counting the primary (0 = none may be added)
     * @param power           the power state it starts in
     * @param suspended       whether an admin suspended it
     * @param ports           its allocations, the primary first
     * @param bytesPerSecond  the typical network traffic while running, for the rx/tx counters
     */
    public record ServerSpec(String name, String node, String description, int allocationLimit, PowerState power,
                             boolean suspended, List<Port> ports, long bytesPerSecond) {
        public ServerSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(power, "power");
            ports = List.copyOf(ports);
        }
    }

    /** Each allocation of a large world holds a socket: past 1,000 or so, raise `ulimit -n` (bench/agent.sh does). */
    public static final int MAX_LARGE_ALLOCATIONS = 10_000;

    private final List<Node> nodes;
    private final List<ServerSpec> servers;

    private DemoWorld(List<Node> nodes, List<ServerSpec> servers) {
        this.nodes = List.copyOf(nodes);
        this.servers = List.copyOf(servers);
        for (ServerSpec s : servers) {
            if (nodes.stream().noneMatch(n -> n.name().equals(s.node()))) {
                throw new IllegalArgumentException("server " + s.name() + " is on unknown node " + s.node());
            }
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<ServerSpec> servers() {
        return servers;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a small game host runs: two nodes on 127.0.0.2 and 127.0.0.3, six servers (running, stopped, suspended),
     * real listeners on the ports of running servers that serve something.
     */
    public static DemoWorld standard() {
        return builder()
                .node("fra-1", "127.0.0.2", "fra1.portdeck.test",
                        List.of(25568, 25569, 25570, 25571, 25572, 8124, 8125))
                .node("nyc-1", "127.0.0.3", "nyc1.portdeck.test",
                        List.of(30121, 30122, 30123, 27016, 27017, 27018, 27019))
                .server(new ServerSpec("Survival SMP", "fra-1", "Paper 1.21 survival, 40 slots", 5,
                        PowerState.RUNNING, false, List.of(
                                new Port(25565, "Java edition", true),
                                new Port(25575, "RCON (disabled in server.properties)", false),
                                new Port(8123, "Dynmap web map", true)), 240_000))
                .server(new ServerSpec("Creative Build", "fra-1", "Creative world for the build team", 2,
                        PowerState.OFFLINE, false, List.of(new Port(25566, null, true)), 60_000))
                .server(new ServerSpec("FiveM Roleplay", "nyc-1", "QBCore roleplay, 64 slots", 3,
                        PowerState.RUNNING, false, List.of(
                                new Port(30120, "Game (TCP+UDP)", true),
                                new Port(40120, "txAdmin", true)), 520_000))
                .server(new ServerSpec("CS2 Competitive", "nyc-1", "5v5 competitive, 128 tick", 3,
                        PowerState.RUNNING, false, List.of(
                                new Port(27015, "Game", true),
                                new Port(27020, "SourceTV", false)), 380_000))
                .server(new ServerSpec("Web Panel", "fra-1", "Community website", 1,
                        PowerState.RUNNING, false, List.of(new Port(8080, "HTTP", true)), 90_000))
                .server(new ServerSpec("Modded Skyblock", "fra-1", "Suspended: invoice overdue", 3,
                        PowerState.OFFLINE, true, List.of(new Port(25567, null, true)), 150_000))
                .build();
    }

    /**
     * {@code serverCount} running servers with {@code allocationsPerServer} ports each (two of every three listening),
     * spread over nodes of up to 50 servers, each node on its own loopback IP 127.0.1.N with a pool of 20 free ports.
     */
    public static DemoWorld large(int serverCount, int allocationsPerServer) {
        if (serverCount < 1 || allocationsPerServer < 1 || allocationsPerServer > 200
                || (long) serverCount * allocationsPerServer > MAX_LARGE_ALLOCATIONS) {
            throw new IllegalArgumentException("need 1..200 allocations per server and at most "
                    + MAX_LARGE_ALLOCATIONS + " in all");
        }
        Builder b = builder();
        int nodeCount = (serverCount + 49) / 50;
        for (int n = 0; n < nodeCount; n++) {
            b.node("node-" + (n + 1), "127.0.1." + (n + 1), null, IntStream.range(0, 20).map(i -> 30000 + i).boxed().toList());
        }
        for (int s = 0; s < serverCount; s++) {
            List<Port> ports = new ArrayList<>();
            for (int a = 0; a < allocationsPerServer; a++) {
                ports.add(new Port(20000 + (s % 50) * 200 + a, a == 0 ? "Game" : null, a % 3 != 2));
            }
            b.server(new ServerSpec("Server " + (s + 1), "node-" + (s / 50 + 1), "Benchmark server " + (s + 1),
                    allocationsPerServer + 2, PowerState.RUNNING, false, ports, 100_000L + s * 1_000L));
        }
        return b.build();
    }

    /** Collects nodes and servers; servers must name a node added before or after. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final List<ServerSpec> servers = new ArrayList<>();

        public Builder node(String name, String ip, String ipAlias, List<Integer> freePorts) {
            nodes.add(new Node(name, ip, ipAlias, freePorts));
            return this;
        }

        public Builder server(ServerSpec server) {
            servers.add(server);
            return this;
        }

        /** A running, unsuspended server whose ports all listen. */
        public Builder server(String name, String node, int allocationLimit, int... ports) {
            List<Port> list = IntStream.of(ports).mapToObj(p -> new Port(p, null, true)).toList();
            return server(new ServerSpec(name, node, "", allocationLimit, PowerState.RUNNING, false, list, 100_000));
        }

        public DemoWorld build() {
            return new DemoWorld(nodes, servers);
        }
    }
}
