package dev.portdeck.shared.sim;

import com.sun.net.httpserver.HttpServer;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pterodactyl-style panel in this process: the client API over real HTTP on loopback, with state, per-flavor rules
 * and errors (see {@link Flavor}), and real TCP listeners behind the demo world's ports. It serves `portdeck demo`
 * and every integration test. Start with {@link #start(SimulatorOptions)}, stop with {@link #close()}.
 *
 * <p>Keys: {@link #clientKey()} may do everything; {@link #readOnlyKey()} has only allocation.read;
 * {@link #subuserKey()} lacks allocation.delete; {@link #applicationKey()} is refused by the client API.
 * The test conveniences (setPowerState, setSuspended, ...) change the world directly, without HTTP.
 */
public final class PanelSimulator implements AutoCloseable {

    /**
     * A port of the world: whether something really listens on it right now, and whether that includes TCP (a
     * Bedrock or Source game port listens on UDP only).
     */
    public record DemoPort(String serverName, String serverId, Allocation allocation, boolean listening,
                           boolean acceptsTcp) {
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SimulatorOptions options;
    private final PanelState state;
    private final ApiRouter router;
    private final Map<String, SimKey> keys;
    private final HttpServer http;
    private final ExecutorService workers;
    private final URI url;
    private final ApiKey clientKey;
    private final ApiKey readOnlyKey;
    private final ApiKey subuserKey;
    private final ApiKey applicationKey;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PanelSimulator(SimulatorOptions options, PanelState state, HttpServer http, ExecutorService workers) {
        this.options = options;
        this.state = state;
        this.http = http;
        this.workers = workers;
        Flavor f = options.flavor();
        this.keys = new ConcurrentHashMap<>();
        this.clientKey = register(f.clientKeyPrefix(), List.of("*"), true, false);
        this.readOnlyKey = register(f.clientKeyPrefix(), List.of("allocation.read"), false, false);
        this.subuserKey = register(f.clientKeyPrefix(), List.of("control.console", "control.start", "control.stop",
                "control.restart", "allocation.read", "allocation.create", "allocation.update"), false, false);
        this.applicationKey = register(f.applicationKeyPrefix(), List.of(), true, true);
        this.router = new ApiRouter(new ClientApi(state, options.effectiveCreationLimit()), f, keys, options.rateLimit());
        InetSocketAddress bound = http.getAddress();
        String host = bound.getAddress().getHostAddress();
        this.url = URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + bound.getPort());
        router.baseUrl(url.toString());
        http.createContext("/", router);
    }

    /** Binds the API and the world's listeners, then serves until {@link #close()}. */
    public static PanelSimulator start(SimulatorOptions options) {
        DemoListeners listeners = null;
        HttpServer http = null;
        ExecutorService workers = Executors.newFixedThreadPool(8, daemonThreads());
        try {
            if (options.demoListeners()) {
                DescriptorRoom.require(options.world());
            }
            listeners = options.demoListeners() ? DemoListeners.open() : DemoListeners.none();
            PanelState state = PanelState.build(options.world(), options.flavor(), listeners, options.powerTransition());
            http = HttpServer.create(options.listen(), 64);
            http.setExecutor(workers);
            PanelSimulator simulator = new PanelSimulator(options, state, http, workers);
            http.start();
            return simulator;
        } catch (IOException | RuntimeException e) {
            if (http != null) {
                http.stop(0);
            }
            if (listeners != null) {
                listeners.close();
            }
            workers.shutdownNow();
            if (DescriptorRoom.isOutOfDescriptors(e)) {
                throw DescriptorRoom.tooFew(DescriptorRoom.ports(options.world()), -1);
            }
            if (e instanceof IOException io) {
                String at = options.listen().getAddress().getHostAddress() + ":" + options.listen().getPort();
                throw new UncheckedIOException("cannot listen on " + at + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "portdeck-sim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private ApiKey register(String prefix, List<String> permissions, boolean owner, boolean application) {
        StringBuilder secret = new StringBuilder(prefix);
        for (int i = 0; i < 43; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        ApiKey key = ApiKey.of(secret.toString());
        keys.put(key.reveal(), new SimKey(key, permissions, owner, application));
        return key;
    }

    /** The panel's base URL, e.g. http://127.0.0.1:41234 (the API is under /api/client). */
    public URI url() {
        return url;
    }

    public Flavor flavor() {
        return options.flavor();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The owner's client key: every permission ("*"). */
    public ApiKey clientKey() {
        return clientKey;
    }

    /** A subuser key with only allocation.read. */
    public ApiKey readOnlyKey() {
        return readOnlyKey;
    }

    /** A subuser key that may start/stop and read/create/update allocations, but not delete them. */
    public ApiKey subuserKey() {
        return subuserKey;
    }

    /** An application key (ptla_/papp_), which the client API refuses with 403. */
    public ApiKey applicationKey() {
        return applicationKey;
    }

    /** A new subuser key with exactly these permissions, e.g. "allocation.read", "allocation.update". */
    public ApiKey addKey(String... permissions) {
        return register(options.flavor().clientKeyPrefix(), List.of(permissions), false, false);
    }

    /** Every server as the owner sees it (all allocations, permissions "*"). */
    public List<Server> servers() {
        return state.locked(() -> state.servers().stream().map(this::toModel).toList());
    }

    /** One server by short id, UUID or exact name (any case); IllegalArgumentException when none. */
    public Server server(String ref) {
        return state.locked(() -> toModel(find(ref)));
    }

    /** The short id of the server with this name (or id). */
    public String serverId(String ref) {
        return server(ref).identifier();
    }

    /** The unassigned allocations of a node: the pool assignments draw from. */
    public List<Allocation> freeAllocations(String node) {
        return state.locked(() -> state.freeOn(node).stream().map(SimAllocation::toModel).toList());
    }

    public PowerState powerState(String ref) {
        return state.locked(() -> find(ref).currentState(System.nanoTime()));
    }

    /** Puts a server in a power state at once; its serving ports open exactly when RUNNING. */
    public void setPowerState(String ref, PowerState power) {
        state.locked(() -> {
            state.forcePower(find(ref), power);
            return null;
        });
    }

    /** Suspends (and stops) or unsuspends a server; a suspended server answers 409 except its own view. */
    public void setSuspended(String ref, boolean suspended) {
        state.locked(() -> {
            SimServer s = find(ref);
            s.suspended = suspended;
            if (suspended) {
                state.forcePower(s, PowerState.OFFLINE);
            }
            return null;
        });
    }

    /**
     * The panels' `status`: null, "installing", "install_failed", "reinstall_failed" or "restoring_backup"; all but
     * null and reinstall_failed answer 409 like a suspension. "transferring" is {@link #setTransferring} (a transfer
     * is `is_transferring` with status null, as on real panels).
     */
    public void setStatus(String ref, String status) {
        if ("transferring".equals(status)) {
            setTransferring(ref, true);
            return;
        }
        state.locked(() -> {
            SimServer s = find(ref);
            s.status = status;
            s.transferring = false;
            return null;
        });
    }

    /** A transfer to another node in progress: `is_transferring: true`, `status: null`, and 409 for changes. */
    public void setTransferring(String ref, boolean transferring) {
        state.locked(() -> {
            find(ref).transferring = transferring;
            return null;
        });
    }

    /** The node under maintenance: its servers show `is_node_under_maintenance` and answer 409 for changes. */
    public void setNodeUnderMaintenance(String node, boolean on) {
        state.locked(() -> {
            state.setNodeUnderMaintenance(node, on);
            return null;
        });
    }

    /** The node's daemon (Wings) down: power and resources of its servers answer 504 DaemonConnectionException. */
    public void setWingsDown(String node, boolean down) {
        state.locked(() -> {
            state.setWingsDown(node, down);
            return null;
        });
    }

    /**
     * The server belongs to another panel user: the owner's key (an admin here) sees it only with
     * `?type=admin-all`; other keys get 404 "does not exist on this server".
     */
    public void setOwnedByAnotherUser(String ref, boolean others) {
        state.locked(() -> {
            find(ref).ownedByAnotherUser = others;
            return null;
        });
    }

    public void setAllocationLimit(String ref, int limit) {
        state.locked(() -> {
            find(ref).allocationLimit = limit;
            return null;
        });
    }

    /**
     * Pterodactyl/Pelican: whether the admin enabled client auto-allocation. Off by default, as on a stock panel:
     * every assign is then refused with AutoAllocationNotEnabledException. The documented contract ignores it.
     */
    public void setAutoAllocationEnabled(boolean enabled) {
        state.locked(() -> {
            state.setAutoAllocationEnabled(enabled);
            return null;
        });
    }

    /** The next request gets this broken answer instead of the API's (queue several by calling again). */
    public void injectFault(Fault fault) {
        router.inject(fault);
    }

    /** Requests received so far, faults and refusals included. */
    public long requestCount() {
        return router.requestCount();
    }

    /** Every assigned allocation with its server and whether something really listens on it now. */
    public List<DemoPort> demoPorts() {
        return state.locked(() -> state.servers().stream()
                .flatMap(s -> state.allocationsOf(s).stream().map(a -> new DemoPort(s.name, s.identifier,
                        a.toModel(), state.listeners().isListening(a.ip, a.port),
                        state.listeners().acceptsTcp(a.ip, a.port))))
                .toList());
    }

    private SimServer find(String ref) {
        String lower = ref.strip().toLowerCase(Locale.ROOT);
        return state.servers().stream()
                .filter(s -> s.identifier.equals(lower) || s.uuid.equals(lower) || s.name.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no simulated server '" + ref + "'"));
    }

    private Server toModel(SimServer s) {
        return new Server(s.identifier, s.uuid, s.name, s.node, s.blockingStatus(), s.suspended, s.allocationLimit,
                state.allocationsOf(s).stream().map(SimAllocation::toModel).toList(), Set.of("*"), s.transferring,
                state.nodeUnderMaintenance(s.node), s.egg.dockerImage(), new dev.portdeck.shared.model.Egg(null, s.egg.name()),
                s.variables.stream().map(v -> new dev.portdeck.shared.model.StartupVariable(v.name(), null, v.env(),
                        v.value(), v.value(), v.editable(), null)).toList());
    }

    /** Stops the API and closes every demo listener; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        http.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state.listeners().close();
    }

    @Override
    public String toString() {
        return "PanelSimulator[" + url + ", " + options.flavor().cliName() + "]";
    }

}
