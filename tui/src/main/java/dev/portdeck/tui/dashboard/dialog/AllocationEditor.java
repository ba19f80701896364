package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.Changes;
import dev.portdeck.tui.dashboard.state.Conflict;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Tone;

/**
 * The four changes (add, notes, primary, remove) as conversations: ask, send, and tell what the panel answered in
 * its own words; when it wants the server stopped first, offer to stop it and try again. Notes are read again from
 * the panel before editing and compared before saving, so two dashboards cannot silently overwrite each other.
 */
public final class AllocationEditor {

    static final String STOP_PERMISSION = "control.stop";
    private final WindowBasedTextGUI gui;
    private final Deck deck;
    private final Changes changes;
    private final StatusLine status;
    private final Runnable quit;
    private boolean opening;

    public AllocationEditor(WindowBasedTextGUI gui, Deck deck, StatusLine status, Runnable quit) {
        this.gui = gui;
        this.deck = deck;
        this.changes = deck.changes();
        this.status = status;
        this.quit = quit;
    }

    public void add(Server server) {
        AddDialog[] dialog = new AddDialog[1];
        dialog[0] = new AddDialog(server, quit, request -> changes.assign(server, request, applied -> {
            dialog[0].close();
            added(request, applied);
        }, e -> dialog[0].failed(Deck.sentence(e))));
        show(dialog[0]);
    }

    private void added(AssignRequest request, Changes.Applied applied) {
        Allocation assigned = applied.allocation();
        if (assigned == null) {
            status.say("Added an allocation" + late(applied) + ".", Tone.GOOD);
            return;
        }
        if (request.isSatisfiedBy(assigned)) {
            status.say("Added #" + assigned.id() + " " + assigned.address() + late(applied) + ".", Tone.GOOD);
            return;
        }
        String asked = (request.ip() == null ? "any IP" : request.ip()) + ":"
                + (request.port() == null ? "any port" : request.port());
        show(new NoticeDialog("Not the allocation you asked for", "Asked for " + asked + ", the panel assigned "
                + assigned.address() + " (#" + assigned.id() + ") — this panel only auto-assigns.\n\n"
                + "To get a specific port, ask the panel's administrator, or remove this one (D).", quit));
        status.say("Added #" + assigned.id() + " " + assigned.address() + " (not what was asked for).", Tone.WARN);
    }

    private static String late(Changes.Applied applied) {
        return applied.late() == null ? "" : " (" + applied.late() + ")";
    }

    /** `n`: reads the allocation again first, so the editor starts from what the panel has now. */
    public void notes(Server server, Allocation a) {
        if (opening) {
            status.say("Still reading #" + a.id() + " from the panel...", Tone.DIM);
            return;
        }
        opening = true;
        status.say("Reading the notes of #" + a.id() + " from the panel...", Tone.DIM);
        deck.refresh(server.identifier(), () -> {
            opening = false;
            Server fresh = deck.server(server.identifier());
            Allocation now = fresh == null ? null : fresh.allocations().stream().filter(x -> x.id() == a.id())
                    .findFirst().orElse(null);
            if (now == null) {
                status.say("#" + a.id() + " " + a.address() + " is no longer on the panel.", Tone.WARN);
                return;
            }
            status.say("", Tone.NORMAL);
            editNotes(fresh, now);
        }, e -> {
            opening = false;
            status.say("Could not read #" + a.id() + " before editing: " + Deck.sentence(e), Tone.BAD);
        });
    }

    private void editNotes(Server server, Allocation a) {
        NotesDialog[] dialog = new NotesDialog[1];
        dialog[0] = new NotesDialog(a, quit, (text, force) -> changes.setNotes(server, a, dialog[0].base(), text,
                force, applied -> {
                    dialog[0].close();
                    status.say("Saved the notes of #" + a.id() + late(applied) + ".", Tone.GOOD);
                }, e -> {
                    if (e instanceof Conflict c) {
                        conflict(dialog[0], a, c.panelNow(), text);
                    } else {
                        dialog[0].failed(Deck.sentence(e));
                        status.say("The notes of #" + a.id() + " were not saved.", Tone.WARN);
                    }
                }));
        show(dialog[0]);
    }

    private void conflict(NotesDialog dialog, Allocation a, String panelNow, String yours) {
        String what = "the notes of #" + a.id();
        if (panelNow == null) {
            Runnable gone = () -> {
                dialog.close();
                status.say("#" + a.id() + " was removed from the panel; nothing was saved.", Tone.WARN);
            };
            show(new ConflictDialog(what, dialog.base(), null, yours, quit, gone, gone, gone));
            return;
        }
        show(new ConflictDialog(what, dialog.base(), panelNow, yours, quit, () -> {
            dialog.rebase(panelNow);
            dialog.submit(true);
        }, () -> {
            dialog.close();
            status.say("Kept the panel's notes of #" + a.id() + "; yours were not saved.", Tone.NORMAL);
        }, () -> dialog.rebase(panelNow)));
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
        changes.setPrimary(server, a, stopFirst, applied -> {
            status.say("#" + a.id() + " " + a.address() + " is now the primary; the game uses it after a restart"
                    + late(applied) + ".", Tone.GOOD);
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
        show(new ConfirmDialog("Remove " + a.address(), question, quit, () -> remove(server, a, false),
                () -> status.say("Kept #" + a.id() + " " + a.address() + ": nothing was removed.", Tone.NORMAL)));
    }

    private void remove(Server server, Allocation a, boolean stopFirst) {
        status.say((stopFirst ? "Stopping " + server.name() + ", then removing " : "Removing ") + "#" + a.id()
                + "...", Tone.DIM);
        changes.remove(server, a, stopFirst, applied -> {
            status.say("Removed #" + a.id() + " " + a.address() + late(applied) + "." + (a.primary()
                    ? " " + server.name() + " has no primary allocation until you set one (p)." : ""), Tone.GOOD);
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
                quit, retry, () -> status.say(server.name() + " keeps running; nothing was changed.", Tone.NORMAL)));
    }

    /** We stopped the server for the change: offer to start it again rather than leave it down. */
    private void offerStart(Server server, boolean weStoppedIt) {
        if (!weStoppedIt) {
            return;
        }
        show(new ConfirmDialog("Start " + server.name() + " again?", "Done. " + server.name()
                + " was stopped for this change and is still stopped.\n\nStart it again now?", quit,
                () -> changes.startServer(server,
                        () -> status.say("Starting " + server.name() + ".", Tone.GOOD),
                        e -> status.say(Deck.sentence(e), Tone.BAD)),
                () -> status.say(server.name() + " stays stopped; start it from the panel when you are ready.",
                        Tone.NORMAL)));
    }

    private void show(Window window) {
        gui.addWindow(window);
        gui.setActiveWindow(window);
    }
}
