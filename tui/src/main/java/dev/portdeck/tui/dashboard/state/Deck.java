package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the dashboard knows about the panel, and every read from it (changes go through {@link Changes}). Panel calls
 * run on `io`; their results are applied on `ui` (the GUI thread), which is the only thread that reads or writes the
 * state here. One slow or failing server never holds up the others: each server's calls are separate.
 */
public final class Deck {

    /** The panel caches `/resources` for about 20 s: polling faster only costs requests. */
    static final Duration RESOURCES_EVERY = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");
    private static final long RESOURCES_GAP_MILLIS = 500;

    private final PanelClient client;
    private final Reachability reachability;
    private final Calls calls;
    private final Clock clock;
    private final Backoff retry;
    private final PowerWatch power = new PowerWatch();
    private final Changes changes;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Map<String, Resources> resources = new HashMap<>();
    private final Map<String, Instant> resourcesAt = new HashMap<>();
    private final Set<String> resourcesAsked = new HashSet<>();
    private final Map<String, Traffic> traffic = new HashMap<>();
    private final Map<Target, StatsSnapshot> stats = new HashMap<>();
    private final Set<String> detailed = new HashSet<>();
    private final Map<String, String> allocationProblems = new HashMap<>();
    private final Set<String> allocationsAsked = new HashSet<>();
    private List<Server> servers = List.of();
    private boolean loading;
    private boolean paused;
    private boolean loaded;
    private String problem;

    public Deck(PanelClient client, Reachability reachability, Executor io, Executor ui, ScheduledExecutorService timer,
            Clock clock) {
        this.client = client;
        this.reachability = reachability;
        this.calls = new Calls(io, ui, timer);
        this.clock = clock;
        this.retry = new Backoff(calls);
        this.changes = new Changes(this, client, calls);
    }

    /** Loads the servers, starts polling resources and listening to the probes. Call on the UI thread. */
    public void start() {
        Coalescer<Target, StatsSnapshot> coalescer = new Coalescer<>(calls.timer(), calls.ui(), 100, this::applyStats);
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
            calls.timer().schedule(() -> calls.ui().execute(() -> {
                pollResources();
                scheduleResources();
            }), every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; no more resource polls");
        }
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Changes changes() {
        return changes;
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

    /** The power state to show: what the dashboard's own signal implies until the panel agrees, else the panel's. */
    public PowerState power(String identifier) {
        return power.shown(identifier, resources.get(identifier), clock.instant());
    }

    /** Whether {@link #power} is the dashboard's expectation after its own signal rather than the panel's word. */
    public boolean powerImplied(String identifier) {
        power(identifier);
        return power.implied(identifier);
    }

    /** Milliseconds up, 0 when unknown or when the server is (about to be) stopped or just starting. */
    public long uptimeMillis(String identifier) {
        Resources r = resources.get(identifier);
        if (r == null || (powerImplied(identifier) && power(identifier) != PowerState.RUNNING)) {
            return 0;
        }
        return r.uptimeMillis();
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

    /** Time until the next automatic attempt to reach a lost panel, or null when none is due. */
    public Duration retryIn() {
        return problem == null ? null : retry.remaining(clock.instant());
    }

    /** Why the server's allocations could not be read (its list is then empty for that reason), or null. */
    public String allocationProblem(String identifier) {
        return allocationProblems.get(identifier);
    }

    /** Whether the server's allocations are still being asked for separately (the list came without them). */
    public boolean allocationsPending(String identifier) {
        return allocationsAsked.contains(identifier);
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

    /**
     * Whether the key's permissions on this server are known: the server list carries none, only the server's own
     * endpoint does (meta.user_permissions). Until then the panel decides, and says so in its own words.
     */
    public boolean permissionsKnown(String identifier) {
        return detailed.contains(identifier);
    }

    // ---- loading ----

    /** The automatic retries: everything again from the panel. */
    public void reload() {
        reload(() -> { }, () -> { });
    }

    /** `r`: everything again from the panel now; `after` runs when it came, `failed` when it did not. */
    public void reload(Runnable after, Runnable failed) {
        retry.cancel();
        loading = true;
        changed();
        calls.call(client::listServers, list -> {
            if (!loaded && StartClock.timing()) {
                LOG.info(() -> list.size() + " servers loaded at " + StartClock.millis() + " ms");
            }
            servers = List.copyOf(list);
            loading = false;
            loaded = true;
            problem = null;
            retry.succeeded();
            allocationProblems.keySet().retainAll(servers.stream().map(Server::identifier).toList());
            servers.stream().filter(s -> s.allocations().isEmpty()).forEach(this::askAllocations);
            retarget();
            changed();
            pollResources();
            after.run();
        }, e -> {
            loading = false;
            lost(e);
            failed.run();
        });
    }

    /**
     * The panel could not be reached or refused: say so, and try again by itself with a growing pause, unless it
     * rejected the key (trying again cannot help; `r` still does it at once).
     */
    public void lost(RuntimeException e) {
        problem = sentence(e);
        if (e instanceof Unauthorized || e instanceof Forbidden) {
            retry.cancel();
        } else {
            retry.failed(clock.instant(), this::reload);
        }
        changed();
    }

    /** One server again (after a change, or on entering its view); `after` runs on success. */
    public void refresh(String identifier, Runnable after, Consumer<RuntimeException> fail) {
        calls.call(() -> client.server(identifier), fresh -> {
            if (problem != null) { // the panel answers again
                problem = null;
                retry.succeeded();
            }
            replace(fresh);
            detailed.add(identifier);
            if (fresh.allocations().isEmpty()) {
                askAllocations(fresh);
            } else {
                allocationProblems.remove(identifier);
            }
            readResources(identifier); // its power state too: the server may have changed beyond its allocations
            after.run();
        }, fail);
    }

    /** `refresh` whose failure counts as losing the panel (retried by itself). */
    public void refresh(String identifier, Runnable after) {
        refresh(identifier, after, this::lost);
    }

    void replace(Server fresh) {
        List<Server> next = new ArrayList<>(servers);
        next.replaceAll(s -> s.identifier().equals(fresh.identifier()) ? fresh : s);
        servers = List.copyOf(next);
        retarget();
        changed();
    }

    /** Panels may leave relationships.allocations out: ask the allocations endpoint, for this server alone. */
    private void askAllocations(Server s) {
        String id = s.identifier();
        if (!allocationsAsked.add(id)) {
            return;
        }
        calls.call(() -> client.allocations(id), list -> {
            allocationsAsked.remove(id);
            allocationProblems.remove(id);
            Server now = server(id);
            if (now != null) {
                replace(now.withAllocations(list));
            }
        }, e -> {
            allocationsAsked.remove(id);
            allocationProblems.put(id, sentence(e));
            LOG.log(Level.FINE, "allocations of {0}: {1}", new Object[] {id, e.getMessage()});
            changed();
        });
    }

    private void retarget() {
        Set<Target> targets = new LinkedHashSet<>();
        servers.forEach(s -> s.allocations().stream().map(Deck::targetOf).filter(t -> t != null)
                .forEach(targets::add));
        stats.keySet().retainAll(targets);
        reachability.watch(List.copyOf(targets));
    }

    private void pollResources() {
        servers.forEach(s -> readResources(s.identifier()));
    }

    /** One `/resources` read; skipped while the previous one for that server has not answered (it may hang). */
    private void readResources(String id) {
        if (!resourcesAsked.add(id)) {
            return;
        }
        calls.call(() -> client.resources(id), r -> {
            resourcesAsked.remove(id);
            applyResources(id, r);
        }, e -> {
            resourcesAsked.remove(id);
            if (e instanceof Refused || e instanceof NotFound) {
                resources.remove(id); // e.g. suspended: what was read before is no longer true
                changed();
            }
            LOG.log(Level.FINE, "resources of {0}: {1}", new Object[] {id, sentence(e)});
        });
    }

    /** After a power signal of ours: the state it implies now, and the panel's word again soon. */
    void expectPower(String id, PowerState implied) {
        power.expect(id, implied, clock.instant());
        for (long millis : PowerWatch.REREAD_MILLIS) {
            calls.later(Duration.ofMillis(millis), () -> readResources(id));
        }
        changed();
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

    public void probeNow() {
        reachability.probeNow();
    }

    public void setPaused(boolean pause) {
        paused = pause;
        reachability.setPaused(pause);
        changed();
    }

    void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The one sentence a person reads: the panel's own words when it said something. */
    public static String sentence(Throwable e) {
        if (e instanceof PanelException || e instanceof InvalidInput || e instanceof Conflict
                || e instanceof Changes.InDoubt) {
            return e.getMessage();
        }
        return "Unexpected error (" + e.getClass().getSimpleName() + "); details are in the log file.";
    }
}
