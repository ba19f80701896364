package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.History;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Target;
import dev.portdeck.tui.cli.output.IsoTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeReportTest {

    @Test
    void millisecondsHaveThreeDecimalsRoundedToTheMicrosecond() {
        assertEquals("0.183", ProbeReport.millis(Duration.ofNanos(183_400)));
        assertEquals("0.184", ProbeReport.millis(Duration.ofNanos(183_500)));
        assertEquals("12.005", ProbeReport.millis(Duration.ofNanos(12_004_800)));
        assertEquals("1000.000", ProbeReport.millis(Duration.ofSeconds(1)));
        assertEquals("0.000", ProbeReport.millis(Duration.ZERO));
        assertEquals("-", ProbeReport.millis(null));
    }

    @Test
    void timesAreIso8601UtcWithNanosecondsAndParseBack() {
        for (Instant t : new Instant[] {Instant.parse("2026-11-27T04:06:07.277264816Z"), Instant.EPOCH,
                Instant.parse("1999-01-02T03:04:05.000000001Z"), Instant.parse("2026-02-28T23:59:59.5Z")}) {
            StringBuilder out = new StringBuilder();
            IsoTime.append(t, out);
            assertEquals(t, Instant.parse(out), out.toString());
            assertEquals(30, out.length(), out.toString());
        }
        StringBuilder out = new StringBuilder();
        IsoTime.append(Instant.parse("2026-11-27T04:06:07.277264816Z"), out);
        assertEquals("2026-11-27T04:06:07.277264816Z", out.toString());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", ProbeReport.quote("a\"b\\c\n\u0001"));
    }

    @Test
    void appendedJsonStringsEscapeTheSameAsQuote() {
        for (String s : new String[] {"127.0.0.1", "connection refused", "", "a\"b\\c\n\u0001", "ünïcode ✔"}) {
            assertEquals("x" + ProbeReport.quote(s), ProbeReport.quoted(new StringBuilder("x"), s).toString());
        }
        assertEquals("\"ünïcode ✔\"", ProbeReport.quote("ünïcode ✔"));
    }

    @Test
    void aPanelAliasWithEscapeSequencesNeverReachesTheTerminalAsOne() {
        String alias = "evil\u001b[2J.example";
        Target target = new Target(alias, 25565, "srv\u001b]0;pwned\u0007 #7");
        ProbeResult r = new ProbeResult(target, null, new Outcome.DnsError("'" + alias + "' does not resolve"),
                Instant.EPOCH);
        History history = new History(target, 10);
        history.record(r);
        ProbeReport report = new ProbeReport(true);
        String out = report.table(List.of(r), true, false) + report.statistics(List.of(history.snapshot()));
        assertFalse(out.contains("\u001b"), out);
        assertFalse(out.contains("\u0007"), out);
        assertTrue(out.contains("evil [2J.example:25565"), out);
        assertTrue(out.contains("'evil [2J.example' does not resolve"), out);
    }

    @Test
    void aServiceIsSummedUpInTheTableAndListedInJsonWithoutMissingFields() throws Exception {
        Target target = new Target("127.0.0.1", 25565, null, dev.portdeck.probe.Check.MINECRAFT);
        ProbeResult r = new ProbeResult(target, java.net.InetAddress.getByName("127.0.0.1"),
                new Outcome.Open(Duration.ofNanos(183_000), Duration.ofNanos(1_204_000),
                        new dev.portdeck.probe.Service("Minecraft", "Survival \u001b[31mSMP", "Paper 1.20.4", null, 3, 20)),
                Instant.EPOCH);
        PlannedTarget planned = new PlannedTarget(target, "port 25565 is the default of Minecraft Java status", false);
        ProbeReport report = new ProbeReport(true, java.util.Map.of(target, planned));
        String table = report.table(List.of(r), true, false);
        assertTrue(table.contains("minecraft  open   MC Paper 1.20.4 3/20  0.183 ms, service 1.204 ms"), table);
        StringBuilder json = new StringBuilder();
        ProbeReport.json(r, planned, null, json);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString());
        assertEquals(1.204, node.get("app_latency_ms").asDouble());
        assertEquals(List.of("game", "name", "version", "players", "max_players"),
                fieldNames(node.get("service")));
    }

    private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aHungGameAndUdpSilenceHaveTheirOwnMarksAndReasons() throws Exception {
        Target hung = new Target("127.0.0.1", 25565, null, dev.portdeck.probe.Check.MINECRAFT);
        Target quiet = new Target("127.0.0.1", 7777, null, dev.portdeck.probe.Check.UDP);
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
        List<ProbeResult> results = List.of(
                new ProbeResult(hung, loopback, new Outcome.Unresponsive(Duration.ofNanos(90_000),
                        "no status within 1000 ms"), Instant.EPOCH),
                new ProbeResult(quiet, loopback, new Outcome.OpenOrFiltered(Duration.ofSeconds(1)), Instant.EPOCH));
        java.util.Map<Target, PlannedTarget> plan = new java.util.LinkedHashMap<>();
        plan.put(hung, new PlannedTarget(hung, "port 25565 is the default of Minecraft Java status", false));
        plan.put(quiet, new PlannedTarget(quiet, "--check udp", false));
        String table = new ProbeReport(true, plan).table(results, true, false);
        assertTrue(table.contains("~  127.0.0.1:25565  127.0.0.1  minecraft  unresponsive   -        connects in 0.090 ms,"
                + " but no status within 1000 ms"), table);
        assertTrue(table.contains("?  127.0.0.1:7777   127.0.0.1  udp        open|filtered  -        no reply within 1000 ms"
                + " (UDP: open or filtered)"), table);
        assertTrue(ProbeReport.tally(results, Duration.ofMillis(5)).contains("1 unresponsive, 1 open|filtered"));
    }

    @Test
    void probeJsonEscapesWhatWouldReorderTheTerminal() {
        assertEquals("\"Surv\\u202eival\\u200b\"", ProbeReport.quote("Surv\u202eival\u200b"));
    }
}
