package dev.portdeck.probe.agent;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The series of each watched allocation. They appear with its first probe result and stay until the allocation
 * leaves the panel (or its labels change): a target that stops answering reports up = 0, it never vanishes.
 *
 * <p>{@code portdeck_allocation_up} carries every label of the allocation ({@link WatchedAllocation#LABEL_NAMES});
 * the other series carry only {@code allocation}, which is unique on a panel: join them to the names with
 * {@code * on (instance, allocation) group_left (server_name, ip, port) portdeck_allocation_up}. At 10,000 allocations
 * that keeps a scrape to a third of the bytes. Series per allocation: up, last change, the connect histogram (9
 * buckets + "+Inf", _sum, _count = 12, once a probe connected), one probes_total per outcome seen, and for a game
 * check players, max players and the service's round trip — 15 for a TCP port that answers, at most 25 (7 outcomes).
 *
 * <p>The values live here, with each allocation's labels built once, and the official client's model and writers
 * expose them: building labels per scrape cost the client's own metric classes most of a second at 10,000.
 */
final class AllocationMetrics implements FamilyCollector {

    /** From 100 µs (a LAN) to 5 s; 0.5 s is the HighConnectLatency line, a retransmitted SYN lands above 1 s. */
    static final double[] CONNECT_BUCKETS = {0.0001, 0.0005, 0.001, 0.01, 0.05, 0.1, 0.5, 1, 5};
    static final List<String> OUTCOMES = List.of("open", "unresponsive", "open|filtered", "closed", "filtered",
            "unreachable", "dns-error", "local-error");

    private static final double[] UPPER_BOUNDS = withInfinity(CONNECT_BUCKETS);
    private static final String UP = "portdeck_allocation_up";
    private static final String LAST_CHANGE = "portdeck_allocation_last_change_timestamp_seconds";
    private static final String CONNECT = "portdeck_allocation_connect_seconds";
    private static final String PROBES = "portdeck_allocation_probes_total";
    private static final String PROBES_FAMILY = "portdeck_allocation_probes"; // as its snapshot names it
    private static final String PLAYERS = "portdeck_allocation_players";
    private static final String MAX_PLAYERS = "portdeck_allocation_max_players";
    private static final String ROUND_TRIP = "portdeck_allocation_service_round_trip_seconds";
    private static final List<String> FAMILIES = List.of(UP, LAST_CHANGE, CONNECT, PROBES_FAMILY, PLAYERS, MAX_PLAYERS,
            ROUND_TRIP);

    /** What one result did to an allocation's up/down state. */
    enum Change { NONE, FIRST_UP, FIRST_DOWN, UP, DOWN }

    /** One allocation's labels (built once) and values; guarded by the AllocationMetrics. */
    private static final class Series {
        final Labels full;
        final Labels key;
        final Labels[] byOutcome = new Labels[OUTCOMES.size()];
        final long[] outcomes = new long[OUTCOMES.size()];
        final long[] buckets = new long[UPPER_BOUNDS.length];
        Boolean up;
        boolean everAnswered;
        double lastChange;
        Double players;
        Double maxPlayers;
        Double roundTrip;
        double sum;
        long count;

        Series(WatchedAllocation w, Labels constLabels) {
            full = Labels.of(WatchedAllocation.LABEL_NAMES.toArray(String[]::new), w.labelValues()).merge(constLabels);
            key = Labels.of("allocation", Long.toString(w.allocation().id())).merge(constLabels);
        }
    }

    /** In label order, so the snapshots' own sort (by labels) meets sorted input and costs one pass. */
    private static final List<String> OUTCOMES_SORTED = OUTCOMES.stream().sorted().toList();

    private final Labels constLabels;
    private final FamilyChanges changes;
    private final Map<WatchedAllocation, Series> series = new HashMap<>();
    private List<Series> byFullLabels = List.of();
    private List<Series> byKey = List.of();

    /** {@code changes} counts the changes to each family (what {@link AllocationExposition} reads). */
    AllocationMetrics(Labels constLabels, FamilyChanges changes) {
        this.constLabels = constLabels;
        this.changes = changes;
    }

    /**
     * Records one result. Two outcomes are counted but leave up/down as it was, because they say nothing about the
     * target: a local error (this machine's problem), and silence to a UDP question from a port that has never
     * answered one (a game port that ignores strangers looks exactly like a firewall). Once a port has answered,
     * its silence is down.
     */
    synchronized Change record(WatchedAllocation w, ProbeResult result) {
        Series s = series.get(w);
        if (s == null) {
            return Change.NONE; // left the panel while the round ran
        }
        Outcome outcome = result.outcome();
        s.outcomes[OUTCOMES.indexOf(outcome.word())]++;
        changes.changed(PROBES_FAMILY);
        Duration latency = connectTime(outcome);
        if (latency != null) {
            changes.changed(CONNECT);
            double seconds = latency.toNanos() / 1e9;
            int bucket = 0;
            while (seconds > UPPER_BOUNDS[bucket]) {
                bucket++;
            }
            s.buckets[bucket]++;
            s.sum += seconds;
            s.count++;
        }
        if (outcome instanceof Outcome.LocalError || outcome instanceof Outcome.OpenOrFiltered && !s.everAnswered) {
            return Change.NONE;
        }
        service(s, outcome);
        boolean nowUp = outcome.isOpen();
        s.everAnswered |= nowUp;
        Boolean before = s.up;
        if (before != null && before == nowUp) {
            return Change.NONE;
        }
        s.up = nowUp;
        s.lastChange = result.time().toEpochMilli() / 1000.0;
        changes.changed(UP);
        changes.changed(LAST_CHANGE);
        if (before == null) {
            return nowUp ? Change.FIRST_UP : Change.FIRST_DOWN;
        }
        return nowUp ? Change.UP : Change.DOWN;
    }

    /**
     * What a game said about itself: players (0 while it does not answer: nobody plays on it), slots and its own round
     * trip (both as of its last answer).
     */
    private void service(Series s, Outcome outcome) {
        if (outcome instanceof Outcome.Open open) {
            if (open.appLatency() != null) {
                s.roundTrip = open.appLatency().toNanos() / 1e9;
                changes.changed(ROUND_TRIP);
            }
            if (open.service() != null && open.service().players() != null) {
                s.players = set(s.players, open.service().players().doubleValue(), PLAYERS);
            }
            if (open.service() != null && open.service().maxPlayers() != null) {
                s.maxPlayers = set(s.maxPlayers, open.service().maxPlayers().doubleValue(), MAX_PLAYERS);
            }
        } else if (s.players != null) {
            s.players = set(s.players, 0.0, PLAYERS);
        }
    }

    /** {@code value}, counted as a change of {@code family} when it differs from {@code before}. */
    private double set(Double before, double value, String family) {
        if (before == null || before != value) {
            changes.changed(family);
        }
        return value;
    }

    /**
     * Watches exactly these allocations from now on; the series of every other one go. A rediscovery that finds the
     * same allocations changes nothing, so the text written of them stands (at 10,000 allocations, every five minutes).
     */
    synchronized void retain(Collection<WatchedAllocation> watched) {
        Set<WatchedAllocation> keep = new HashSet<>(watched);
        boolean changed = series.keySet().retainAll(keep);
        for (WatchedAllocation w : keep) {
            if (!series.containsKey(w)) {
                series.put(w, new Series(w, constLabels));
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        for (String family : FAMILIES) {
            changes.changed(family);
        }
        byFullLabels = series.values().stream().sorted(Comparator.comparing((Series x) -> x.full)).toList();
        byKey = series.values().stream().sorted(Comparator.comparing((Series x) -> x.key)).toList();
    }

    /** The latest up/down of an allocation: true, false, or null before its first telling result. */
    synchronized Boolean isUp(WatchedAllocation w) {
        Series s = series.get(w);
        return s == null ? null : s.up;
    }

    @Override
    public List<String> familyNames() {
        return FAMILIES;
    }

    @Override
    public synchronized MetricSnapshot family(String name) {
        return switch (name) {
            case UP -> up();
            case LAST_CHANGE -> gauge(LAST_CHANGE, "When portdeck_allocation_up last changed, or was first known"
                    + " (Unix time)", s -> s.up == null ? null : s.lastChange);
            case CONNECT -> connect();
            case PROBES_FAMILY -> probes();
            case PLAYERS -> gauge(PLAYERS, "Players online as the game server last said (0 while it does not answer"
                    + " its check)", s -> s.players);
            case MAX_PLAYERS -> gauge(MAX_PLAYERS, "Player slots as the game server last said", s -> s.maxPlayers);
            case ROUND_TRIP -> gauge(ROUND_TRIP, "The service's own round trip on its last answer (Minecraft"
                    + " ping/pong, the A2S reply, ...)", s -> s.roundTrip);
            default -> throw new IllegalArgumentException("not a family of the allocations: " + name);
        };
    }

    private GaugeSnapshot up() {
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name(UP)
                .help("1 when the allocation answered its check on the latest probe, 0 when it did not");
        for (Series s : byFullLabels) {
            if (s.up != null) {
                up.dataPoint(new GaugeSnapshot.GaugeDataPointSnapshot(s.up ? 1 : 0, s.full, null));
            }
        }
        return up.build();
    }

    /** A gauge by the allocation's key labels; allocations without a value have no sample. */
    private GaugeSnapshot gauge(String name, String help, Function<Series, Double> value) {
        return FamilyCollector.gauge(name, help, byKey, s -> s.key, value);
    }

    private HistogramSnapshot connect() {
        HistogramSnapshot.Builder connect = HistogramSnapshot.builder().name(CONNECT)
                .help("Time to complete the TCP handshake (or the first UDP reply) of each probe that got one");
        for (Series s : byKey) {
            if (s.count > 0) {
                connect.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(UPPER_BOUNDS, s.buckets)) // it copies both
                        .sum(s.sum).labels(s.key).build());
            }
        }
        return connect.build();
    }

    private CounterSnapshot probes() {
        CounterSnapshot.Builder probes = CounterSnapshot.builder().name(PROBES)
                .help("Probes of the allocation by outcome: " + String.join(", ", OUTCOMES));
        for (Series s : byKey) {
            for (String word : OUTCOMES_SORTED) {
                int i = OUTCOMES.indexOf(word);
                if (s.outcomes[i] > 0) {
                    probes.dataPoint(new CounterSnapshot.CounterDataPointSnapshot(s.outcomes[i], outcomeLabels(s, i),
                            null, 0));
                }
            }
        }
        return probes.build();
    }

    private static Labels outcomeLabels(Series s, int outcome) {
        if (s.byOutcome[outcome] == null) {
            s.byOutcome[outcome] = s.key.add("outcome", OUTCOMES.get(outcome));
        }
        return s.byOutcome[outcome];
    }

    /** The TCP handshake (or first UDP reply) time, when the probe got that far. */
    private static Duration connectTime(Outcome outcome) {
        if (outcome instanceof Outcome.Open open) {
            return open.latency();
        }
        if (outcome instanceof Outcome.Unresponsive unresponsive) {
            return unresponsive.latency();
        }
        return null;
    }

    private static double[] withInfinity(double[] bounds) {
        double[] all = java.util.Arrays.copyOf(bounds, bounds.length + 1);
        all[bounds.length] = Double.POSITIVE_INFINITY;
        return all;
    }
}
