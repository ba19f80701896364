package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** A yes/no question whose default is No: Enter on the focused No, `n` and Esc say no; only `y` or Yes say yes. */
final class ConfirmDialog extends DeckDialog {

    private final Runnable onYes;
    private final Runnable onNo;

    ConfirmDialog(String title, String question, Runnable quit, Runnable onYes) {
        this(title, question, quit, onYes, () -> { });
    }

    /** `onNo` runs for every way of saying no (n, Esc, Enter on No), so a declined question can say so. */
    ConfirmDialog(String title, String question, Runnable quit, Runnable onYes, Runnable onNo) {
        super(title + " [y/N]", quit);
        this.onYes = onYes;
        this.onNo = onNo;
        Panel panel = new Panel();
        panel.addComponent(new Label(wrap(question)));
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label("y: yes    n, Esc, Enter: no"));
        Button yes = new Button("Yes", this::yes);
        Button no = new Button("No", this::cancel);
        panel.addComponent(row(yes, no));
        setComponent(panel);
        setFocusedInteractable(no);
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown()) {
            char c = Character.toLowerCase(key.getCharacter());
            if (c == 'y') {
                yes();
                return true;
            }
            if (c == 'n') {
                cancel();
                return true;
            }
        }
        return super.handleInput(key);
    }

    @Override
    protected void cancel() {
        close();
        onNo.run();
    }

    private void yes() {
        close();
        onYes.run();
    }
}
