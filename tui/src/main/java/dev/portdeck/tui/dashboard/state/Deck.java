package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the dashboard knows about the panel, and every conversation with it. Panel calls run on `io`; their results
 * are applied on `ui` (the GUI thread), which is the only thread that reads or writes the state here.
 */
public final class Deck {

    /** The panel caches `/resources` for about 20 s: polling faster only costs requests. */
    static final Duration RESOURCES_EVERY = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");
    private static final int STOP_RETRIES = 30;
    private static final long RESOURCES_GAP_MILLIS = 500;

    private final PanelClient client;
    private final Reachability reachability;
    private final Executor io;
    private final Executor ui;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Map<String, Resources> resources = new HashMap<>();
    private final Map<String, Instant> resourcesAt = new HashMap<>();
    private final Map<String, Traffic> traffic = new HashMap<>();
    private final Map<Target, StatsSnapshot> stats = new HashMap<>();
    private final Set<String> detailed = new java.util.HashSet<>();
    private volatile List<Server> servers = List.of();
    private boolean loading;
    private boolean paused;
    private boolean loaded;
    private String problem;

    public Deck(PanelClient client, Reachability reachability, Executor io, Executor ui, ScheduledExecutorService timer,
            Clock clock) {
        this.client = client;
        this.reachability = reachability;
        this.io = io;
        this.ui = ui;
        this.timer = timer;
        this.clock = clock;
    }

    /** Loads the servers, starts polling resources and listening to the probes. Call on the UI thread. */
    public void start() {
        Coalescer<Target, StatsSnapshot> coalescer = new Coalescer<>(timer, ui, 100, this::applyStats);
        reachability.subscribe(coalescer::offer);
        reload();
        scheduleResources();
    }

    /**
     * Every 20 s, or slower with many servers: at most two `/resources` requests a second on average, well inside
     * the panels' rate limits (Pelican: 256 requests a minute).
     */
    private void scheduleResources() {
        long every = Math.max(RESOURCES_EVERY.toMillis(), servers.size() * RESOURCES_GAP_MILLIS);
        try {
            timer.schedule(() -> {
                pollResources();
                scheduleResources();
            }, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; no more resource polls");
        }
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ---- what the views read (UI thread) ----

    public List<Server> servers() {
        return servers;
    }

    public Server server(String identifier) {
        return servers.stream().filter(s -> s.identifier().equals(identifier)).findFirst().orElse(null);
    }

    public Resources resources(String identifier) {
        return resources.get(identifier);
    }

    public Traffic traffic(String identifier) {
        return traffic.getOrDefault(identifier, Traffic.UNKNOWN);
    }

    public StatsSnapshot stats(Allocation allocation) {
        Target t = targetOf(allocation);
        return t == null ? null : stats.get(t);
    }

    /** How many of the server's allocations answered their latest probe. */
    public int reachable(Server server) {
        return (int) server.allocations().stream().map(this::stats)
                .filter(s -> s != null && s.last() != null && s.last().outcome().isOpen()).count();
    }

    public boolean loading() {
        return loading;
    }

    public boolean loaded() {
        return loaded;
    }

    /** The last failure to load, in the panel's words, or null. */
    public String problem() {
        return problem;
    }

    public boolean paused() {
        return paused;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Where to probe an allocation ({@link Allocation#probeHost()}); null when there is nothing to probe. */
    public static Target targetOf(Allocation a) {
        String host = a.probeHost();
        return host == null ? null : Target.of(host, a.port());
    }

    // ---- loading ----

    /** `r`: everything again from the panel. */
    public void reload() {
        loading = true;
        changed();
        call(this::fetchServers, list -> {
            if (!loaded && StartClock.timing()) {
                LOG.info(() -> list.size() + " servers loaded at " + StartClock.millis() + " ms");
            }
            servers = List.copyOf(list);
            loading = false;
            loaded = true;
            problem = null;
            retarget();
            changed();
            pollResources();
        }, e -> {
            loading = false;
            problem = sentence(e);
            changed();
        });
    }

    /** One server again (after a change, or on entering its view); `after` runs on success. */
    public void refresh(String identifier, Runnable after) {
        refresh(identifier, after, e -> {
            problem = sentence(e);
            changed();
        });
    }

    public void refresh(String identifier, Runnable after, Consumer<RuntimeException> fail) {
        call(() -> withAllocations(client.server(identifier)), fresh -> {
            List<Server> next = new ArrayList<>(servers);
            next.replaceAll(s -> s.identifier().equals(identifier) ? fresh : s);
            servers = List.copyOf(next);
            detailed.add(identifier);
            problem = null;
            retarget();
            changed();
            after.run();
        }, fail);
    }

    private List<Server> fetchServers() {
        return client.listServers().stream().map(this::withAllocations).toList();
    }

    /**
     * Whether the key's permissions on this server are known: the server list carries none, only the server's own
     * endpoint does (meta.user_permissions). Until then the panel decides, and says so in its own words.
     */
    public boolean permissionsKnown(String identifier) {
        return detailed.contains(identifier);
    }

    /** Panels may leave relationships.allocations out; then ask the allocations endpoint (called on `io`). */
    private Server withAllocations(Server s) {
        if (!s.allocations().isEmpty()) {
            return s;
        }
        List<Allocation> list;
        try {
            list = client.allocations(s.identifier());
        } catch (PanelException e) {
            LOG.log(Level.FINE, "allocations of {0}: {1}", new Object[] {s.identifier(), e.getMessage()});
            return s;
        }
        return s.withAllocations(list);
    }

    private void retarget() {
        Set<Target> targets = new LinkedHashSet<>();
        servers.forEach(s -> s.allocations().stream().map(Deck::targetOf).filter(t -> t != null)
                .forEach(targets::add));
        stats.keySet().retainAll(targets);
        reachability.watch(List.copyOf(targets));
    }

    private void pollResources() {
        for (Server s : servers) {
            call(() -> client.resources(s.identifier()), r -> applyResources(s.identifier(), r),
                    e -> LOG.log(Level.FINE, "resources of {0}: {1}", new Object[] {s.identifier(), sentence(e)}));
        }
    }

    private void applyResources(String id, Resources fresh) {
        Instant now = clock.instant();
        Resources before = resources.put(id, fresh);
        Instant then = resourcesAt.put(id, now);
        if (before != null) {
            traffic.put(id, Traffic.between(before, then, fresh, now));
        }
        changed();
    }

    private void applyStats(Map<Target, StatsSnapshot> changes) {
        if (stats.isEmpty() && !changes.isEmpty() && StartClock.timing()) {
            LOG.info(() -> "first probe results at " + StartClock.millis() + " ms");
        }
        stats.putAll(changes);
        changed();
    }

    // ---- changes (results and failures arrive on the UI thread) ----

    public void assign(String server, dev.portdeck.shared.model.AssignRequest request, Consumer<Allocation> ok,
            Consumer<RuntimeException> fail) {
        call(() -> client.assign(server, request), a -> refresh(server, () -> ok.accept(a)), fail);
    }

    public void setPrimary(String server, long allocation, boolean stopFirst, Runnable ok, Consumer<RuntimeException> fail) {
        change(server, stopFirst, () -> client.setPrimary(server, allocation), ok, fail);
    }

    public void setNotes(String server, long allocation, String notes, Runnable ok, Consumer<RuntimeException> fail) {
        change(server, false, () -> client.setNotes(server, allocation, notes), ok, fail);
    }

    public void remove(String server, long allocation, boolean stopFirst, Runnable ok, Consumer<RuntimeException> fail) {
        change(server, stopFirst, () -> {
            client.remove(server, allocation);
            return Boolean.TRUE;
        }, ok, fail);
    }

    /** Runs `action`, first stopping the server when asked; then reloads the server and runs `ok`. */
    private <T> void change(String server, boolean stopFirst, Supplier<T> action, Runnable ok,
            Consumer<RuntimeException> fail) {
        Supplier<T> work = stopFirst ? () -> stopThen(server, action) : action;
        call(work, v -> refresh(server, ok), fail);
    }

    /** Sends STOP, then retries while the panel still says the server must be stopped (bounded: ~30 s). */
    private <T> T stopThen(String server, Supplier<T> action) {
        client.power(server, PowerSignal.STOP);
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (Refused r) {
                if (r.reason() != RefusalReason.SERVER_MUST_BE_STOPPED || attempt >= STOP_RETRIES) {
                    throw r;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to stop", e);
        }
    }

    /** Sends START (after a stop the dashboard asked for); `ok` runs when the panel took the signal. */
    public void startServer(String server, Runnable ok, Consumer<RuntimeException> fail) {
        call(() -> {
            client.power(server, PowerSignal.START);
            return Boolean.TRUE;
        }, v -> ok.run(), fail);
    }

    public void probeNow() {
        reachability.probeNow();
    }

    public void setPaused(boolean pause) {
        paused = pause;
        reachability.setPaused(pause);
        changed();
    }

    private <T> void call(Supplier<T> work, Consumer<T> ok, Consumer<RuntimeException> fail) {
        try {
            io.execute(() -> {
                try {
                    T value = work.get();
                    ui.execute(() -> ok.accept(value));
                } catch (RuntimeException e) {
                    if (!(e instanceof PanelException) && !(e instanceof InvalidInput)) {
                        LOG.log(Level.WARNING, "unexpected failure talking to the panel", e);
                    }
                    ui.execute(() -> fail.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; call dropped");
        }
    }

    void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The one sentence a person reads: the panel's own words when it said something. */
    public static String sentence(Throwable e) {
        if (e instanceof PanelException || e instanceof InvalidInput) {
            return e.getMessage();
        }
        return "Unexpected error (" + e.getClass().getSimpleName() + "); details are in the log file.";
    }
}
