package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * The notes changed on the panel while they were being edited (another dashboard, the web panel): both texts side by
 * side, and the choice. The default keeps editing, so nothing is lost by pressing Enter.
 */
final class ConflictDialog extends DeckDialog {

    private final Runnable overwrite;
    private final Runnable keepPanel;
    private final Runnable editAgain;

    ConflictDialog(String what, String started, String panelNow, String yours, Runnable quit, Runnable overwrite,
            Runnable keepPanel, Runnable editAgain) {
        super("Changed on the panel meanwhile", quit);
        this.overwrite = overwrite;
        this.keepPanel = keepPanel;
        this.editAgain = editAgain;
        Panel panel = new Panel();
        String text = panelNow == null
                ? what + " was removed from the panel while you edited: there is nothing to save to."
                : "While you edited " + what + ", someone changed them on the panel.\n\n"
                        + "You started from: " + quoted(started) + "\n"
                        + "The panel has now: " + quoted(panelNow) + "\n"
                        + "Yours: " + quoted(yours);
        panel.addComponent(new Label(wrap(text)));
        panel.addComponent(new EmptySpace());
        panel.addComponent(new Label(panelNow == null ? "Esc, Enter: close"
                : "o: save mine   k: keep the panel's   e, Esc: edit again"));
        Button again = new Button("Edit again", this::cancel);
        if (panelNow == null) {
            panel.addComponent(row(again));
        } else {
            panel.addComponent(row(new Button("Save mine", () -> choose(overwrite)),
                    new Button("Keep the panel's", () -> choose(keepPanel)), again));
        }
        setComponent(panel);
        setFocusedInteractable(again);
    }

    private static String quoted(String s) {
        return s == null || s.isBlank() ? "(no notes)" : "\"" + s + "\"";
    }

    @Override
    public boolean handleInput(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            switch (Character.toLowerCase(key.getCharacter())) {
                case 'o' -> choose(overwrite);
                case 'k' -> choose(keepPanel);
                case 'e' -> cancel();
                default -> {
                    return super.handleInput(key);
                }
            }
            return true;
        }
        return super.handleInput(key);
    }

    private void choose(Runnable choice) {
        close();
        choice.run();
    }

    @Override
    protected void cancel() {
        close();
        editAgain.run();
    }
}
