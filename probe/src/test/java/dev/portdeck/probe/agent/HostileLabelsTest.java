package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.sim.DemoWorld;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whatever a panel's names and notes contain, /metrics and /sd carry them escaped and intact. */
class HostileLabelsTest {

    static final String NAME = "Evil \"quoted\" \\ back\\slash\nsecond line\r\t\u0007bell \u001b[31mred\u001b[0m"
            + " \u0085nel ☃ 😀 ünïcödé";
    static final String ALIAS = "alias\"with\\quote\nand line";
    static final String NOTES = "notes } with {braces} = \"quotes\"\n# not a comment\nportdeck_allocation_up 1";

    private static AgentHarness h;

    @BeforeAll
    static void start() {
        h = new AgentHarness(hostileWorld());
        h.awaitReady();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static DemoWorld hostileWorld() {
        return DemoWorld.builder()
                .node("node\n\"x\"", "127.0.0.2", ALIAS, List.of())
                .server(new DemoWorld.ServerSpec(NAME, "node\n\"x\"", "hostile", 2, PowerState.RUNNING, false,
                        List.of(new DemoWorld.Port(24565, NOTES, true)), 1000))
                .build();
    }

    @Test
    void theExpositionEscapesQuotesBackslashesAndNewlinesAndKeepsEverythingElse() {
        String text = h.metrics();
        assertTrue(text.contains("server_name=\"" + escaped(NAME) + "\""), text);
        assertTrue(text.contains("alias=\"" + escaped(ALIAS) + "\""), text);
        assertTrue(text.contains("node=\"" + escaped("node\n\"x\"") + "\""), text);
        for (String line : text.split("\n", -1)) {
            assertTrue(line.isEmpty() || line.startsWith("#") || line.startsWith("portdeck_"), "a broken line: " + line);
        }
        Matcher m = Pattern.compile("portdeck_allocation_up\\{.*server_name=\"((?:[^\"\\\\]|\\\\.)*)\".*} 1").matcher(text);
        assertTrue(m.find(), text);
        assertEquals(NAME, unescape(m.group(1)));
    }

    @Test
    void openMetricsEscapesTheSameWay() {
        String text = h.send(HttpRequest.newBuilder(h.uri("/metrics"))
                .header("Accept", "application/openmetrics-text; version=1.0.0").build()).body();
        assertTrue(text.contains("server_name=\"" + escaped(NAME) + "\""), text);
        assertTrue(text.endsWith("# EOF\n"));
    }

    @Test
    void serviceDiscoveryCarriesTheExactTextsAsJson() throws Exception {
        var r = h.get("/sd");
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode groups = new ObjectMapper().readTree(r.body());
        assertEquals(1, groups.size());
        JsonNode labels = groups.get(0).get("labels");
        assertEquals(NAME, labels.get("server_name").asText());
        assertEquals(ALIAS, labels.get("alias").asText());
        assertEquals(NOTES, labels.get("__meta_portdeck_notes").asText());
        assertEquals("tcp", labels.get("__param_module").asText());
        assertTrue(groups.get(0).get("targets").get(0).asText().startsWith("127.0.0.2:"));
    }

    @Test
    void theLogQuotesPanelTextOnOneLine() {
        h.panel.setPowerState(h.panel.servers().get(0).identifier(), PowerState.OFFLINE);
        AgentHarness.await("the allocation is logged down", () -> h.log().contains("allocation down"),
                java.time.Duration.ofSeconds(10));
        String line = h.log().lines().filter(l -> l.contains("allocation down")).findFirst().orElseThrow();
        assertTrue(line.contains("server_name=\"Evil \\\"quoted\\\" \\\\ back\\\\slash\\nsecond line\\r\\t\\u0007bell"
                + " \\u001b[31mred\\u001b[0m \\u0085nel ☃ 😀 ünïcödé\""), line);
        h.panel.setPowerState(h.panel.servers().get(0).identifier(), PowerState.RUNNING);
    }

    /** The text format's escaping: backslash, double quote and line feed; nothing else. */
    static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
