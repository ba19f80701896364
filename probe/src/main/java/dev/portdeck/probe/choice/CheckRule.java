package dev.portdeck.probe.choice;

import dev.portdeck.probe.Check;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.StartupVariable;
import java.util.List;
import java.util.Map;

/**
 * Which question to ask an allocation ("auto"): from a user's override, the startup variable that points at its port,
 * its notes, the server's egg (name or docker image), and without panel data the well-known game ports. An RCON port
 * only ever gets a TCP connect: a monitor never sends a password guess (SRCDS bans an address after failed logins).
 * Pure and thread-safe.
 */
public final class CheckRule {

    private static final Map<Integer, Check> WELL_KNOWN = Map.of(
            25565, Check.MINECRAFT, 19132, Check.BEDROCK, 27015, Check.A2S, 30120, Check.FIVEM);
    private static final List<String> WEB_WORDS = List.of("http", "https", "web", "map", "dynmap", "bluemap",
            "squaremap", "pl3xmap", "txadmin", "panel", "dashboard", "website");

    private static final CheckChoice NO_GAME_PORT = new CheckChoice(Check.TCP,
            "not a game's default port: TCP connect");

    private CheckRule() {
    }

    /**
     * The check for one allocation of {@code server} (whose egg, image and variables may be unknown: null/empty).
     *
     * @param override the user's choice for this allocation (config file, dashboard key), or null
     */
    public static CheckChoice choose(Server server, Allocation allocation, CheckChoice override) {
        if (override != null) {
            return override;
        }
        GameFamily family = family(server);
        String egg = server.eggName() != null ? "egg " + server.eggName() : "image " + server.dockerImage();
        CheckChoice byVariable = byVariable(server.variables(), allocation.port(), family, egg);
        if (byVariable != null) {
            return byVariable;
        }
        CheckChoice byNotes = byNotes(allocation.notes());
        if (byNotes != null) {
            return byNotes;
        }
        if (family == null) {
            CheckChoice known = wellKnown(allocation.port());
            String what = server.eggName() != null ? "egg " + server.eggName() + " has no game check" : "no egg known";
            return known.check() == Check.TCP ? new CheckChoice(Check.TCP, what + ": TCP connect")
                    : new CheckChoice(known.check(), what + "; " + known.reason());
        }
        if (!allocation.primary()) {
            return new CheckChoice(Check.TCP, "an extra allocation of " + egg + " that no variable names: TCP connect");
        }
        if (family == GameFamily.SOURCE && queryElsewhere(server, allocation)) {
            return new CheckChoice(Check.UDP, egg + " answers its status on QUERY_PORT: a UDP datagram here");
        }
        return new CheckChoice(family.check(), egg + " → " + family.check().title());
    }

    /** Without panel data: Minecraft 25565, Bedrock 19132, Source 27015, FiveM 30120; anything else TCP. */
    public static CheckChoice wellKnown(int port) {
        Check known = WELL_KNOWN.get(port);
        // one shared answer for the thousands of ports of a sweep: no string built per port
        return known == null ? NO_GAME_PORT : new CheckChoice(known, "port " + port + " is the default of " + known.title());
    }

    private static GameFamily family(Server server) {
        GameFamily byEgg = GameFamily.of(server.eggName());
        return byEgg != null || server.eggName() != null ? byEgg : GameFamily.of(server.dockerImage());
    }

    /** A variable such as RCON_PORT, QUERY_PORT or TXADMIN_PORT whose value is this port. */
    private static CheckChoice byVariable(List<StartupVariable> variables, int port, GameFamily family, String egg) {
        for (StartupVariable v : variables) {
            if (!Integer.toString(port).equals(v.value() == null ? null : v.value().strip())) {
                continue;
            }
            String name = v.envVariable();
            String words = GameFamily.words(name.replace('_', ' '));
            String here = name + " points here: ";
            if (words.contains("rcon")) {
                return new CheckChoice(Check.TCP, here + "a TCP connect only, never a password");
            }
            if (words.contains("query")) {
                return family == GameFamily.SOURCE || family == null
                        ? new CheckChoice(Check.A2S, here + Check.A2S.title())
                        : new CheckChoice(Check.UDP, here + "a UDP datagram (" + egg + " has no A2S)");
            }
            if (isWeb(words)) {
                return new CheckChoice(Check.HTTP, here + "a web port → " + Check.HTTP.title());
            }
            if (words.equals("server port") && family != null) {
                return new CheckChoice(family.check(), here + egg + " → " + family.check().title());
            }
            if (words.endsWith("port")) {
                return new CheckChoice(Check.TCP, here + "TCP connect");
            }
        }
        return null;
    }

    private static CheckChoice byNotes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String words = GameFamily.words(notes);
        String quoted = notes.strip().length() > 40 ? notes.strip().substring(0, 40) + "…" : notes.strip();
        if ((" " + words + " ").contains(" rcon ")) {
            return new CheckChoice(Check.TCP, "notes say \"" + quoted + "\": a TCP connect only, never a password");
        }
        if (isWeb(words)) {
            return new CheckChoice(Check.HTTP, "notes say \"" + quoted + "\" → " + Check.HTTP.title());
        }
        return null;
    }

    private static boolean isWeb(String words) {
        String padded = " " + words + " ";
        return WEB_WORDS.stream().anyMatch(w -> padded.contains(" " + w + " "));
    }

    /** Whether a QUERY_PORT variable names another allocation of this server (Rust, ARK): the game port stays quiet. */
    private static boolean queryElsewhere(Server server, Allocation allocation) {
        return server.variables().stream()
                .filter(v -> GameFamily.words(v.envVariable().replace('_', ' ')).contains("query"))
                .map(v -> v.value() == null ? "" : v.value().strip())
                .anyMatch(value -> !value.equals(Integer.toString(allocation.port()))
                        && server.allocations().stream().anyMatch(a -> Integer.toString(a.port()).equals(value)));
    }
}
