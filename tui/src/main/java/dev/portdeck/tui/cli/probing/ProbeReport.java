package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Service;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.tui.ServiceSummary;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.output.IsoTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How `portdeck probe` writes results: an aligned table, NDJSON, and the statistics summary of repeated probes. */
final class ProbeReport {

    /** Above this many targets, closed ports are summed up instead of listed (as nmap does), unless asked for. */
    static final int LIST_CLOSED_UP_TO = 25;

    private final boolean ascii;
    private final Map<Target, PlannedTarget> plan;
    /** Shown when some target is asked something else than a TCP connect / asks the service itself. */
    private final boolean checkColumn;
    private final boolean serviceColumn;
    /** Column widths only grow, so the rows of later rounds line up under the first round's header. */
    private int[] tableWidths = new int[0];
    /** probe --listening: the LISTEN column's text per result of the next table; null: no such column. */
    private Map<ProbeResult, String> listenMarks;

    ProbeReport(boolean ascii) {
        this(ascii, Map.of());
    }

    /** With each target's check, reason and expectation; the CHECK and SERVICE columns appear when they say something. */
    ProbeReport(boolean ascii, Map<Target, PlannedTarget> plan) {
        this.ascii = ascii;
        this.plan = plan;
        boolean notTcp = false;
        boolean asksService = false;
        for (Target t : plan.keySet()) { // a loop, not a stream: this runs once per `portdeck probe` start
            notTcp |= t.check() != Check.TCP;
            asksService |= t.check().asksTheService();
        }
        this.checkColumn = notTcp;
        this.serviceColumn = asksService;
    }

    /** Adds a last column, LISTEN, with this text per result (probe --listening); null takes it away. */
    void listenMarks(Map<ProbeResult, String> marks) {
        this.listenMarks = marks;
    }

    /** ✔ open, ✘ refused or unreachable, ~ accepts but does not answer, ? no answer, ! our own problem; ASCII: + x ~ ? !. */
    String glyph(Outcome outcome) {
        if (outcome instanceof Outcome.Open) {
            return ascii ? "+" : "✔";
        }
        if (outcome instanceof Outcome.Unresponsive) {
            return "~";
        }
        if (outcome instanceof Outcome.Filtered || outcome instanceof Outcome.OpenOrFiltered) {
            return "?";
        }
        if (outcome instanceof Outcome.LocalError) {
            return "!";
        }
        return ascii ? "x" : "✘";
    }

    /** The latency of an open port (and the game's own round trip), else why it is not open. */
    static String detail(Outcome outcome) {
        if (outcome instanceof Outcome.Open open) {
            return millis(open.latency()) + " ms"
                    + (open.appLatency() == null ? "" : ", service " + millis(open.appLatency()) + " ms");
        }
        if (outcome instanceof Outcome.Unresponsive u) {
            return "connects in " + millis(u.latency()) + " ms, but " + u.reason();
        }
        return error(outcome);
    }

    /** Why a probe did not connect, or null when it did. */
    static String error(Outcome outcome) {
        if (outcome instanceof Outcome.Closed) {
            return "connection refused";
        }
        if (outcome instanceof Outcome.Unresponsive u) {
            return u.reason();
        }
        if (outcome instanceof Outcome.OpenOrFiltered silent) {
            return "no reply within " + silent.waited().toMillis() + " ms (UDP: open or filtered)";
        }
        if (outcome instanceof Outcome.Filtered filtered) {
            return "no answer within " + filtered.waited().toMillis() + " ms";
        }
        if (outcome instanceof Outcome.Unreachable unreachable) {
            return unreachable.reason();
        }
        if (outcome instanceof Outcome.DnsError dns) {
            return dns.reason();
        }
        if (outcome instanceof Outcome.LocalError local) {
            return "local problem, not the target's: " + local.reason();
        }
        return null;
    }

    /** The table of one sweep; closed rows are left out (and counted) when {@code hideClosed}. */
    String table(List<ProbeResult> results, boolean header, boolean hideClosed) {
        boolean labels = results.stream().anyMatch(r -> r.target().label() != null);
        List<String[]> rows = new ArrayList<>();
        if (header) {
            String[] titles = columns(labels ? new String[] {" ", "TARGET", "LABEL", "ADDRESS", "STATE", "DETAIL"}
                    : new String[] {" ", "TARGET", "ADDRESS", "STATE", "DETAIL"}, "CHECK", "SERVICE");
            rows.add(listenMarks == null ? titles : withLast(titles, "LISTEN"));
        }
        int hidden = 0;
        for (ProbeResult r : results) {
            if (hideClosed && r.outcome() instanceof Outcome.Closed) {
                hidden++;
                continue;
            }
            PlannedTarget planned = plan.get(r.target());
            boolean expected = planned != null && planned.expectedClosed() && r.outcome() instanceof Outcome.Closed;
            String[] row = {expected ? (ascii ? "+" : "✔") : glyph(r.outcome()), r.target().toString(), address(r),
                r.outcome().word(), detail(r.outcome()) + (expected ? " (expected)" : "")};
            if (r.target().label() != null || r.target().check().asksTheService()) {
                // a panel's alias (and a DNS error naming it), a service's words: never escapes on the terminal
                row[1] = TerminalText.clean(row[1]);
                row[4] = TerminalText.clean(row[4]);
            }
            row = labels ? withLabel(row, r.target().label()) : row;
            row = columns(row, r.target().check().word(), TerminalText.clean(summary(r.outcome())));
            rows.add(listenMarks == null ? row : withLast(row, listenMarks.get(r)));
        }
        StringBuilder out = new StringBuilder();
        if (rows.size() > (header ? 1 : 0)) {
            tableWidths = align(rows, tableWidths, out);
        }
        if (hidden > 0) {
            out.append("Not shown: ").append(hidden).append(" closed ports (--show-closed lists them).\n");
        }
        return out.toString();
    }

    /** The row with the CHECK column before STATE and the SERVICE column before DETAIL, when they are shown. */
    private String[] columns(String[] row, String check, String service) {
        List<String> out = new ArrayList<>(List.of(row));
        int state = out.size() - 2;
        if (serviceColumn) {
            out.add(state + 1, service);
        }
        if (checkColumn) {
            out.add(state, check);
        }
        return out.toArray(new String[0]);
    }

    /** What the service said, in a few words: "MC 1.20.4 3/20", "CS2 de_dust2 12/24", "HTTP 200 OK"; "-" for none. */
    static String summary(Outcome outcome) {
        String words = ServiceSummary.of(outcome);
        return words.isEmpty() ? "-" : words;
    }

    /** "3 targets: 1 open, 1 closed, 1 filtered in 12 ms". */
    static String tally(List<ProbeResult> results, Duration took) {
        return tally(results, took, 0);
    }

    /** As {@link #tally(List, Duration)}, saying how many closed ports were expected closed: "2 closed (1 expected)". */
    static String tally(List<ProbeResult> results, Duration took, long expectedClosed) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String word : List.of("open", "unresponsive", "open|filtered", "closed", "filtered", "unreachable",
                "dns-error", "local-error")) {
            counts.put(word, 0);
        }
        results.forEach(r -> counts.merge(r.outcome().word(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((word, n) -> {
            if (n > 0) {
                parts.add(n + " " + word + (word.equals("closed") && expectedClosed > 0 ? " (" + expectedClosed
                        + " expected)" : ""));
            }
        });
        String noun = results.size() == 1 ? " target: " : " targets: ";
        return results.size() + noun + String.join(", ", parts) + " in " + took.toMillis() + " ms\n";
    }

    /** One NDJSON line without a plan: the check's own word as reason-less. */
    static void json(ProbeResult r, StringBuilder out) {
        json(r, null, null, out);
    }

    /**
     * One NDJSON line: host, port, address, state, latency_ms, error, time, check, check_reason, app_latency_ms, then
     * label (panel targets), service (when the service said something), expected ("closed", when marked so) and
     * {@code moreFields} (",\"name\":value..." or null).
     */
    static void json(ProbeResult r, PlannedTarget planned, String moreFields, StringBuilder out) {
        Outcome o = r.outcome();
        quoted(out.append("{\"host\":"), r.target().host())
                .append(",\"port\":").append(r.target().port()).append(",\"address\":");
        if (r.address() == null) {
            out.append("null");
        } else {
            quoted(out, r.addressText());
        }
        quoted(out.append(",\"state\":"), o.word())
                .append(",\"latency_ms\":").append(o instanceof Outcome.Open open ? millis(open.latency()) : "null")
                .append(",\"error\":");
        if (o.isOpen()) {
            out.append("null");
        } else {
            quoted(out, error(o));
        }
        out.append(",\"time\":\"");
        IsoTime.append(r.time(), out);
        out.append('"');
        quoted(out.append(",\"check\":"), r.target().check().word()).append(",\"check_reason\":");
        if (planned == null) {
            out.append("null");
        } else {
            quoted(out, planned.reason());
        }
        Duration app = o instanceof Outcome.Open open ? open.appLatency() : null;
        out.append(",\"app_latency_ms\":").append(app == null ? "null" : millis(app));
        if (r.target().label() != null) {
            out.append(",\"label\":").append(quote(r.target().label())); // only for --server/--all targets
        }
        if (o instanceof Outcome.Open open && open.service() != null) {
            service(open.service(), out.append(",\"service\":"));
        }
        if (planned != null && planned.expectedClosed()) {
            out.append(",\"expected\":\"closed\"");
        }
        out.append(moreFields == null ? "" : moreFields).append("}\n");
    }

    /** {"game","name","version","map","players","max_players"}, each only when the service named it. */
    private static void service(Service s, StringBuilder out) {
        out.append('{');
        int start = out.length();
        field(out, start, "game", s.game());
        field(out, start, "name", s.name());
        field(out, start, "version", s.version());
        field(out, start, "map", s.map());
        if (s.players() != null) {
            out.append(out.length() > start ? "," : "").append("\"players\":").append(s.players());
        }
        if (s.maxPlayers() != null) {
            out.append(out.length() > start ? "," : "").append("\"max_players\":").append(s.maxPlayers());
        }
        out.append('}');
    }

    private static void field(StringBuilder out, int start, String name, String value) {
        if (value != null) {
            quoted(out.append(out.length() > start ? "," : "").append('"').append(name).append("\":"), value);
        }
    }

    /** The statistics of repeated probes, one row per target; times in ms. */
    String statistics(List<StatsSnapshot> snapshots) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "SENT", "OPEN", "LOSS", "MIN", "AVG", "MAX", "P50", "P95", "JITTER", "LAST"});
        int retransmits = 0;
        for (StatsSnapshot s : snapshots) {
            retransmits += s.retransmits();
            String name = s.target().label() == null ? s.target().toString()
                    : TerminalText.clean(s.target() + " (" + s.target().label() + ")"); // panel text: see table()
            rows.add(new String[] {name, String.valueOf(s.sent()), String.valueOf(s.received()),
                    String.format(Locale.ROOT, "%.1f%%", s.lossPercent()), millis(s.min()), millis(s.avg()),
                    millis(s.max()), millis(s.p50()), millis(s.p95()), millis(s.jitter()),
                    s.last() == null ? "-" : s.last().outcome().word() + (expectedClosed(s.last()) ? " (expected)" : "")});
        }
        StringBuilder out = new StringBuilder("--- statistics (times in ms; jitter = mean |difference| of"
                + " consecutive connect times) ---\n");
        align(rows, new int[0], out);
        if (retransmits > 0) {
            out.append(retransmits).append(" connect(s) took ≈1 s or ≈3 s (a retransmitted SYN): counted as loss.\n");
        }
        return ascii ? out.toString().replace('≈', '~') : out.toString();
    }

    private boolean expectedClosed(ProbeResult r) {
        PlannedTarget p = plan.get(r.target());
        return p != null && p.expectedClosed() && r.outcome() instanceof Outcome.Closed;
    }

    /** The row with one more cell at its end. */
    private static String[] withLast(String[] row, String cell) {
        String[] wider = java.util.Arrays.copyOf(row, row.length + 1);
        wider[row.length] = cell == null ? "-" : TerminalText.clean(cell);
        return wider;
    }

    /** The row with the label inserted as the third column. */
    private static String[] withLabel(String[] row, String label) {
        String[] wider = new String[row.length + 1];
        wider[0] = row[0];
        wider[1] = row[1];
        wider[2] = label == null ? "-" : TerminalText.clean(label);
        System.arraycopy(row, 2, wider, 3, row.length - 2);
        return wider;
    }

    private static String address(ProbeResult r) {
        return r.address() == null ? "-" : r.addressText();
    }

    /** Milliseconds with three decimals ("0.183"); by hand, as String.format is slow to start. */
    static String millis(Duration d) {
        if (d == null) {
            return "-";
        }
        long micros = (d.toNanos() + 500) / 1000;
        long fraction = micros % 1000;
        return (micros / 1000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** Left-aligned columns two spaces apart, at least {@code atLeast} wide; the last column is not padded. */
    private static int[] align(List<String[]> rows, int[] atLeast, StringBuilder out) {
        int columns = rows.get(0).length;
        int[] widths = java.util.Arrays.copyOf(atLeast.length == columns ? atLeast : new int[0], columns);
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], TerminalText.width(row[c]));
            }
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                out.append(row[c]);
                if (c < columns - 1) {
                    out.append(" ".repeat(widths[c] - TerminalText.width(row[c]) + 2));
                }
            }
            out.append('\n');
        }
        return widths;
    }

    /** {@link #quote} appended to {@code out}; a string with nothing to escape (nearly all) is copied as it is. */
    static StringBuilder quoted(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return out.append(quote(s));
            }
        }
        return out.append('"').append(s).append('"');
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || c == 0x2028 || c == 0x2029) { // also what would hide or reorder text on a terminal
                        q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
