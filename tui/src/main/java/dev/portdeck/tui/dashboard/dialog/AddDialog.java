package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Server;
import java.util.function.Consumer;

/** Asks the panel for one more allocation: any (both fields empty) or a specific ip and/or port. */
final class AddDialog extends DeckDialog {

    private static final String LOCKED = "Asking the panel: the fields are locked until it answers.";
    private final LineField ip;
    private final LineField port;
    /** Title and frame 2, the two lines above the fields 2, the fields 2, the buttons 1. */
    private final ProblemText problem = new ProblemText(7);
    private final Consumer<AssignRequest> add;
    private boolean busy;

    AddDialog(Server server, Runnable quit, Consumer<AssignRequest> add) {
        super("Add an allocation to " + server.name(), quit);
        this.add = add;
        this.ip = new LineField(40, "", this::submit).onChange(t -> problem.say("")).onComplaint(this::complain);
        this.port = new LineField(8, "", this::submit).onChange(t -> problem.say("")).onComplaint(this::complain);
        Panel panel = new Panel();
        panel.addComponent(new Label("Leave both empty and the panel picks one.\nIn use: "
                + server.allocations().size() + " of " + server.allocationLimit() + "."));
        Panel fields = new Panel(new GridLayout(2));
        fields.addComponent(new Label("IP"));
        fields.addComponent(ip);
        fields.addComponent(new Label("Port"));
        fields.addComponent(port);
        panel.addComponent(fields);
        panel.addComponent(problem);
        panel.addComponent(row(new Button("Add", this::submit), new Button("Cancel", this::close)));
        setComponent(panel);
        setFocusedInteractable(ip);
    }

    private void complain(String why) {
        problem.say(why);
    }

    private void submit() {
        if (busy) {
            problem.say(LOCKED);
            return;
        }
        String ipText = ip.text().strip();
        String portText = port.text().strip();
        Integer p = null;
        if (!portText.isEmpty()) {
            try {
                p = Integer.valueOf(portText);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                problem.say("The port must be a number from 1 to 65535.");
                return;
            }
        }
        busy = true;
        ip.lock(LOCKED);
        port.lock(LOCKED);
        problem.say("asking the panel...");
        add.accept(new AssignRequest(ipText.isEmpty() ? null : ipText, p));
    }

    void failed(String sentence) {
        busy = false;
        ip.lock(null);
        port.lock(null);
        problem.say("Not added: " + sentence);
    }
}
