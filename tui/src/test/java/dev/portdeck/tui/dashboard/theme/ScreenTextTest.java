package dev.portdeck.tui.dashboard.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Panel text drawn so that Lanterna's count of columns and the terminal's agree. */
class ScreenTextTest {

    @Test
    void emojiStayEmojiAndCountTwoColumns() {
        assertEquals(List.of("\uD83C\uDFAE", " ", "G", "o"), ScreenText.glyphs("\uD83C\uDFAE Go"));
        assertEquals(5, ScreenText.width("\uD83C\uDFAE Go"));
        assertEquals("☕\uFE0F", ScreenText.displayable("☕"), "a BMP emoji terminals draw wide is marked as emoji");
        assertEquals(2, ScreenText.width("☕"));
        assertEquals(ScreenText.width("☕ x"), TerminalTextUtils.getColumnWidth(ScreenText.displayable("☕ x")),
                "Lanterna counts what the terminal draws");
        assertEquals(4, ScreenText.width("漢字"));
    }

    @Test
    void whatDrawsInZeroColumnsIsDroppedSoRowsCannotShift() {
        assertEquals("abc", ScreenText.displayable("a\u200Bb\u202Ec"), "zero-width space and right-to-left override");
        assertEquals("abc", ScreenText.displayable("\uFEFFa\u2066b\u2069c\u200D"));
        assertEquals("é", ScreenText.displayable("e\u0301"), "a combining accent composes");
        assertEquals("❤", ScreenText.displayable("❤\uFE0F"), "a variation selector goes");
        assertEquals(6, ScreenText.width("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"), "a ZWJ family: 3 emoji");
        assertEquals("DE", ScreenText.displayable("\uD83C\uDDE9\uD83C\uDDEA"), "flags become their letters");
        assertEquals("a b", ScreenText.displayable("a\u001bb"), "controls become spaces");
    }

    @Test
    void fitCutsByColumnsAndNeverSplitsAWideGlyph() {
        assertEquals("漢…", ScreenText.fit("漢字", 3, false, "…"));
        assertEquals("a… ", ScreenText.fit("a漢字", 3, false, "…"), "the wide glyph would straddle: a space instead");
        assertEquals("  ab", ScreenText.fit("ab", 4, true, "…"));
        assertEquals(" 字x", ScreenText.tail("漢字x", 4), "a tail keeps the newest glyphs");
    }

    @Test
    void anEmojiIsDrawnWholeOnTheTerminal() throws Exception {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(10, 1));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        TextGraphics g = screen.newTextGraphics();
        int end = ScreenText.put(g, 0, 0, "\uD83C\uDFAEa☕b");
        screen.refresh();
        assertEquals(6, end);
        assertEquals("\uD83C\uDFAE", terminal.getCharacter(0, 0).getCharacterString());
        assertEquals("a", terminal.getCharacter(2, 0).getCharacterString());
        assertEquals("b", terminal.getCharacter(5, 0).getCharacterString());
        screen.stopScreen();
    }
}
