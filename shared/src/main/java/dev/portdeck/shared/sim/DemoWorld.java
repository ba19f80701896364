package dev.portdeck.shared.sim;

import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.games.Game;
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
     * @param game      what answers there while it listens (a game's status, a web page), or null for a plain
     *                  TCP listener that accepts and stays silent
     * @param variable  the startup variable that holds this port (e.g. "QUERY_PORT", "RCON_PORT"), or null; its
     *                  value is the port really bound
     */
    public record Port(int port, String notes, boolean listening, Game game, String variable) {
        public Port(int port, String notes, boolean listening) {
            this(port, notes, listening, null, null);
        }

        /** A listening port where {@code game} answers. */
        public static Port answering(int port, String notes, Game game) {
            return new Port(port, notes, true, game, null);
        }

        /** The same port, named by a startup variable. */
        public Port heldBy(String variableName) {
            return new Port(port, notes, listening, game, variableName);
        }
    }

    /**
     * A startup variable of an egg, as `?include=variables` and `/startup` show it.
     *
     * @param env         the environment variable, e.g. "MINECRAFT_VERSION"
     * @param name        its display name
     * @param value       the server's value
     * @param editable    whether the user may change it
     */
    public record Variable(String env, String name, String value, boolean editable) {
        public Variable {
            Objects.requireNonNull(env, "env");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The egg (game type) a server runs and its setup.
     *
     * @param name        the egg's name, e.g. "Paper", "Rust", "Counter-Strike 2"
     * @param dockerImage the image it runs in
     * @param startup     the startup command with {{VARIABLE}} placeholders
     * @param variables   its user-viewable startup variables (ports named by {@link Port#variable()} are added)
     */
    public record Egg(String name, String dockerImage, String startup, List<Variable> variables) {
        /** What a server without a named egg gets. */
        public static final Egg GENERIC = new Egg("Generic", "ghcr.io/pterodactyl/yolks:debian", "./start.sh", List.of());

        public Egg {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dockerImage, "dockerImage");
            Objects.requireNonNull(startup, "startup");
            variables = List.copyOf(variables);
        }
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
     * @param egg             the egg it runs, its docker image and startup variables
     */
    public record ServerSpec(String name, String node, String description, int allocationLimit, PowerState power,
                             boolean suspended, List<Port> ports, long bytesPerSecond, Egg egg) {
        public ServerSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(power, "power");
            ports = List.copyOf(ports);
            egg = egg == null ? Egg.GENERIC : egg;
        }

        /** A server running the {@link Egg#GENERIC} egg. */
        public ServerSpec(String name, String node, String description, int allocationLimit, PowerState power,
                          boolean suspended, List<Port> ports, long bytesPerSecond) {
            this(name, node, description, allocationLimit, power, suspended, ports, bytesPerSecond, Egg.GENERIC);
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
     * What a small game host runs: two nodes on 127.0.0.2 and 127.0.0.3, nine servers (running, stopped, suspended)
     * with real eggs and startup variables, and real listeners on the ports of running servers that serve something.
     * The game ports answer in their games' own protocols ({@link Game}): Minecraft Java and Bedrock, Source A2S (CS2,
     * Rust, ARK), FiveM, and web pages (Dynmap, txAdmin); RCON ports accept TCP and stay silent.
     */
    public static DemoWorld standard() {
        return builder()
                .node("fra-1", "127.0.0.2", "fra1.portdeck.test",
                        List.of(25568, 25569, 25570, 25571, 25572, 8124, 8125))
                .node("nyc-1", "127.0.0.3", "nyc1.portdeck.test",
                        List.of(30121, 30122, 30123, 27016, 27017, 27018, 27019))
                .server(new ServerSpec("Survival SMP", "fra-1", "Paper 1.21 survival, 40 slots", 5,
                        PowerState.RUNNING, false, List.of(
                                Port.answering(25565, "Java edition", DemoGames.SURVIVAL),
                                new Port(25575, "RCON (disabled in server.properties)", false).heldBy("RCON_PORT"),
                                Port.answering(8123, "Dynmap web map", DemoGames.DYNMAP)), 240_000, DemoGames.PAPER))
                .server(new ServerSpec("Creative Build", "fra-1", "Creative world for the build team", 2,
                        PowerState.OFFLINE, false, List.of(Port.answering(25566, null, DemoGames.CREATIVE)), 60_000,
                        DemoGames.PURPUR))
                .server(new ServerSpec("FiveM Roleplay", "nyc-1", "QBCore roleplay, 64 slots", 3,
                        PowerState.RUNNING, false, List.of(
                                Port.answering(30120, "Game (TCP+UDP)", DemoGames.ROLEPLAY),
                                Port.answering(40120, "txAdmin", DemoGames.TXADMIN).heldBy("TXADMIN_PORT")), 520_000,
                        DemoGames.FIVEM))
                .server(new ServerSpec("CS2 Competitive", "nyc-1", "5v5 competitive, 128 tick", 3,
                        PowerState.RUNNING, false, List.of(
                                Port.answering(27015, "Game", DemoGames.COMPETITIVE),
                                new Port(27020, "SourceTV", false).heldBy("TV_PORT")), 380_000, DemoGames.CS2))
                .server(new ServerSpec("Web Panel", "fra-1", "Community website", 1,
                        PowerState.RUNNING, false, List.of(Port.answering(8080, "HTTP", DemoGames.WEBSITE)), 90_000,
                        DemoGames.NGINX))
                .server(new ServerSpec("Modded Skyblock", "fra-1", "Suspended: invoice overdue", 3,
                        PowerState.OFFLINE, true, List.of(Port.answering(25567, null, DemoGames.SKYBLOCK)), 150_000,
                        DemoGames.FORGE))
                .server(new ServerSpec("Rust Weekly", "nyc-1", "Weekly wipe, 100 slots", 4,
                        PowerState.RUNNING, false, List.of(
                                Port.answering(28015, "Game", DemoGames.RUST_WEEKLY),
                                new Port(28016, "RCON (websocket)", true).heldBy("RCON_PORT"),
                                new Port(28082, "Rust+ companion", true).heldBy("APP_PORT")), 610_000, DemoGames.RUST))
                .server(new ServerSpec("Pocket Realm", "fra-1", "Bedrock survival for phones and consoles", 2,
                        PowerState.RUNNING, false, List.of(Port.answering(19132, "Bedrock (UDP)", DemoGames.POCKET)),
                        120_000, DemoGames.BEDROCK))
                .server(new ServerSpec("The Island", "fra-1", "ARK: Survival Evolved, PvE", 4,
                        PowerState.RUNNING, false, List.of(
                                Port.answering(7777, "Game (UDP)", new Game.SilentUdp()),
                                Port.answering(27015, "Steam query", DemoGames.THE_ISLAND).heldBy("QUERY_PORT"),
                                new Port(27020, "RCON", true).heldBy("RCON_PORT")), 300_000, DemoGames.ARK))
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
