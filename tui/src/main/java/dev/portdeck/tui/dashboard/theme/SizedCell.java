package dev.portdeck.tui.dashboard.theme;

import com.googlecode.lanterna.TextCharacter;

/**
 * A screen cell that knows its width. Lanterna asks {@link #isDoubleWidth()} of a cell several times a redraw (setting
 * it, the cell after it, the screen's diff, the copy to the front buffer), each time through two or three Unicode block
 * look-ups: that was most of what a redraw cost. A cell is immutable, so it is asked once, here.
 */
final class SizedCell extends TextCharacter {

    private final boolean wide;

    @SuppressWarnings("deprecation") // the one constructor open to a subclass; runs once per cached glyph and style
    SizedCell(TextCharacter cell) {
        super(cell);
        this.wide = cell.isDoubleWidth();
    }

    @Override
    public boolean isDoubleWidth() {
        return wide;
    }
}
