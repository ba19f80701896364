package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import dev.portdeck.probe.Check;
import dev.portdeck.probe.choice.CheckChoice;
import java.util.function.Consumer;

/**
 * The chooser behind `C`: auto (with what it picks now, and why) or one of the eight checks, each with what it asks.
 * ↑/↓ and Enter pick; Esc keeps the check as it is.
 */
final class CheckDialog extends DeckDialog {

    private static final int WORD = 10;

    /**
     * @param auto    what "auto" picks for this allocation
     * @param current the check in use when it is not auto's, else null
     * @param picked  gets the check chosen, or null for auto
     */
    CheckDialog(String title, CheckChoice auto, Check current, Runnable quit, Consumer<Check> picked) {
        super(title, quit);
        Check[] checks = Check.values();
        ActionListBox list = new ActionListBox(new TerminalSize(TEXT_WIDTH, checks.length + 1));
        list.addItem(line(current == null, "auto", "now " + auto.check().word() + " (see below)"),
                () -> pick(picked, null));
        for (Check c : checks) {
            boolean udp = c.transport() == Check.Transport.UDP && !c.title().contains("UDP");
            list.addItem(line(c == current, c.word(), c.title() + (udp ? " (UDP)" : "")), () -> pick(picked, c));
        }
        list.setSelectedIndex(current == null ? 0 : current.ordinal() + 1);
        Panel panel = new Panel();
        panel.addComponent(list);
        panel.addComponent(new Label(wrap("Auto picks " + auto.check().word() + ": " + auto.reason() + ".")));
        panel.addComponent(new Label(wrap("Enter: ask this from now on (not a change on the panel).  Esc: keep it.")));
        setComponent(panel);
        setFocusedInteractable(list);
    }

    private static String line(boolean inUse, String word, String what) {
        String text = (inUse ? "* " : "  ") + word + " ".repeat(Math.max(1, WORD - word.length())) + what;
        return text.length() > TEXT_WIDTH - 1 ? text.substring(0, TEXT_WIDTH - 2) + "~" : text;
    }

    private void pick(Consumer<Check> picked, Check check) {
        close();
        picked.accept(check);
    }
}
