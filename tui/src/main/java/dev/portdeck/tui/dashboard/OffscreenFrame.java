package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.graphics.TextImage;
import java.util.function.Consumer;

/**
 * The dashboard's frame, drawn off-screen first. Background news (a probe round, a server's resources) often changes
 * nothing that shows, and a redraw costs Lanterna two passes filling the screen, a diff and a copy; painting the frame
 * here and comparing it with the last one costs a fraction of that, so only a frame that differs goes to the screen.
 * Always holds the frame last painted, which is the one on screen once it has been drawn there.
 */
final class OffscreenFrame {

    private TextImage last;

    /** Paints a frame of `size` with `paint`; true when it differs from the frame painted before. */
    boolean render(TerminalSize size, Consumer<TextGraphics> paint) {
        TextImage next = new BasicTextImage(size);
        paint.accept(next.newTextGraphics());
        boolean changed = last == null || !same(last, next);
        last = next;
        return changed;
    }

    /** The size of the frame last painted (none yet: zero). */
    TerminalSize size() {
        return last == null ? TerminalSize.ZERO : last.getSize();
    }

    /**
     * The frame last painted, onto `g` (the component's own graphics). Cell by cell, stepping over the second half of
     * a wide glyph: Lanterna's drawImage copies that half too, and setting it erases the glyph before it.
     */
    void drawOn(TextGraphics g) {
        TerminalSize size = last.getSize();
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                TextCharacter cell = last.getCharacterAt(column, row);
                g.setCharacter(column, row, cell);
                if (cell.isDoubleWidth()) {
                    column++;
                }
            }
        }
    }

    private static boolean same(TextImage a, TextImage b) {
        TerminalSize size = a.getSize();
        if (!size.equals(b.getSize())) {
            return false;
        }
        for (int row = 0; row < size.getRows(); row++) {
            for (int column = 0; column < size.getColumns(); column++) {
                if (!a.getCharacterAt(column, row).equals(b.getCharacterAt(column, row))) {
                    return false;
                }
            }
        }
        return true;
    }
}
