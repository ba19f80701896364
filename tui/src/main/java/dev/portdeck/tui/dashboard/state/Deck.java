package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.PanelException;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the dashboard knows about the panel, and every read from it (changes go through {@link Changes}). Panel calls
 * run on `io`; their results are applied on `ui` (the GUI thread), which is the only thread that reads or writes the
 * state here. One slow or failing server never holds up the others: each server's calls are separate.
 */
public final class Deck {

    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");

    private final PanelClient client;
    private final Reachability reachability;
    private final Calls calls;
    private final Clock clock;
    private final Backoff retry;
    private final ResourcesFeed resources;
    private final Changes changes;
    private final List<Runnable> listeners = new ArrayList<>();
    private final List<Runnable> probeDetail = new ArrayList<>();
    private final Map<Target, StatsSnapshot> stats = new HashMap<>();
    private final CheckPlan checks;
    private Map<Allocation, CheckPlan.Planned> plans = Map.of();
    private final Evidence evidence = new Evidence(this::changed);
    private String shown;
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
        this(client, reachability, io, ui, timer, clock, CheckSettings.NONE, ResourcesPace.DEFAULT);
    }

    public Deck(PanelClient client, Reachability reachability, Executor io, Executor ui, ScheduledExecutorService timer,
            Clock clock, CheckSettings checks, ResourcesPace pace) {
        this.client = client;
        this.checks = new CheckPlan(checks);
        this.reachability = reachability;
        this.calls = new Calls(io, ui, timer);
        this.clock = clock;
        this.retry = new Backoff(calls);
        this.changes = new Changes(this, client, calls);
        this.resources = new ResourcesFeed(client, calls, clock, this::changed, pace);
    }

    /** Also asks what listens on this machine at each allocation, once per probe round (before {@link #start}). */
    public void listenHere(ListeningFeed feed) {
        evidence.listenHere(feed);
    }

    /** Also reads the allocations' history from Prometheus, every minute (before {@link #start}). */
    public void readHistory(HistoryFeed feed) {
        evidence.readHistory(feed);
    }

    /** Loads the servers, starts polling resources and listening to the probes. Call on the UI thread. */
    public void start() {
        Coalescer<Target, StatsSnapshot> coalescer = new Coalescer<>(calls.timer(), calls.ui(), 100, this::applyStats);
        reachability.subscribe(coalescer::offer);
        evidence.start(reachability);
        reload();
        resources.schedule(this::servers);
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Probe results that change nothing the servers list shows (every round's times and counters, the same answers):
     * only the allocations and their details show them. Everything else goes to {@link #onChange}.
     */
    public void onProbeDetail(Runnable listener) {
        probeDetail.add(listener);
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
        return resources.resources(identifier);
    }

    /** The power state to show: what the dashboard's own signal implies until the panel agrees, else the panel's. */
    public PowerState power(String identifier) {
        return resources.power(identifier);
    }

    /** Whether {@link #power} is the dashboard's expectation after its own signal rather than the panel's word. */
    public boolean powerImplied(String identifier) {
        return resources.powerImplied(identifier);
    }

    /** Milliseconds up, 0 when unknown or when the server is (about to be) stopped or just starting. */
    public long uptimeMillis(String identifier) {
        return resources.uptimeMillis(identifier);
    }

    public Traffic traffic(String identifier) {
        return resources.traffic(identifier);
    }

    public StatsSnapshot stats(Allocation allocation) {
        CheckPlan.Planned p = plans.get(allocation);
        return p == null ? null : stats.get(p.target());
    }

    /** How the allocation is probed (its check and why, closed by design or not); null when it is not probed. */
    public CheckPlan.Planned plan(Allocation allocation) {
        return plans.get(allocation);
    }

    public CheckPlan checks() {
        return checks;
    }

    /** What listens on this machine and what the agents saw (for LISTEN, the history and the diagnosis). */
    public Evidence evidence() {
        return evidence;
    }

    /** What listens on this machine at the allocation's address and port; null before the first read. */
    public Listening listening(Allocation allocation) {
        CheckPlan.Planned p = plans.get(allocation);
        return p == null ? null : evidence.listening(p.target());
    }

    /** Why the server's power state and traffic cannot be read: the node (Wings) does not answer; else null. */
    public String nodeProblem(String identifier) {
        return resources.nodeProblem(identifier);
    }

    /**
     * What is probably wrong, in one sentence: what listens here, what the probe from here saw, and what the agents'
     * vantage points see ({@link Evidence#diagnosis}); null while nothing is known.
     */
    public Diagnosis diagnosis(String server, Allocation allocation) {
        CheckPlan.Planned p = plans.get(allocation);
        StatsSnapshot st = p == null ? null : stats.get(p.target());
        return evidence.diagnosis(p == null ? null : p.target(), st == null || st.last() == null ? null
                : st.last().outcome(), server, allocation.id());
    }

    /** How many of the server's allocations are closed by design (expect_closed) and were closed at their latest probe. */
    public int closedAsExpected(Server server) {
        int n = 0;
        for (Allocation a : server.allocations()) {
            CheckPlan.Planned p = plans.get(a);
            StatsSnapshot st = p == null || !p.expectedClosed() ? null : stats.get(p.target());
            if (st != null && st.last() != null && st.last().outcome() instanceof Outcome.Closed) {
                n++;
            }
        }
        return n;
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
        // the eggs and startup variables come in the same pages: they choose each allocation's check
        boolean first = !loaded;
        calls.call(() -> client.listServers(true, soFar -> {
            if (first) {
                calls.ui().execute(() -> showSoFar(soFar)); // a large panel: its first pages while the rest come
            }
        }), list -> {
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
            resources.readOnScreen();
            after.run();
        }, e -> {
            loading = false;
            if (!loaded && !servers.isEmpty()) { // the first pages of a list that did not come whole
                servers = List.of();
                retarget();
            }
            lost(e);
            failed.run();
        });
    }

    /** The first load's servers so far (UI thread): listed and probed while the next pages come. */
    private void showSoFar(List<Server> soFar) {
        if (loaded || !loading) {
            return; // the whole list (or a failure) came first
        }
        servers = soFar;
        retarget();
        changed();
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
        calls.call(() -> client.serverWithEgg(identifier), fresh -> {
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
            resources.read(identifier); // its power state too: the server may have changed beyond its allocations
            after.run();
        }, fail);
    }

    /** `refresh` whose failure counts as losing the panel (retried by itself). */
    public void refresh(String identifier, Runnable after) {
        refresh(identifier, after, this::lost);
    }

    void replace(Server fresh) {
        List<Server> next = new ArrayList<>(servers);
        next.replaceAll(s -> s.identifier().equals(fresh.identifier()) ? keepEgg(s, fresh) : s);
        servers = List.copyOf(next);
        retarget();
        changed();
    }

    /** A read without `?include=egg` does not make the egg unknown: each allocation keeps its check. */
    private static Server keepEgg(Server before, Server fresh) {
        if (fresh.egg() != null || before.egg() == null) {
            return fresh;
        }
        return new Server(fresh.identifier(), fresh.uuid(), fresh.name(), fresh.node(), fresh.status(),
                fresh.suspended(), fresh.allocationLimit(), fresh.allocations(), fresh.permissions(),
                fresh.transferring(), fresh.nodeUnderMaintenance(), fresh.dockerImage(), before.egg(),
                fresh.variables().isEmpty() ? before.variables() : fresh.variables());
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

    /** The check of every allocation again, and the probes' targets after them (a changed check is a new target). */
    private void retarget() {
        Set<Target> targets = new LinkedHashSet<>();
        Map<Allocation, CheckPlan.Planned> next = new HashMap<>();
        for (Server s : servers) {
            for (Allocation a : s.allocations()) {
                CheckPlan.Planned p = checks.plan(s, a);
                if (p != null) {
                    next.put(a, p);
                    targets.add(p.target());
                }
            }
        }
        plans = next;
        stats.keySet().retainAll(targets);
        reachability.watch(List.copyOf(targets));
        watchListening();
    }

    /**
     * Which server's allocations are on screen (null: none, the servers view): only theirs are asked what listens,
     * as nothing else shows it, so the servers view costs no reads of /proc at all.
     */
    public void showing(String identifier) {
        shown = identifier;
        watchListening();
    }

    private void watchListening() {
        Server s = shown == null ? null : server(shown);
        Set<Target> targets = new LinkedHashSet<>();
        if (s != null) {
            s.allocations().stream().map(plans::get).filter(p -> p != null).forEach(p -> targets.add(p.target()));
        }
        evidence.show(s == null ? null : shown, targets);
    }

    /** `C`: ask `a` of `s` this check from now on (null: auto); its statistics start again, as it is a new question. */
    public void chooseCheck(Server s, Allocation a, Check check) {
        checks.choose(s, a, check);
        retarget();
        changed();
    }

    /** Writes the check of `a` into the config file (null: removes its line); `ok` gets the line written. */
    public void rememberCheck(Server s, Allocation a, Check check, Consumer<String> ok,
            Consumer<RuntimeException> fail) {
        calls.call(() -> checks.write(s, a, check), now -> {
            checks.written(s, a, now);
            retarget();
            changed();
            ok.accept(check == null ? "removed " + CheckPlan.fileKey(s, a) : CheckPlan.fileKey(s, a) + " = "
                    + check.word());
        }, fail);
    }

    /** The servers whose rows are on screen, or the one whose allocations are: theirs are read most often. */
    public void onScreen(List<String> identifiers) {
        resources.onScreen(identifiers);
    }

    /** After a power signal of ours: the state it implies now, and the panel's word again soon. */
    void expectPower(String id, PowerState implied) {
        resources.expect(id, implied);
    }

    /** `r`: the history again now too. */
    public void reloadHistory() {
        evidence.reloadHistory();
    }

    private void applyStats(Map<Target, StatsSnapshot> changes) {
        if (stats.isEmpty() && !changes.isEmpty() && StartClock.timing()) {
            LOG.info(() -> "first probe results at " + StartClock.millis() + " ms");
        }
        boolean answers = false;
        for (Map.Entry<Target, StatsSnapshot> e : changes.entrySet()) {
            answers |= answer(stats.put(e.getKey(), e.getValue())) != answer(e.getValue());
        }
        if (answers) {
            changed();
        } else {
            probeDetail.forEach(Runnable::run);
        }
    }

    /** What the servers list shows of a probe (its UP column): whether the port was open, closed, or neither. */
    private static int answer(StatsSnapshot s) {
        if (s == null || s.last() == null) {
            return 0;
        }
        return s.last().outcome().isOpen() ? 1 : s.last().outcome() instanceof Outcome.Closed ? 2 : 3;
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
