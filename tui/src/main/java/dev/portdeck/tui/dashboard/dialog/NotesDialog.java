package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import dev.portdeck.shared.model.Allocation;
import java.util.function.BiConsumer;

/**
 * Edits an allocation's notes with a live count against the panel's limit. Saving leaves it open until the panel
 * agrees; while it waits the text is locked (keys say so); when the panel says no, the text stays with the reason
 * under it, and that reason goes as soon as the text changes.
 */
final class NotesDialog extends DeckDialog {

    /** Both panels validate notes as `max:255` after trimming, counted in characters (code points). */
    static final int LIMIT = 255;
    private final LineField field;
    private final Label counter = new Label("");
    private final Label problem = new Label("");
    private final Label panelNow = new Label("");
    private final BiConsumer<String, Boolean> save;
    private String base;
    private boolean saving;

    /** `save` gets the text to send (null clears the notes) and whether to skip the check for a change meanwhile. */
    NotesDialog(Allocation a, Runnable quit, BiConsumer<String, Boolean> save) {
        super("Notes of #" + a.id() + " " + a.address(), quit);
        this.save = save;
        this.base = a.notes() == null ? "" : a.notes();
        this.field = new LineField(TEXT_WIDTH, base, () -> submit(false)).onChange(this::edited)
                .onComplaint(this::complain);
        count(field.text());
        Panel panel = new Panel();
        panel.addComponent(new Label("Enter saves, Esc cancels; empty clears the notes.\n"
                + "Ctrl-A/E start/end, Ctrl-U/K delete before/after."));
        panel.addComponent(field);
        panel.addComponent(counter);
        panel.addComponent(panelNow);
        panel.addComponent(problem);
        panel.addComponent(row(new Button("Save", () -> submit(false)), new Button("Cancel", this::close)));
        setComponent(panel);
        setFocusedInteractable(field);
    }

    /** The panel's notes when the editor opened (or when the user chose to go on editing after a conflict). */
    String base() {
        return base;
    }

    private void edited(String text) {
        count(text);
        problem.setText(""); // an answer about the old text is stale now
    }

    private void complain(String why) {
        problem.setText(wrap(why));
    }

    private void count(String text) {
        int n = text.strip().codePointCount(0, text.strip().length());
        counter.setText(n + "/" + LIMIT + (n > LIMIT ? " (" + (n - LIMIT) + " too many)" : ""));
    }

    void submit(boolean force) {
        if (saving) {
            problem.setText("Still saving: waiting for the panel's answer.");
            return;
        }
        saving = true;
        field.lock("Saving: the text is locked until the panel answers (Esc closes this, the save goes on).");
        problem.setText("saving...");
        String text = field.text();
        save.accept(text.isBlank() ? null : text, force);
    }

    /** The panel said no: keep the text, show why, let the user try again. */
    void failed(String sentence) {
        unlock();
        problem.setText(wrap("Not saved: " + sentence));
    }

    /** The user chose to go on editing after a conflict: the panel's current text is the new starting point. */
    void rebase(String panelText) {
        unlock();
        base = panelText == null ? "" : panelText;
        panelNow.setText(wrap("The panel now has: \"" + base + "\""));
        problem.setText("Saving now replaces the panel's text with yours.");
    }

    void unlock() {
        saving = false;
        field.lock(null);
    }

    String text() {
        return field.text();
    }
}
