package dev.portdeck.tui.cli;

import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.server;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.common.ExitCode;
import org.junit.jupiter.api.Test;

/** Text from the panel cannot drive the user's terminal, and Pelican keys are not mistaken for application keys. */
class OutputSafetyTest extends MockPanelFixture {

    @Test
    void escapeSequencesInAServerNameAreShownAsSpaces() {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Evil\\u001b]0;pwned\\u0007Name", "Node 1", 4,
                null, false))));
        Cli.Run r = cli.run("servers");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("Evil ]0;pwned Name"), r.out());
    }

    @Test
    void escapeSequencesInAPanelsErrorDetailAreShownAsSpaces() {
        panel.enqueue(ok(server("d3aac109", "Survival")));
        panel.enqueue(json(400, error("DisplayException", 400, "Refused\\u001b[2J here.")));
        Cli.Run r = cli.run("alloc", "add", "d3aac109");
        assertEquals(ExitCode.FAILURE, r.exit());
        assertEquals("portdeck: Refused [2J here.\n", r.err());
    }

    @Test
    void aPelicanClientKeyGetsNoWarning() {
        cli.env.put("PORTDECK_API_KEY", "pacc_pelicanClientKey");
        panel.enqueue(ok(page(1, 1, 0)));
        Cli.Run r = cli.run("servers");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void jsonKeepsPanelTextExactlyButEscaped() throws Exception {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "Tab\\there", "Node 1", 4, null, false))));
        Cli.Run r = cli.run("servers", "--json");
        assertEquals("Tab\there", new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get(0)
                .get("name").asText());
        assertFalse(r.out().contains("\t"), "raw control characters never reach stdout");
    }

    @Test
    void jsonEscapesBidiAndZeroWidthCharactersButKeepsTheirMeaning() throws Exception {
        panel.enqueue(ok(page(1, 1, 1, serverAttributes("d3aac109", "abc\\u202egnp\\u200b 生存", "Node 1", 4, null,
                false))));
        Cli.Run r = cli.run("servers", "--json");
        assertFalse(r.out().contains("\u202e") || r.out().contains("\u200b"), r.out());
        assertTrue(r.out().contains("abc\\u202egnp\\u200b 生存"), r.out());
        assertEquals("abc\u202egnp\u200b 生存", new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get(0)
                .get("name").asText());
    }
}
