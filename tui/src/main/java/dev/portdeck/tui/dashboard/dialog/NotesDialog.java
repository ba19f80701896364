package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import dev.portdeck.shared.model.Allocation;
import java.util.function.Consumer;

/**
 * Edits an allocation's notes with a live count against the limit. Saving leaves it open until the panel agrees;
 * when it does not, the user's text stays and the panel's reason shows under it.
 */
final class NotesDialog extends DeckDialog {

    static final int LIMIT = 255;
    private final SubmitBox box;
    private final Label counter = new Label("");
    private final Label problem = new Label("");
    private final Consumer<String> save;
    private boolean saving;

    NotesDialog(Allocation a, Runnable quit, Consumer<String> save) {
        super("Notes of #" + a.id() + " " + a.address(), quit);
        this.save = save;
        this.box = new SubmitBox(TEXT_WIDTH, a.notes(), this::submit);
        box.setTextChangeListener((text, byUser) -> count(text));
        count(box.getText());
        Panel panel = new Panel();
        panel.addComponent(new Label("Enter saves, Esc cancels; empty clears the notes."));
        panel.addComponent(box);
        panel.addComponent(counter);
        panel.addComponent(problem);
        panel.addComponent(row(new Button("Save", this::submit), new Button("Cancel", this::close)));
        setComponent(panel);
        setFocusedInteractable(box);
    }

    private void count(String text) {
        int n = text.length();
        counter.setText(n + "/" + LIMIT + (n > LIMIT ? " (" + (n - LIMIT) + " too many)" : ""));
    }

    private void submit() {
        if (saving) {
            return;
        }
        saving = true;
        problem.setText("saving...");
        String text = box.getText();
        save.accept(text.isBlank() ? null : text);
    }

    /** The panel said no: keep the text, show why, let the user try again. */
    void failed(String sentence) {
        saving = false;
        problem.setText(wrap("Not saved: " + sentence));
    }

    String text() {
        return box.getText();
    }
}
