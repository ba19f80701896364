package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.choice.CheckChoice;
import dev.portdeck.probe.choice.CheckOverrides;
import dev.portdeck.probe.choice.CheckRule;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which question the dashboard asks each allocation: a check chosen in the dashboard (`C`) for this session, else the
 * config file's `checks.*` line, else "auto" ({@link CheckRule}: the egg, the startup variables, the notes). Also which
 * ports are closed by design (`expect_closed`). Used on the GUI thread; {@link #write} runs on a worker.
 */
public final class CheckPlan {

    /** Where and how an allocation is probed, who chose the check, and whether closed is what it should be. */
    public record Planned(Target target, CheckChoice choice, Origin origin, boolean expectedClosed) {
    }

    /** Who chose an allocation's check. */
    public enum Origin {
        /** The rule: egg, variables, notes, well-known ports. */
        AUTO,
        /** A `checks.*` line in the config file. */
        FILE,
        /** `C` in the dashboard, for this session. */
        CHOSEN
    }

    static final String CHOSEN = "chosen in the dashboard (C) for this session";

    private final CheckSettings settings;
    private CheckOverrides fromFile;
    /** Per "SERVER.PORT": a check chosen with C, or null for "auto" chosen with C (the file's line is then ignored). */
    private final Map<String, Check> chosen = new HashMap<>();

    CheckPlan(CheckSettings settings) {
        this.settings = settings;
        this.fromFile = settings.overrides();
    }

    /** How to probe `a` of `s`; null when it cannot be probed (every address, no alias). */
    Planned plan(Server s, Allocation a) {
        Target where = Deck.targetOf(a);
        if (where == null) {
            return null;
        }
        boolean expected = settings.expectedClosed().covers(s.identifier(), hosts(a), a.port());
        String key = key(s.identifier(), a.port());
        CheckChoice file = chosen.containsKey(key) ? null : fromFile.find(s.identifier(), hosts(a), a.port());
        CheckChoice choice = chosen.get(key) != null ? new CheckChoice(chosen.get(key), CHOSEN)
                : CheckRule.choose(s, a, file);
        Origin origin = chosen.get(key) != null ? Origin.CHOSEN : file != null ? Origin.FILE : Origin.AUTO;
        return new Planned(where.withCheck(choice.check()), choice, origin, expected);
    }

    /** What "auto" picks for `a`, whatever was chosen or written. */
    public CheckChoice auto(Server s, Allocation a) {
        return CheckRule.choose(s, a, null);
    }

    /** The config file's line for `a`, or null. */
    public CheckChoice inFile(Server s, Allocation a) {
        return fromFile.find(s.identifier(), hosts(a), a.port());
    }

    /** Whether a chosen check can be remembered: there is a config file to write to. */
    public boolean canRemember() {
        return settings.file() != null;
    }

    public ConfigFile file() {
        return settings.file();
    }

    /** `check` (null: auto) for the port of `a` on `s`, from now on in this session. */
    void choose(Server s, Allocation a, Check check) {
        chosen.put(key(s.identifier(), a.port()), check);
    }

    /** The file's key for `a`: `checks.SERVER.PORT`. */
    public static String fileKey(Server s, Allocation a) {
        return CheckOverrides.PREFIX + key(s.identifier(), a.port());
    }

    /**
     * Writes `check` (null: auto, the line goes) as the file's line for `a`; returns the file's overrides as they are
     * now. Runs on a worker: it touches only the file.
     */
    CheckOverrides write(Server s, Allocation a, Check check) {
        ConfigFile file = settings.file();
        try {
            file.put(fileKey(s, a), check == null ? null : check.word());
            return CheckSettings.overrides(file);
        } catch (UncheckedIOException e) {
            throw new InvalidInput("config", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("config", file.path() + ": " + e.getMessage());
        }
    }

    /** After {@link #write}: the file decides for `a` again. */
    void written(Server s, Allocation a, CheckOverrides now) {
        fromFile = now;
        chosen.remove(key(s.identifier(), a.port()));
    }

    private static String key(String server, int port) {
        return server + "." + port;
    }

    private static List<String> hosts(Allocation a) {
        return a.ipAlias() == null ? List.of(a.ip()) : List.of(a.ip(), a.ipAlias());
    }
}
