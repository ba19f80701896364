package dev.portdeck.tui.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.tui.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Columns line up on screen whatever the characters in the cells. */
class TextTableTest {

    @Test
    void wideAndZeroWidthCharactersKeepTheNextColumnAligned() {
        StringWriter text = new StringWriter();
        new TextTable("NAME", "NODE")
                .row("生存サーバー", "fra-1")
                .row("Surv\u200Bival", "fra-1")
                .row("Cafe\u0301", "nyc-1")
                .print(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        int column = TerminalText.width(lines[0].substring(0, lines[0].indexOf("NODE")));
        for (String line : lines) {
            int at = line.indexOf(line.contains("NODE") ? "NODE" : line.contains("fra-1") ? "fra-1" : "nyc-1");
            assertEquals(column, TerminalText.width(line.substring(0, at)), "NODE starts at the same column: " + line);
        }
        assertEquals("Survival      fra-1", lines[2], "the zero-width space is gone, not counted");
    }
}
