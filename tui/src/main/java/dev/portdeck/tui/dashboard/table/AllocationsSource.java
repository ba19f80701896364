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
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The allocations of one server, with what the probes found. */
public final class AllocationsSource implements TableSource<Allocation> {

    /** HISTORY starts this wide and grows with the terminal, up to the whole kept window. */
    static final int HISTORY = 10;
    private static final int HISTORY_MAX = 100;
    /** At 80 columns: address, primary, notes, state, last, max, loss and history stay (see the drop orders). */
    private static final List<Column> COLUMNS = List.of(
            Column.number("ID", 5, 9),
            Column.fixed("ADDRESS", 21, 0),
            Column.flexible("ALIAS", 8, 20, 10),
            Column.fixed("P", 1, 0),
            Column.flexible("NOTES", 10, 60, 1),
            Column.fixed("STATE", 10, 0),
            Column.number("LAST", 6, 2),
            Column.number("AVG", 6, 7),
            Column.number("MAX", 6, 5),
            Column.number("P95", 6, 6),
            Column.number("LOSS", 5, 3),
            Column.filler("HISTORY", HISTORY, HISTORY_MAX, 4),
            Column.number("CHECKED", 7, 8));

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
                Cell.of(known ? readouts.millis(latency(st.last().outcome())) : glyphs.none()),
                Cell.of(st == null ? glyphs.none() : readouts.millis(st.avg())),
                Cell.of(st == null ? glyphs.none() : readouts.millis(st.max())),
                Cell.of(st == null ? glyphs.none() : readouts.millis(st.p95())),
                Cell.of(st == null ? glyphs.none() : readouts.loss(st.lossPercent(), st.sent()),
                        st != null && st.lossPercent() > 0 ? Tone.WARN : Tone.NORMAL),
                Cell.sized("", Tone.GOOD, width -> st == null ? "" : sparkline.render(st.recent(), width)),
                Cell.of(known ? readouts.ago(Duration.between(st.last().time(), now)) : glyphs.none(), Tone.DIM));
    }

    /** The network round trip of an answer that has one (open, or a TCP connect that got no game answer). */
    static Duration latency(Outcome o) {
        if (o instanceof Outcome.Open open) {
            return open.latency();
        }
        return o instanceof Outcome.Unresponsive u ? u.latency() : null;
    }

    /** Why the latest probe failed, in the prober's words ("" when it answered or nothing is known yet). */
    public String reason(Allocation a) {
        if (Deck.targetOf(a) == null) {
            return "it binds every address and has no alias to probe";
        }
        String at = a.bindsEveryAddress() ? "probed at " + a.probeHost() : "";
        StatsSnapshot st = deck.stats(a);
        String why = st == null || st.last() == null ? "" : Verdicts.of(st.last().outcome()).reason();
        if (at.isEmpty() || why.isEmpty()) {
            return at + why;
        }
        return at + ": " + why;
    }

    /** The STATE cell's text, e.g. "● open". */
    public String stateText(Allocation a) {
        return Deck.targetOf(a) == null ? glyphs.pending() + " no alias" : state(deck.stats(a)).text();
    }

    /** When the latest probe ran, e.g. "3s ago". */
    public String checkedText(Allocation a, Instant now) {
        StatsSnapshot st = deck.stats(a);
        return st == null || st.last() == null ? glyphs.none() : readouts.ago(Duration.between(st.last().time(), now));
    }

    private Cell state(StatsSnapshot st) {
        if (st == null || st.last() == null) {
            return Cell.of(glyphs.pending() + " waiting", Tone.DIM);
        }
        Verdicts.Verdict v = Verdicts.of(st.last().outcome());
        return Cell.of((v.up() ? glyphs.open() : glyphs.down()) + " " + v.word(), v.tone());
    }

    @Override
    public Comparator<Allocation> sorter(int column) {
        Comparator<Allocation> byId = Comparator.comparingLong(Allocation::id);
        return switch (column) {
            case 0 -> byId;
            case 1 -> Comparator.comparing(Allocation::ip, AddressOrder.INSTANCE).thenComparingInt(Allocation::port)
                    .thenComparing(byId);
            case 2 -> Comparator.comparing(Allocation::ipAlias, NaturalOrder.INSTANCE).thenComparing(byId);
            case 3 -> Comparator.comparing((Allocation a) -> !a.primary()).thenComparing(byId);
            case 4 -> Comparator.comparing(Allocation::notes, NaturalOrder.INSTANCE).thenComparing(byId);
            case 5 -> Comparator.comparing((Allocation a) -> stateRank(a)).thenComparing(byId);
            case 6 -> byLatency(st -> st.last() == null ? null : latency(st.last().outcome()));
            case 7 -> byLatency(StatsSnapshot::avg);
            case 8 -> byLatency(StatsSnapshot::max);
            case 9 -> byLatency(StatsSnapshot::p95);
            case 10 -> byNumber(st -> st.lossPercent());
            case 11 -> byLatency(StatsSnapshot::p50); // a history reads as its typical latency
            case 12 -> byNumber(st -> st.last() == null ? Double.MAX_VALUE : -st.last().time().toEpochMilli());
            default -> null;
        };
    }

    /** Up first, then down, then not probed yet. */
    private int stateRank(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        if (st == null || st.last() == null) {
            return 2;
        }
        return st.last().outcome().isOpen() ? 0 : 1;
    }

    private Comparator<Allocation> byLatency(Function<StatsSnapshot, Duration> field) {
        return Comparator.comparing((Allocation a) -> {
            StatsSnapshot st = deck.stats(a);
            Duration d = st == null ? null : field.apply(st);
            return d == null ? Long.MAX_VALUE : d.toNanos();
        }).thenComparingLong(Allocation::id);
    }

    private Comparator<Allocation> byNumber(ToDoubleFunction<StatsSnapshot> field) {
        return Comparator.comparingDouble((Allocation a) -> {
            StatsSnapshot st = deck.stats(a);
            return st == null ? Double.MAX_VALUE : field.applyAsDouble(st);
        }).thenComparingLong(Allocation::id);
    }
}
