package dev.portdeck.tui.dashboard.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.portdeck.probe.Certificate;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.Service;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.tui.cli.listening.ListeningText;
import dev.portdeck.tui.dashboard.state.CheckPlan;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.Readouts;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.history.Availability;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything known about one allocation (Enter or `i` in the allocations view): the full notes, the alias, the check
 * and why it was chosen, the state and why, what the service said (its certificate for https) and its own round trip,
 * what listens on this machine, the diagnosis, the history from Prometheus, every latency figure with the window it
 * covers, up/down times, and a latency chart over the whole kept history that takes the room that is left.
 */
public final class DetailPane {

    private static final int LABEL = 11;
    private static final int AXIS = 8;
    private static final int MIN_CHART_ROWS = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One labelled line (or several, wrapped) of the pane. */
    private record Fact(String label, String text, Tone tone) {
        Fact(String label, String text) {
            this(label, text, Tone.NORMAL);
        }
    }

    private final Deck deck;
    private final Glyphs glyphs;
    private final Palette palette;
    private final Readouts readouts;
    private final LatencyChart chart;
    private final Painter painter;

    public DetailPane(Deck deck, Glyphs glyphs, Palette palette, Painter painter) {
        this.deck = deck;
        this.glyphs = glyphs;
        this.palette = palette;
        this.painter = painter;
        this.readouts = new Readouts(glyphs);
        this.chart = new LatencyChart(glyphs);
    }

    /** The header: where this allocation sits. */
    public String title(String serverName, Allocation a) {
        return "portdeck" + glyphs.into() + serverName + glyphs.into() + "#" + a.id() + " " + a.address();
    }

    /** Draws the pane in rows [top, bottom). */
    public void paint(TextGraphics g, int top, int bottom, Allocation a, AllocationsSource source, Instant now) {
        int width = g.getSize().getColumns();
        StatsSnapshot st = deck.stats(a);
        int row = top;
        for (Fact fact : facts(a, source, st, now)) {
            List<String> lines = ScreenText.wrap(fact.text(), Math.max(10, width - LABEL - 1));
            for (int i = 0; i < lines.size() && row < bottom; i++, row++) {
                palette.apply(g, Tone.DIM);
                ScreenText.put(g, 0, row, painter.fit(i == 0 ? fact.label() : "", LABEL, false));
                palette.apply(g, fact.tone());
                ScreenText.put(g, LABEL + 1, row, painter.fit(lines.get(i), width - LABEL - 1, false));
            }
        }
        paintChart(g, row + 1, bottom, st, now);
    }

    private List<Fact> facts(Allocation a, AllocationsSource source, StatsSnapshot st, Instant now) {
        List<Fact> f = new ArrayList<>();
        f.add(new Fact("Address", a.address() + (a.primary() ? glyphs.dot() + "primary" : "")
                + glyphs.dot() + "alias " + (a.ipAlias() == null || a.ipAlias().isBlank() ? glyphs.none() : a.ipAlias())));
        f.add(new Fact("Notes", a.notes() == null || a.notes().isBlank() ? glyphs.none() : a.notes()));
        f.add(new Fact("Check", check(deck.plan(a))));
        String why = source.reason(a);
        f.add(new Fact("State", source.stateText(a) + (why.isEmpty() ? "" : ": " + why) + glyphs.dot()
                + "checked " + source.checkedText(a, now), st == null ? Tone.DIM : source.stateTone(a)));
        Service service = st == null || st.last() == null || !(st.last().outcome() instanceof Outcome.Open o)
                ? null : o.service();
        if (service != null) {
            f.add(new Fact("Service", service(service)));
            if (service.certificate() != null) {
                f.add(certificate(service.certificate(), now));
            }
        }
        if (st != null && st.appLast() != null) {
            f.add(new Fact("Round trip", "last " + readouts.millis(st.appLast()) + glyphs.dot() + "avg "
                    + readouts.millis(st.appAvg()) + glyphs.dot() + "p95 " + readouts.millis(st.appP95())
                    + " ms: the service's own answer"));
        }
        Fact listening = listening(deck.listening(a));
        if (listening != null) {
            f.add(listening);
        }
        Diagnosis d = deck.diagnosis(source.serverId(), a);
        if (d != null) {
            f.add(new Fact("Diagnosis", d.sentence(), tone(d.finding())));
        }
        if (deck.evidence().historyOn()) {
            f.add(history(deck.evidence().availability(source.serverId(), a.id()), now));
        }
        if (st == null) {
            f.add(new Fact("Latency", "no probe has answered yet"));
            return f;
        }
        f.add(new Fact("Latency", latencies(st)));
        f.add(new Fact("Window", window(st)));
        f.add(new Fact(st.downSince() != null ? "Down since" : "Up since", upDown(st, now)));
        return f;
    }

    /** The question asked, and why that one (the egg, a variable, the notes, the config file, `C`). */
    private String check(CheckPlan.Planned p) {
        if (p == null) {
            return glyphs.none() + " (not probed)";
        }
        return p.target().check().word() + ": " + p.choice().reason() + (p.expectedClosed() ? glyphs.dot()
                + "closed by design (expect_closed)" : "") + glyphs.dot() + "C changes it";
    }

    private Fact certificate(Certificate c, Instant now) {
        long days = c.daysLeft(now);
        String left = days < 0 ? "expired " + -days + " days ago" : days + " days left";
        return new Fact("Certificate", c.subject() + glyphs.dot() + "expires " + DAY.format(c.notAfter()) + " (" + left
                + ")" + glyphs.dot() + (c.selfSigned() ? "self-signed" : "issued by " + c.issuer()),
                days < 0 ? Tone.BAD : days < 14 ? Tone.WARN : Tone.NORMAL);
    }

    /** What is bound to the port on this machine; nothing when the address is another machine's. */
    private Fact listening(Listening l) {
        if (l == null || l instanceof Listening.NotThisMachine) {
            return null;
        }
        if (l instanceof Listening.Unknown u) {
            return new Fact("Listening", "cannot see this machine's sockets: " + u.reason(), Tone.DIM);
        }
        if (l instanceof Listening.NotListening) {
            return new Fact("Listening", "nothing is bound to the port on this machine", Tone.WARN);
        }
        ListeningText.Cells c = ListeningText.cells(l);
        return new Fact("Listening", "tcp " + c.tcp() + glyphs.dot() + "udp " + c.udp() + glyphs.dot() + c.process());
    }

    private static Tone tone(Diagnosis.Finding finding) {
        return switch (finding) {
            case UP, LISTENING -> Tone.GOOD;
            case DOWN, BLOCKED, HUNG -> Tone.BAD;
            case UNPROVEN, SILENT -> Tone.WARN;
            case UNKNOWN -> Tone.DIM;
        };
    }

    /** What the agents saw, from Prometheus: availability, the vantage points, since when it is down. */
    private Fact history(Availability seen, Instant now) {
        String problem = deck.evidence().historyProblem();
        if (seen == null) {
            String text = problem != null ? problem : !deck.evidence().historyRead() ? "asking Prometheus at "
                    + deck.evidence().historyWhere() + glyphs.ellipsis() : "no agent reports it to Prometheus at "
                    + deck.evidence().historyWhere();
            return new Fact("History", text, problem != null ? Tone.WARN : Tone.DIM);
        }
        List<String> parts = new ArrayList<>();
        parts.add("24 h " + share(seen.lastDay()));
        parts.add("7 d " + share(seen.lastWeek()));
        if (seen.vantages() > 1) {
            parts.add(seen.vantageSummary() + " (" + String.join(", ", seen.points().stream()
                    .map(v -> v.name() + (v.up() ? " up" : " down")).toList()) + ")");
        } else if (seen.vantages() == 1) {
            Diagnosis.Vantage v = seen.points().get(0);
            parts.add((v.up() ? "up" : "down") + " from " + v.name());
        }
        if (seen.downSince() != null) {
            parts.add("down since " + CLOCK.format(seen.downSince()) + " (" + readouts.span(Duration.between(
                    seen.downSince(), now)) + ")");
        }
        if (problem != null) {
            parts.add("from an earlier answer: " + problem);
        }
        return new Fact("History", String.join(glyphs.dot(), parts), seen.downSince() != null ? Tone.BAD
                : problem != null ? Tone.WARN : Tone.NORMAL);
    }

    private String share(Double value) {
        return value == null ? glyphs.none() : readouts.percent(value);
    }

    private String service(Service s) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {s.game(), s.name(), s.version(), s.map()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        if (s.players() != null) {
            parts.add(s.players() + (s.maxPlayers() == null ? "" : "/" + s.maxPlayers()) + " players");
        }
        return String.join(glyphs.dot(), parts);
    }

    private String latencies(StatsSnapshot st) {
        Duration last = st.last() == null ? null : latencyOf(st.last().outcome());
        return "last " + readouts.millis(last) + glyphs.dot() + "min " + readouts.millis(st.min()) + glyphs.dot()
                + "avg " + readouts.millis(st.avg()) + glyphs.dot() + "max " + readouts.millis(st.max()) + glyphs.dot()
                + "p50 " + readouts.millis(st.p50()) + glyphs.dot() + "p95 " + readouts.millis(st.p95()) + glyphs.dot()
                + "jitter " + readouts.millis(st.jitter()) + " ms";
    }

    private static Duration latencyOf(Outcome o) {
        if (o instanceof Outcome.Open open) {
            return open.latency();
        }
        return o instanceof Outcome.Unresponsive u ? u.latency() : null;
    }

    /** Which window every figure above covers: AVG, MAX and P95 are over the same probes, so one slow one shows. */
    private String window(StatsSnapshot st) {
        List<StatsSnapshot.Sample> r = st.recent();
        String span = r.size() < 2 ? "" : " over " + readouts.span(Duration.between(r.get(0).time(),
                r.get(r.size() - 1).time()));
        return "all figures cover the last " + st.sent() + " probes" + span + glyphs.dot() + "loss "
                + readouts.loss(st.lossPercent(), st.sent()) + " (" + (st.sent() - st.received()) + " of " + st.sent()
                + ")" + (st.retransmits() > 0 ? glyphs.dot() + st.retransmits() + " slow like a lost SYN" : "");
    }

    private String upDown(StatsSnapshot st, Instant now) {
        Instant since = st.downSince() != null ? st.downSince() : st.upSince();
        String at = since == null ? glyphs.none() : CLOCK.format(since) + " (" + readouts.ago(Duration.between(since,
                now)) + ")";
        return at + glyphs.dot() + "longest downtime " + (st.longestDowntime().isZero() ? "none"
                : readouts.span(st.longestDowntime()));
    }

    private void paintChart(TextGraphics g, int top, int bottom, StatsSnapshot st, Instant now) {
        int width = g.getSize().getColumns();
        int rows = bottom - top - 2; // a title above, the time axis below
        if (top >= bottom) {
            return;
        }
        palette.apply(g, Tone.DIM);
        if (st == null || st.recent().isEmpty() || rows < MIN_CHART_ROWS) {
            ScreenText.put(g, 0, top, painter.fit(st == null || st.recent().isEmpty() ? "" : "The latency chart "
                    + "needs a taller window.", width, false));
            return;
        }
        int plot = Math.max(1, width - AXIS);
        LatencyChart.Chart c = chart.render(st.recent(), plot, rows);
        ScreenText.put(g, 0, top, painter.fit("Latency, whole history: " + st.recent().size() + " probes (the "
                + "slowest per column" + (c.failures() > 0 ? ", " + glyphs.failed() + " failed" : "") + ")", width,
                false));
        for (int i = 0; i < rows; i++) {
            palette.apply(g, Tone.DIM);
            String label = i == 0 ? (c.max() == null ? glyphs.none() : readouts.millis(c.max()) + " ms")
                    : i == rows - 1 ? "0 ms" : "";
            ScreenText.put(g, 0, top + 1 + i, painter.fit(label, AXIS - 1, true) + " ");
            String line = c.rows().get(i);
            palette.apply(g, Tone.GOOD);
            ScreenText.put(g, AXIS, top + 1 + i, line);
            palette.apply(g, Tone.BAD);
            for (int x = 0; x < line.length(); x++) {
                if (line.charAt(x) == glyphs.failed()) {
                    g.setCharacter(AXIS + x, top + 1 + i, glyphs.failed());
                }
            }
        }
        palette.apply(g, Tone.DIM);
        Instant oldest = st.recent().get(0).time();
        String left = readouts.ago(Duration.between(oldest, now));
        ScreenText.put(g, AXIS, top + 1 + rows, painter.fit(left, Math.max(0, plot - 3), false) + "now");
    }
}
