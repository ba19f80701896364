package dev.portdeck.tui.dashboard.table;

import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.ServiceSummary;
import dev.portdeck.tui.cli.listening.ListeningText;
import dev.portdeck.tui.dashboard.state.CheckPlan;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.history.Availability;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The allocations of one server, with what the probes found. Some columns are there only when they can say something:
 * LISTEN once this machine holds an address of the server's allocations, 24H, 7D and DOWN SINCE with a Prometheus.
 */
public final class AllocationsSource implements TableSource<Allocation> {

    /** HISTORY starts this wide and grows with the terminal, up to the whole kept window. */
    static final int HISTORY = 10;
    private static final int HISTORY_MAX = 100;
    private static final String ADDRESS = "ADDRESS";
    private static final int MIN_ADDRESS = 15;
    private static final int MAX_ADDRESS = 47; // [IPv6 with a zone]:port
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);

    /** When a column is there. */
    private enum When { ALWAYS, LISTENING, HISTORY }

    /** One column: how it looks (with its drop order for narrow terminals), its cell, and how it sorts. */
    private record Field(Column column, When when, BiFunction<Allocation, Instant, Cell> cell,
            Comparator<Allocation> sorter) {
    }

    private final Deck deck;
    private final String server;
    private final Glyphs glyphs;
    private final Readouts readouts;
    private final Sparkline sparkline;
    private final List<Field> fields;
    private final ZoneId zone = ZoneId.systemDefault();

    public AllocationsSource(Deck deck, String server, Glyphs glyphs) {
        this.deck = deck;
        this.server = server;
        this.glyphs = glyphs;
        this.readouts = new Readouts(glyphs);
        this.sparkline = new Sparkline(glyphs);
        this.fields = fields();
    }

    /**
     * At 80 columns: address, primary, notes, state, service and the last latency stay; on this machine LISTEN takes
     * the latency's place; from 100 the history and loss come back. The higher the drop number, the sooner it goes.
     */
    private List<Field> fields() {
        Comparator<Allocation> byId = Comparator.comparingLong(Allocation::id);
        return List.of(
                new Field(Column.number("ID", 5, 14), When.ALWAYS, (a, now) -> Cell.of(Long.toString(a.id()), Tone.DIM),
                        byId),
                new Field(Column.fixed(ADDRESS, 21, 0), When.ALWAYS, (a, now) -> Cell.of(a.address()),
                        Comparator.comparing(Allocation::ip, AddressOrder.INSTANCE).thenComparingInt(Allocation::port)
                                .thenComparing(byId)),
                new Field(Column.flexible("ALIAS", 8, 20, 15), When.ALWAYS, (a, now) -> Cell.of(a.ipAlias(), Tone.DIM),
                        Comparator.comparing(Allocation::ipAlias, NaturalOrder.INSTANCE).thenComparing(byId)),
                new Field(Column.fixed("P", 1, 0), When.ALWAYS,
                        (a, now) -> Cell.of(a.primary() ? String.valueOf(glyphs.primary()) : "", Tone.ACCENT),
                        Comparator.comparing((Allocation a) -> !a.primary()).thenComparing(byId)),
                new Field(Column.flexible("NOTES", 12, 60, 2), When.ALWAYS, (a, now) -> Cell.of(a.notes()),
                        Comparator.comparing(Allocation::notes, NaturalOrder.INSTANCE).thenComparing(byId)),
                new Field(Column.fixed("CHECK", 9, 12), When.ALWAYS, (a, now) -> check(a),
                        byText(a -> check(a).text(), byId)),
                new Field(Column.fixed("STATE", 15, 0), When.ALWAYS, (a, now) -> state(a),
                        Comparator.comparing((Allocation a) -> stateRank(a)).thenComparing(byId)),
                new Field(Column.flexible("SERVICE", 18, 32, 1), When.ALWAYS, (a, now) -> service(a),
                        byText(this::serviceText, byId)),
                new Field(Column.flexible("LISTEN", 9, 28, 3), When.LISTENING, (a, now) -> listen(a),
                        byText(a -> listen(a).text(), byId)),
                new Field(Column.number("LAST", 6, 4), When.ALWAYS, (a, now) -> last(a),
                        byLatency(st -> st.last() == null ? null : latency(st.last().outcome()))),
                new Field(Column.number("AVG", 6, 11), When.ALWAYS, (a, now) -> millis(a, StatsSnapshot::avg),
                        byLatency(StatsSnapshot::avg)),
                new Field(Column.number("MAX", 6, 8), When.ALWAYS, (a, now) -> millis(a, StatsSnapshot::max),
                        byLatency(StatsSnapshot::max)),
                new Field(Column.number("P95", 6, 9), When.ALWAYS, (a, now) -> millis(a, StatsSnapshot::p95),
                        byLatency(StatsSnapshot::p95)),
                new Field(Column.number("LOSS", 5, 7), When.ALWAYS, (a, now) -> loss(a),
                        byNumber(StatsSnapshot::lossPercent)),
                new Field(Column.number("24H", 6, 5), When.HISTORY, (a, now) -> share(a, Availability::lastDay),
                        byShare(Availability::lastDay)),
                new Field(Column.number("7D", 6, 10), When.HISTORY, (a, now) -> share(a, Availability::lastWeek),
                        byShare(Availability::lastWeek)),
                new Field(Column.fixed("DOWN SINCE", 10, 8), When.HISTORY, (a, now) -> downSince(a, now),
                        Comparator.comparing((Allocation a) -> downSinceOf(a), Comparator.nullsLast(
                                Comparator.naturalOrder())).thenComparing(byId)),
                new Field(Column.filler("HISTORY", HISTORY, HISTORY_MAX, 6), When.ALWAYS, (a, now) -> history(a),
                        byLatency(StatsSnapshot::p50)), // a history reads as its typical latency
                new Field(Column.number("CHECKED", 7, 13), When.ALWAYS, (a, now) -> checked(a, now),
                        byNumber(st -> st.last() == null ? Double.MAX_VALUE : -st.last().time().toEpochMilli())));
    }

    public String serverId() {
        return server;
    }

    private List<Field> present() {
        boolean listening = deck.evidence().onThisMachine(server);
        boolean history = deck.evidence().historyOn();
        List<Field> shown = new ArrayList<>(fields.size());
        for (Field f : fields) {
            if (f.when() == When.ALWAYS || (f.when() == When.LISTENING && listening)
                    || (f.when() == When.HISTORY && history)) {
                shown.add(f);
            }
        }
        return shown;
    }

    /** ADDRESS is as wide as the longest address (IPv4 15 to 21, IPv6 more): never cut, never wider than needed. */
    @Override
    public List<Column> columns() {
        int widest = MIN_ADDRESS;
        for (Allocation a : rows()) {
            widest = Math.max(widest, Math.min(MAX_ADDRESS, ScreenText.width(a.address())));
        }
        List<Column> columns = new ArrayList<>();
        for (Field f : present()) {
            columns.add(f.column().title().equals(ADDRESS) ? Column.fixed(ADDRESS, widest, 0) : f.column());
        }
        return columns;
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
        List<Field> shown = present();
        List<Cell> cells = new ArrayList<>(shown.size());
        for (Field f : shown) {
            cells.add(f.cell().apply(a, now));
        }
        return cells;
    }

    @Override
    public Comparator<Allocation> sorter(int column) {
        List<Field> shown = present();
        return column >= 0 && column < shown.size() ? shown.get(column).sorter() : null;
    }

    // ---- cells ----

    private Cell check(Allocation a) {
        CheckPlan.Planned p = deck.plan(a);
        if (p == null) {
            return Cell.of("", Tone.DIM);
        }
        return Cell.of(p.target().check().word(), p.origin() == CheckPlan.Origin.AUTO ? Tone.NORMAL : Tone.ACCENT);
    }

    private Cell state(Allocation a) {
        if (Deck.targetOf(a) == null) {
            return Cell.of(glyphs.pending() + " no alias", Tone.DIM);
        }
        StatsSnapshot st = deck.stats(a);
        if (st == null || st.last() == null) {
            return Cell.of(glyphs.pending() + " waiting", Tone.DIM);
        }
        Verdicts.Verdict v = verdict(a, st);
        return Cell.of(v.mark().in(glyphs) + " " + v.word(), v.tone());
    }

    private Verdicts.Verdict verdict(Allocation a, StatsSnapshot st) {
        CheckPlan.Planned p = deck.plan(a);
        return Verdicts.of(st.last().outcome(), p != null && p.expectedClosed());
    }

    private Cell service(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        CheckPlan.Planned p = deck.plan(a);
        if (st == null || st.last() == null || p == null || !p.target().check().asksTheService()) {
            return Cell.of("");
        }
        String words = ServiceSummary.of(st.last().outcome());
        return words.isEmpty() ? Cell.of(glyphs.none(), Tone.DIM) : Cell.of(words);
    }

    private String serviceText(Allocation a) {
        return service(a).text();
    }

    private Cell listen(Allocation a) {
        Listening l = deck.listening(a);
        if (l == null) {
            return Cell.of(glyphs.none(), Tone.DIM);
        }
        String mark = ListeningText.mark(l);
        return Cell.of(mark, l instanceof Listening.Bound ? Tone.NORMAL : l instanceof Listening.NotListening
                ? Tone.WARN : Tone.DIM);
    }

    private Cell last(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        return Cell.of(st != null && st.last() != null ? readouts.millis(latency(st.last().outcome())) : glyphs.none());
    }

    private Cell millis(Allocation a, Function<StatsSnapshot, Duration> figure) {
        StatsSnapshot st = deck.stats(a);
        return Cell.of(st == null ? glyphs.none() : readouts.millis(figure.apply(st)));
    }

    private Cell loss(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        if (st == null) {
            return Cell.of(glyphs.none());
        }
        boolean expected = deck.plan(a) != null && deck.plan(a).expectedClosed();
        return Cell.of(readouts.loss(st.lossPercent(), st.sent()), st.lossPercent() > 0
                ? (expected ? Tone.DIM : Tone.WARN) : Tone.NORMAL);
    }

    private Cell history(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        boolean expected = deck.plan(a) != null && deck.plan(a).expectedClosed();
        // a port closed by design fails every probe: that is no alarm
        return Cell.sized("", expected ? Tone.DIM : Tone.GOOD,
                width -> st == null ? "" : sparkline.render(st.recent(), width));
    }

    private Cell checked(Allocation a, Instant now) {
        return Cell.of(checkedText(a, now), Tone.DIM);
    }

    private Cell share(Allocation a, Function<Availability, Double> figure) {
        Availability seen = deck.evidence().availability(server, a.id());
        Double share = seen == null ? null : figure.apply(seen);
        if (share == null) {
            return !deck.evidence().historyRead() && deck.evidence().historyProblem() != null ? Cell.of("?", Tone.WARN)
                    : Cell.of(deck.evidence().historyRead() ? glyphs.none() : glyphs.ellipsis(), Tone.DIM);
        }
        Tone tone = share >= 0.999 ? Tone.GOOD : share >= 0.99 ? Tone.NORMAL : share >= 0.9 ? Tone.WARN : Tone.BAD;
        return Cell.of(readouts.percent(share), tone);
    }

    private Cell downSince(Allocation a, Instant now) {
        Instant since = downSinceOf(a);
        if (since == null) {
            return Cell.of("");
        }
        LocalDate day = since.atZone(zone).toLocalDate();
        String text = day.equals(now.atZone(zone).toLocalDate()) ? CLOCK.format(since.atZone(zone))
                : DAY.format(since.atZone(zone));
        return Cell.of(text, Tone.BAD);
    }

    private Instant downSinceOf(Allocation a) {
        Availability seen = deck.evidence().availability(server, a.id());
        return seen == null ? null : seen.downSince();
    }

    /** The network round trip of an answer that has one (open, or a TCP connect that got no game answer). */
    static Duration latency(Outcome o) {
        if (o instanceof Outcome.Open open) {
            return open.latency();
        }
        return o instanceof Outcome.Unresponsive u ? u.latency() : null;
    }

    // ---- words other views use ----

    /** Why the latest probe failed, in the prober's words ("" when it answered or nothing is known yet). */
    public String reason(Allocation a) {
        if (Deck.targetOf(a) == null) {
            return "it binds every address and has no alias to probe";
        }
        String at = a.bindsEveryAddress() ? "probed at " + a.probeHost() : "";
        StatsSnapshot st = deck.stats(a);
        String why = st == null || st.last() == null ? "" : verdict(a, st).reason();
        if (at.isEmpty() || why.isEmpty()) {
            return at + why;
        }
        return at + ": " + why;
    }

    /** The STATE cell's text, e.g. "● open". */
    public String stateText(Allocation a) {
        return state(a).text();
    }

    /** The STATE cell's tone. */
    public Tone stateTone(Allocation a) {
        return state(a).tone();
    }

    /** The SERVICE cell's text: "MC Paper 1.21 3/40", "" for a check that asks no service. */
    public String serviceSummary(Allocation a) {
        return serviceText(a);
    }

    /** When the latest probe ran, e.g. "3s ago". */
    public String checkedText(Allocation a, Instant now) {
        StatsSnapshot st = deck.stats(a);
        return st == null || st.last() == null ? glyphs.none() : readouts.ago(Duration.between(st.last().time(), now));
    }

    // ---- sorting ----

    /** Up first, then closed as expected, then down, then not probed yet. */
    private int stateRank(Allocation a) {
        StatsSnapshot st = deck.stats(a);
        if (st == null || st.last() == null) {
            return 3;
        }
        Verdicts.Verdict v = verdict(a, st);
        return v.up() ? 0 : v.mark() == Verdicts.Mark.EXPECTED ? 1 : 2;
    }

    private static Comparator<Allocation> byText(Function<Allocation, String> text, Comparator<Allocation> then) {
        return Comparator.comparing(text, NaturalOrder.INSTANCE).thenComparing(then);
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

    /** The least available first; unknown last. */
    private Comparator<Allocation> byShare(Function<Availability, Double> figure) {
        return Comparator.comparingDouble((Allocation a) -> {
            Availability seen = deck.evidence().availability(server, a.id());
            Double share = seen == null ? null : figure.apply(seen);
            return share == null ? Double.MAX_VALUE : share;
        }).thenComparingLong(Allocation::id);
    }
}
