package dev.portdeck.tui.dashboard.state;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each server's `/resources`: its power state (or what our own signal implies until the panel agrees), uptime and
 * traffic. The servers on screen are read every 20 s, the others every few minutes ({@link ResourcesPace}). Used on the
 * UI thread only, like the {@link Deck} it belongs to.
 */
final class ResourcesFeed {

    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");

    private final PanelClient client;
    private final Calls calls;
    private final Clock clock;
    private final Runnable changed;
    private final ResourcesPace pace;
    private final PowerWatch power = new PowerWatch();
    private final Map<String, Resources> resources = new HashMap<>();
    private final Map<String, Instant> resourcesAt = new HashMap<>();
    private final Set<String> asked = new HashSet<>();
    private final Map<String, Instant> askedAt = new HashMap<>();
    private final Map<String, Traffic> traffic = new HashMap<>();
    private final Map<String, String> nodeProblems = new HashMap<>();
    private List<String> onScreen = List.of();
    private Set<String> onScreenSet = Set.of();
    private ScheduledFuture<?> catchUp;

    ResourcesFeed(PanelClient client, Calls calls, Clock clock, Runnable changed, ResourcesPace pace) {
        this.client = client;
        this.calls = calls;
        this.clock = clock;
        this.changed = changed;
        this.pace = pace;
    }

    /**
     * Every period: the servers on screen, and a few of the others whose last read is older than `offScreen`, never
     * read ones first. Slower when the user's other tools have spent most of the panel's per-user limit.
     */
    void schedule(Supplier<List<Server>> servers) {
        long every = client.rateLimit().pace(pace.period(onScreen.size())).toMillis();
        try {
            calls.timer().schedule(() -> calls.ui().execute(() -> {
                tick(servers.get());
                schedule(servers);
            }), every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; no more resource polls");
        }
    }

    private void tick(List<Server> servers) {
        Instant now = clock.instant();
        Duration period = pace.period(onScreen.size());
        // one caught up when it came into view waits for the next period rather than being read twice in a few seconds
        onScreen.stream().filter(id -> olderThan(id, period.dividedBy(2), now)).forEach(this::read);
        servers.stream().map(Server::identifier).distinct()
                .filter(id -> !onScreenSet.contains(id) && olderThan(id, pace.offScreen(), now))
                .sorted(Comparator.comparing(id -> askedAt.getOrDefault(id, Instant.MIN)))
                .limit(pace.offScreenReads(period))
                .forEach(this::read);
    }

    /**
     * The servers whose rows are on screen now (or whose allocations are open): once they stay for `settle`, those
     * whose last read is older than `onScreen` are read at once, and all of them every period from then on.
     */
    void onScreen(List<String> identifiers) {
        if (identifiers.equals(onScreen)) {
            return;
        }
        onScreen = List.copyOf(identifiers);
        onScreenSet = Set.copyOf(onScreen);
        if (catchUp != null) {
            catchUp.cancel(false);
        }
        catchUp = calls.later(pace.settle(), () -> {
            Instant now = clock.instant();
            onScreen.stream().filter(id -> olderThan(id, pace.onScreen(), now)).forEach(this::read);
        });
    }

    private boolean olderThan(String id, Duration age, Instant now) {
        Instant at = askedAt.get(id);
        return at == null || Duration.between(at, now).compareTo(age) >= 0;
    }

    /** `r` or the panel back after a failure: the servers on screen now, whatever their age. */
    void readOnScreen() {
        onScreen.forEach(this::read);
    }

    /** One `/resources` read; skipped while the previous one for that server has not answered (it may hang). */
    void read(String id) {
        if (!asked.add(id)) {
            return;
        }
        askedAt.put(id, clock.instant());
        calls.call(() -> client.resources(id), r -> {
            asked.remove(id);
            if (nodeProblems.remove(id) != null) {
                changed.run();
            }
            apply(id, r);
        }, e -> {
            asked.remove(id);
            if (e instanceof Refused || e instanceof NotFound) {
                resources.remove(id); // e.g. suspended: what was read before is no longer true
                changed.run();
            } else if (e instanceof Unreachable && ((Unreachable) e).httpStatus() == 504) {
                // the panel answered: its node's daemon did not (DaemonConnectionException), so the power is unknown
                resources.remove(id);
                nodeProblems.put(id, Deck.sentence(e));
                changed.run();
            }
            LOG.log(Level.FINE, "resources of {0}: {1}", new Object[] {id, Deck.sentence(e)});
        });
    }

    /** After a power signal of ours: the state it implies now, and the panel's word again soon. */
    void expect(String id, PowerState implied) {
        power.expect(id, implied, clock.instant());
        for (long millis : PowerWatch.REREAD_MILLIS) {
            calls.later(Duration.ofMillis(millis), () -> read(id));
        }
        changed.run();
    }

    private void apply(String id, Resources fresh) {
        Instant now = clock.instant();
        Resources before = resources.put(id, fresh);
        Instant then = resourcesAt.put(id, now);
        if (before != null) {
            traffic.put(id, Traffic.between(before, then, fresh, now));
        }
        changed.run();
    }

    Resources resources(String identifier) {
        return resources.get(identifier);
    }

    /** The power state to show: what the dashboard's own signal implies until the panel agrees, else the panel's. */
    PowerState power(String identifier) {
        return power.shown(identifier, resources.get(identifier), clock.instant());
    }

    /** Whether {@link #power} is the dashboard's expectation after its own signal rather than the panel's word. */
    boolean powerImplied(String identifier) {
        power(identifier);
        return power.implied(identifier);
    }

    /** Milliseconds up, 0 when unknown or when the server is (about to be) stopped or just starting. */
    long uptimeMillis(String identifier) {
        Resources r = resources.get(identifier);
        if (r == null || (powerImplied(identifier) && power(identifier) != PowerState.RUNNING)) {
            return 0;
        }
        return r.uptimeMillis();
    }

    Traffic traffic(String identifier) {
        return traffic.getOrDefault(identifier, Traffic.UNKNOWN);
    }

    /** Why the server's power state and traffic cannot be read: the node (Wings) does not answer; else null. */
    String nodeProblem(String identifier) {
        return nodeProblems.get(identifier);
    }
}
