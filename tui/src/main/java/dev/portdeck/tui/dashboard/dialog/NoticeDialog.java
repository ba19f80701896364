package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;

/** Something the user should read before going on (Enter or Esc closes). */
final class NoticeDialog extends DeckDialog {

    NoticeDialog(String title, String text, Runnable quit) {
        super(title, quit);
        Panel panel = new Panel();
        panel.addComponent(new Label(wrap(text)));
        Button ok = new Button("OK", this::close);
        panel.addComponent(row(ok));
        setComponent(panel);
        setFocusedInteractable(ok);
    }
}
