package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.tui.TerminalText;
import java.util.List;

/**
 * A dialog over the dashboard. It never blocks the GUI thread (no waitUntilClosed): buttons call back.
 * Esc cancels; Ctrl-C quits the dashboard from anywhere.
 */
abstract class DeckDialog extends BasicWindow {

    static final int TEXT_WIDTH = 56;
    private final Runnable quit;

    DeckDialog(String title, Runnable quit) {
        super(TerminalText.clean(title));
        this.quit = quit;
        setHints(List.of(Window.Hint.MODAL, Window.Hint.CENTERED));
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && key.getCharacter() == 'c') {
            close();
            quit.run();
            return true;
        }
        if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.EOF) {
            cancel();
            if (key.getKeyType() == KeyType.EOF) {
                quit.run();
            }
            return true;
        }
        return super.handleInput(key);
    }

    /** Esc: close without doing anything. */
    protected void cancel() {
        close();
    }

    /** `text` word-wrapped to the dialog's width, keeping the paragraphs. */
    static String wrap(String text) {
        return wrap(text, TEXT_WIDTH);
    }

    /** The same, `width` columns wide. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            List<String> lines = TerminalTextUtils.getWordWrappedText(width, TerminalText.clean(paragraph));
            out.append(lines.isEmpty() ? "" : String.join("\n", lines)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static Panel row(Button... buttons) {
        Panel p = new Panel(new LinearLayout(Direction.HORIZONTAL));
        for (Button b : buttons) {
            p.addComponent(b);
        }
        return p;
    }
}
