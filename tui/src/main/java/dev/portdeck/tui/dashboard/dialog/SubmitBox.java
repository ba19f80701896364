package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.tui.TerminalText;

/** A one-line text box where Enter submits the dialog instead of moving on. */
final class SubmitBox extends TextBox {

    private final Runnable submit;

    SubmitBox(int width, String text, Runnable submit) {
        super(new TerminalSize(width, 1), TerminalText.clean(text), Style.SINGLE_LINE);
        this.submit = submit;
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        if (key.getKeyType() == KeyType.Enter) {
            submit.run();
            return Result.HANDLED;
        }
        return super.handleKeyStroke(key);
    }
}
