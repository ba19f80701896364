package dev.portdeck.tui.dashboard.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import org.junit.jupiter.api.Test;

/** How the painter fits panel text into cells. */
class PainterTest {
    @Test
    void panelTextCannotSendEscapeSequencesOrBreakLines() {
        Painter p = new Painter(new Palette(false), Glyphs.UNICODE);
        assertEquals("evil [2J note", TerminalText.clean("evil\u001b[2J\nnote"));
        assertEquals("evil 2J", TerminalText.clean("evil\u009b2J"), "the one-byte C1 CSI is an escape too");
        assertEquals("evil [2J…", p.fit("evil\u001b[2J\nnote", 9, false));
        assertEquals("   ab", p.fit("ab", 5, true));
        assertEquals("漢字 ", p.fit("漢字", 5, false), "wide characters count as two columns");
    }
}
