package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUI;
import java.util.List;

/**
 * What went wrong, under a dialog's fields: wrapped to the dialog's width and as tall as it needs, but never taller
 * than the terminal leaves room for; then it scrolls (Tab to it, ↑/↓), so a long sentence (the panel's advice on
 * switching on client allocations) is never cut off on a small terminal.
 */
final class ProblemText extends TextBox {

    private final int otherRows;

    /** @param otherRows the rows the rest of the dialog takes, frame included */
    ProblemText(int otherRows) {
        super(new TerminalSize(DeckDialog.TEXT_WIDTH, 1), "", Style.MULTI_LINE);
        this.otherRows = otherRows;
        setReadOnly(true);
        setVerticalFocusSwitching(true);
    }

    void say(String text) {
        String wrapped = DeckDialog.wrap(text, DeckDialog.TEXT_WIDTH - 2); // room for a scroll bar, none sideways
        int lines = text.isEmpty() ? 1 : List.of(wrapped.split("\n", -1)).size();
        TextGUI gui = getTextGUI();
        int room = gui == null ? lines : gui.getScreen().getTerminalSize().getRows() - otherRows;
        setPreferredSize(new TerminalSize(DeckDialog.TEXT_WIDTH, Math.max(1, Math.min(lines, room))));
        setText(wrapped);
        setCaretPosition(0, 0);
    }

    String said() {
        return getText();
    }
}
