package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Tone;

/**
 * The four changes (add, notes, primary, remove) as conversations: ask, send, and tell what the panel answered in
 * its own words; when it wants the server stopped first, offer to stop it and try again.
 */
public final class AllocationEditor {

    static final String STOP_PERMISSION = "control.stop";
    private final WindowBasedTextGUI gui;
    private final Deck deck;
    private final StatusLine status;
    private final Runnable quit;

    public AllocationEditor(WindowBasedTextGUI gui, Deck deck, StatusLine status, Runnable quit) {
        this.gui = gui;
        this.deck = deck;
        this.status = status;
        this.quit = quit;
    }

    public void add(Server server) {
        AddDialog[] dialog = new AddDialog[1];
        dialog[0] = new AddDialog(server, quit, request -> deck.assign(server.identifier(), request, assigned -> {
            dialog[0].close();
            added(request, assigned);
        }, e -> dialog[0].failed(Deck.sentence(e))));
        show(dialog[0]);
    }

    private void added(AssignRequest request, Allocation assigned) {
        if (request.isSatisfiedBy(assigned)) {
            status.say("Added #" + assigned.id() + " " + assigned.address() + ".", Tone.GOOD);
            return;
        }
        String asked = (request.ip() == null ? "any IP" : request.ip()) + ":"
                + (request.port() == null ? "any port" : request.port());
        show(new NoticeDialog("Not the allocation you asked for", "Asked for " + asked + ", the panel assigned "
                + assigned.address() + " (#" + assigned.id() + ") — this panel only auto-assigns.\n\n"
                + "To get a specific port, ask the panel's administrator, or remove this one (D).", quit));
        status.say("Added #" + assigned.id() + " " + assigned.address() + " (not what was asked for).", Tone.WARN);
    }

    public void notes(Server server, Allocation a) {
        NotesDialog[] dialog = new NotesDialog[1];
        dialog[0] = new NotesDialog(a, quit, text -> deck.setNotes(server.identifier(), a.id(), text, () -> {
            dialog[0].close();
            status.say("Saved the notes of #" + a.id() + ".", Tone.GOOD);
        }, e -> dialog[0].failed(Deck.sentence(e))));
        show(dialog[0]);
    }

    public void primary(Server server, Allocation a) {
        if (a.primary()) {
            status.say("#" + a.id() + " " + a.address() + " is already the primary allocation.", Tone.NORMAL);
            return;
        }
        primary(server, a, false);
    }

    private void primary(Server server, Allocation a, boolean stopFirst) {
        status.say((stopFirst ? "Stopping " + server.name() + ", then making " : "Making ") + "#" + a.id()
                + " the primary...", Tone.DIM);
        deck.setPrimary(server.identifier(), a.id(), stopFirst, () -> {
            status.say("#" + a.id() + " " + a.address() + " is now the primary; the game uses it after a restart.",
                    Tone.GOOD);
            offerStart(server, stopFirst);
        }, e -> refused(server, e, () -> primary(server, a, true)));
    }

    public void remove(Server server, Allocation a) {
        String question = a.primary()
                ? "#" + a.id() + " " + a.address() + " is the primary allocation of " + server.name()
                        + ": players connect to it. Most panels refuse to remove it; make another allocation "
                        + "the primary first (select it, press p).\n\nAsk the panel to remove it anyway?"
                : "Remove #" + a.id() + " " + a.address() + " from " + server.name() + "?\n\n"
                        + "The port goes back to the node and its notes are lost.";
        show(new ConfirmDialog("Remove " + a.address(), question, quit, () -> remove(server, a, false)));
    }

    private void remove(Server server, Allocation a, boolean stopFirst) {
        status.say((stopFirst ? "Stopping " + server.name() + ", then removing " : "Removing ") + "#" + a.id()
                + "...", Tone.DIM);
        deck.remove(server.identifier(), a.id(), stopFirst, () -> {
            status.say("Removed #" + a.id() + " " + a.address() + ".", Tone.GOOD);
            offerStart(server, stopFirst);
        }, e -> refused(server, e, () -> remove(server, a, true)));
    }

    /** The panel said no: explain the cases a user can act on, otherwise show its sentence. */
    private void refused(Server server, RuntimeException e, Runnable retryAfterStop) {
        String sentence = Deck.sentence(e);
        if (e instanceof Refused r && r.reason() == RefusalReason.SERVER_MUST_BE_STOPPED) {
            offerStop(server, sentence, retryAfterStop);
        } else if (e instanceof Refused r && r.reason() == RefusalReason.PRIMARY_UNDELETABLE) {
            status.say(sentence, Tone.BAD);
            show(new NoticeDialog("The panel kept the primary", "The panel said: " + sentence + "\n\n"
                    + "The primary allocation is the address players connect to. To remove it, first make another "
                    + "allocation the primary: select it and press p. Then remove this one.", quit));
        } else {
            status.say(sentence, Tone.BAD);
        }
    }

    private void offerStop(Server server, String sentence, Runnable retry) {
        Server fresh = deck.server(server.identifier());
        if (fresh != null && deck.permissionsKnown(server.identifier()) && !fresh.can(STOP_PERMISSION)) {
            status.say(sentence, Tone.BAD);
            show(new NoticeDialog("The server must be stopped", "The panel said: " + sentence + "\n\nThis key lacks "
                    + "the " + STOP_PERMISSION + " permission, so portdeck cannot stop it for you.", quit));
            return;
        }
        status.say(sentence, Tone.WARN);
        show(new ConfirmDialog("Stop " + server.name() + "?", "The panel said: " + sentence + "\n\nStop "
                + server.name() + " now and try again? Players on it are disconnected; start it again afterwards.",
                quit, retry));
    }

    /** We stopped the server for the change: offer to start it again rather than leave it down. */
    private void offerStart(Server server, boolean weStoppedIt) {
        if (!weStoppedIt) {
            return;
        }
        show(new ConfirmDialog("Start " + server.name() + " again?", "Done. " + server.name()
                + " was stopped for this change and is still stopped.\n\nStart it again now?", quit,
                () -> deck.startServer(server.identifier(),
                        () -> status.say("Starting " + server.name() + ".", Tone.GOOD),
                        e -> status.say(Deck.sentence(e), Tone.BAD))));
    }

    private void show(Window window) {
        gui.addWindow(window);
        gui.setActiveWindow(window);
    }
}
