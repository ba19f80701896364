package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.tui.history.Availability;
import dev.portdeck.tui.history.AvailabilityHistory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is known about the allocations besides this dashboard's own probes: what listens on this machine (for the
 * server on screen) and what the agents saw, as Prometheus keeps it; and the diagnosis that puts it all together.
 * Answers arrive from the feeds on the GUI thread, the only thread that reads or writes here.
 */
public final class Evidence {

    /** What an allocation is until this machine's sockets were read. */
    private static final Listening UNREAD = new Listening.Unknown("this machine's sockets were not read yet");

    private final Runnable changed;
    private final Map<Target, Listening> listening = new HashMap<>();
    private ListeningFeed listeningFeed;
    private String shownServer;
    private Set<Target> shown = Set.of();
    private boolean onThisMachine;
    private HistoryFeed historyFeed;
    private Map<AvailabilityHistory.Key, Availability> history = Map.of();
    private String historyProblem;
    private boolean historyRead;

    Evidence(Runnable changed) {
        this.changed = changed;
    }

    void listenHere(ListeningFeed feed) {
        listeningFeed = feed;
        feed.start(this::applyListening);
    }

    void readHistory(HistoryFeed feed) {
        historyFeed = feed;
    }

    /** Starts the feeds: what listens after each probe round (through `reachability`), the history every minute. */
    void start(Reachability reachability) {
        if (listeningFeed != null) {
            reachability.subscribe(listeningFeed::probed);
        }
        if (historyFeed != null) {
            historyFeed.start(this::applyHistory, this::historyUnavailable);
        }
    }

    /** The server on screen (null: none) and its targets: only they are asked what listens. */
    void show(String server, Set<Target> targets) {
        shownServer = server;
        shown = Set.copyOf(targets);
        listening.keySet().retainAll(shown);
        if (listeningFeed != null) {
            listeningFeed.watch(shown);
        }
    }

    /** What listens at a target's address and port on this machine; null before the first read. */
    public Listening listening(Target target) {
        return target == null ? null : listening.get(target);
    }

    /** Whether this machine holds an address of the server's allocations (so LISTEN means something). */
    public boolean onThisMachine(String server) {
        return onThisMachine && server.equals(shownServer);
    }

    /** Whether a Prometheus is configured to read the history from. */
    public boolean historyOn() {
        return historyFeed != null;
    }

    /** Whether Prometheus has answered at least once. */
    public boolean historyRead() {
        return historyRead;
    }

    /** Why Prometheus gave no answer last time, or null. */
    public String historyProblem() {
        return historyProblem;
    }

    /** Prometheus' address, for sentences; null without one. */
    public String historyWhere() {
        return historyFeed == null ? null : historyFeed.where();
    }

    /** What the agents saw of an allocation, as Prometheus keeps it; null when no agent reports it. */
    public Availability availability(String server, long allocation) {
        return history.get(new AvailabilityHistory.Key(server, allocation));
    }

    /** `r`: the history again now too. */
    void reloadHistory() {
        if (historyFeed != null) {
            historyFeed.readNow(this::applyHistory, this::historyUnavailable);
        }
    }

    /**
     * One sentence on what is probably wrong ({@link Diagnosis}): what listens here at `target`, what the probe from
     * here saw (`outcome`, null before the first), and what the agents' vantage points see; null while nothing is known.
     */
    Diagnosis diagnosis(Target target, Outcome outcome, String server, long allocation) {
        Listening here = listening(target);
        Availability seen = availability(server, allocation);
        List<Diagnosis.Vantage> vantages = seen == null ? List.of() : seen.points();
        if (outcome == null) {
            return here == null ? null : Diagnosis.of(here, null, null, vantages);
        }
        Check check = target == null ? null : target.check();
        return Diagnosis.of(here == null ? UNREAD : here, check, outcome, vantages);
    }

    private void applyListening(Map<Target, Listening> answers) {
        answers.forEach((t, l) -> {
            if (shown.contains(t)) { // not a server left meanwhile
                listening.put(t, l);
            }
        });
        onThisMachine = listening.values().stream().anyMatch(Listening::here);
        changed.run();
    }

    private void applyHistory(Map<AvailabilityHistory.Key, Availability> all) {
        history = Map.copyOf(all);
        historyProblem = null;
        historyRead = true;
        changed.run();
    }

    private void historyUnavailable(String sentence) {
        historyProblem = sentence; // the last answer stays on screen, said to be old
        changed.run();
    }
}
