package dev.portdeck.tui.dashboard.table;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Tone;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The allocations of one server, with what the probes found. */
public final class AllocationsSource implements TableSource<Allocation> {

    static final int HISTORY = 10;
    private static final List<Column> COLUMNS = List.of(
            Column.number("ID", 5, 8),
            Column.fixed("ADDRESS", 21, 0),
            Column.flexible("ALIAS", 8, 20, 9),
            Column.fixed("P", 1, 0),
            Column.flexible("NOTES", 10, 60, 1),
            Column.fixed("STATE", 10, 0),
            Column.number("LAST", 6, 2),
            Column.number("AVG", 6, 7),
            Column.number("P95", 6, 5),
            Column.number("LOSS", 5, 3),
            Column.fixed("HISTORY", HISTORY, 4),
            Column.number("CHECKED", 7, 6));

    private final Deck deck;
    private final String server;
    private final Glyphs glyphs;
    private final Readouts readouts;
    private final Sparkline sparkline;

    public AllocationsSource(Deck deck, String server, Glyphs glyphs) {
        this.deck = deck;
        this.server = server;
        this.glyphs = glyphs;
        this.readouts = new Readouts(glyphs);
        this.sparkline = new Sparkline(glyphs);
    }

    public String serverId() {
        return server;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Allocation> rows() {
        Server s = deck.server(server);
        return s == null ? List.of() : s.allocations();
    }

    @Override
    public String key(Allocation row) {
        return Long.toString(row.id());
    }

    @Override
    public List<Cell> cells(Allocation a, Instant now) {
        StatsSnapshot st = deck.stats(a);
        boolean known = st != null && st.last() != null;
        return List.of(
                Cell.of(Long.toString(a.id()), Tone.DIM),
                Cell.of(a.address()),
                Cell.of(a.ipAlias(), Tone.DIM),
                Cell.of(a.primary() ? String.valueOf(glyphs.primary()) : "", Tone.ACCENT),
                Cell.of(a.notes()),
                Deck.targetOf(a) == null ? Cell.of(glyphs.pending() + " no alias", Tone.DIM) : state(st),
                Cell.of(known && st.last().outcome() instanceof Outcome.Open o ? readouts.millis(o.latency())
                        : glyphs.none()),
                Cell.of(st == null ? glyphs.none() : readouts.millis(st.avg())),
                Cell.of(st == null ? glyphs.none() : readouts.millis(st.p95())),
                Cell.of(st == null ? glyphs.none() : readouts.loss(st.lossPercent(), st.sent()),
                        st != null && st.lossPercent() > 0 ? Tone.WARN : Tone.NORMAL),
                Cell.of(st == null ? "" : sparkline.render(st.recent(), HISTORY), Tone.GOOD),
                Cell.of(known ? readouts.ago(Duration.between(st.last().time(), now)) : glyphs.none(), Tone.DIM));
    }

    /** Why the latest probe failed, in the prober's words ("" when it answered or nothing is known yet). */
    public String reason(Allocation a) {
        if (Deck.targetOf(a) == null) {
            return "it binds every address and has no alias to probe";
        }
        String at = a.bindsEveryAddress() ? "probed at " + a.probeHost() : "";
        String why = failure(a);
        if (at.isEmpty() || why.isEmpty()) {
            return at + why;
        }
        return at + ": " + why;
    }

    private String failure(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        if (st == null || st.last() == null) {
            return "";
        }
        Outcome o = st.last().outcome();
        if (o instanceof Outcome.LocalError e) {
            return "local problem: " + e.reason();
        }
        if (o instanceof Outcome.Unreachable u) {
            return "unreachable: " + u.reason();
        }
        if (o instanceof Outcome.DnsError d) {
            return "name lookup failed: " + d.reason();
        }
        if (o instanceof Outcome.Filtered f) {
            return "no answer within " + f.waited().toMillis() + " ms";
        }
        return o instanceof Outcome.Closed ? "refused (nothing listens)" : "";
    }

    private Cell state(StatsSnapshot st) {
        if (st == null || st.last() == null) {
            return Cell.of(glyphs.pending() + " waiting", Tone.DIM);
        }
        Outcome o = st.last().outcome();
        if (o.isOpen()) {
            return Cell.of(glyphs.open() + " open", Tone.GOOD);
        }
        if (o instanceof Outcome.LocalError) {
            return Cell.of(glyphs.down() + " local", Tone.WARN);
        }
        String word = o instanceof Outcome.Unreachable ? "no route" : o.word();
        return Cell.of(glyphs.down() + " " + word, Tone.BAD);
    }

    @Override
    public Comparator<Allocation> sorter(int column) {
        Comparator<Allocation> byId = Comparator.comparingLong(Allocation::id);
        return switch (column) {
            case 0 -> byId;
            case 1 -> Comparator.comparing(Allocation::ip).thenComparingInt(Allocation::port);
            case 3 -> Comparator.comparing((Allocation a) -> !a.primary()).thenComparing(byId);
            case 4 -> Comparator.comparing((Allocation a) -> a.notes() == null ? "" : a.notes()).thenComparing(byId);
            case 5 -> Comparator.comparing((Allocation a) -> stateRank(a)).thenComparing(byId);
            case 6 -> byLatency(st -> st.last() != null && st.last().outcome() instanceof Outcome.Open o
                    ? o.latency() : null);
            case 7 -> byLatency(StatsSnapshot::avg);
            case 8 -> byLatency(StatsSnapshot::p95);
            case 9 -> Comparator.comparingDouble((Allocation a) -> {
                StatsSnapshot st = deck.stats(a);
                return st == null ? -1 : st.lossPercent();
            }).thenComparing(byId);
            default -> null;
        };
    }

    private int stateRank(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        if (st == null || st.last() == null) {
            return 2;
        }
        return st.last().outcome().isOpen() ? 0 : 1;
    }

    private Comparator<Allocation> byLatency(java.util.function.Function<StatsSnapshot, Duration> field) {
        return Comparator.comparing((Allocation a) -> {
            StatsSnapshot st = deck.stats(a);
            Duration d = st == null ? null : field.apply(st);
            return d == null ? Long.MAX_VALUE : d.toNanos();
        }).thenComparingLong(Allocation::id);
    }
}
