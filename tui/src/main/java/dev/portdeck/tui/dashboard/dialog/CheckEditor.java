package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import dev.portdeck.probe.Check;
import dev.portdeck.probe.choice.CheckChoice;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.state.CheckPlan;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Tone;

/**
 * `C`: which question the dashboard asks an allocation. The choice applies at once, for this session; then, when the
 * config file says otherwise, it offers to remember it there (`checks.SERVER.PORT = CHECK`, which `portdeck probe`
 * and the agent read too), default No. Nothing is sent to the panel, so it works in `--readonly` as well.
 */
public final class CheckEditor {

    private final WindowBasedTextGUI gui;
    private final Deck deck;
    private final StatusLine status;
    private final Runnable quit;
    private final Glyphs glyphs;

    public CheckEditor(WindowBasedTextGUI gui, Deck deck, StatusLine status, Glyphs glyphs, Runnable quit) {
        this.gui = gui;
        this.glyphs = glyphs;
        this.deck = deck;
        this.status = status;
        this.quit = quit;
    }

    public void choose(Server server, Allocation a) {
        CheckPlan.Planned now = deck.plan(a);
        if (now == null) {
            status.say("#" + a.id() + " " + a.address() + " is not probed: it binds every address and has no alias.",
                    Tone.WARN);
            return;
        }
        CheckChoice auto = deck.checks().auto(server, a);
        Check current = now.origin() == CheckPlan.Origin.AUTO ? null : now.target().check();
        show(new CheckDialog("The check of #" + a.id() + " " + a.address(), new CheckChoice(auto.check(),
                glyphs.plain(auto.reason())), current, quit,
                picked -> picked(server, a, auto, picked)));
    }

    private void picked(Server server, Allocation a, CheckChoice auto, Check picked) {
        deck.chooseCheck(server, a, picked);
        String asked = picked == null ? "auto: " + auto.check().word() : picked.word();
        CheckPlan plan = deck.checks();
        CheckChoice inFile = plan.inFile(server, a);
        boolean fileDiffers = picked == null ? inFile != null : inFile == null || inFile.check() != picked;
        if (!plan.canRemember() || !fileDiffers) {
            status.say("#" + a.id() + " is asked " + asked + " from now on.", Tone.GOOD);
            return;
        }
        String key = CheckPlan.fileKey(server, a);
        String question = picked == null
                ? "Remove " + key + " from this file, so that auto decides there too?\n" + plan.file().path()
                : "Write " + key + " = " + picked.word() + " into this file?\n" + plan.file().path();
        show(new ConfirmDialog("Remember the check", "#" + a.id() + " is asked " + asked + " from now on, in this "
                + "dashboard.\n\n" + question + "\n\nportdeck probe, the agent and the next dashboard then ask it too;"
                + " the file's other lines stay as they are.", quit,
                () -> remember(server, a, picked),
                () -> status.say("#" + a.id() + " is asked " + asked + " in this dashboard only; the config file is "
                        + "unchanged.", Tone.NORMAL)));
    }

    private void remember(Server server, Allocation a, Check picked) {
        deck.rememberCheck(server, a, picked, line -> {
            CheckChoice still = picked == null ? deck.checks().inFile(server, a) : null;
            status.say("Remembered in " + deck.checks().file().path() + ": " + line + "." + (still == null ? ""
                    : " The file still sets it by address (" + glyphs.plain(still.reason()) + "); remove that line"
                    + " to let auto"
                    + " decide."), still == null ? Tone.GOOD : Tone.WARN);
        }, e -> status.say("Not remembered: " + Deck.sentence(e), Tone.BAD));
    }

    private void show(Window window) {
        gui.addWindow(window);
        gui.setActiveWindow(window);
    }
}
