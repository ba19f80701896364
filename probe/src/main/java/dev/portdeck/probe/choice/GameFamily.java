package dev.portdeck.probe.choice;

import dev.portdeck.probe.Check;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kinds of game server that answer one status protocol, recognised by words in an egg's name (or its docker image).
 * The first family with a matching word wins, so Bedrock comes before Java Minecraft ("Minecraft Bedrock").
 */
enum GameFamily {
    BEDROCK(Check.BEDROCK, List.of("bedrock", "pocketmine", "nukkit", "geyser")),
    MINECRAFT_JAVA(Check.MINECRAFT, List.of("paper", "purpur", "forge", "fabric", "quilt", "vanilla minecraft",
            "minecraft", "sponge", "spigot", "bukkit", "bungeecord", "velocity", "waterfall", "folia", "mohist",
            "magma", "curseforge", "modrinth", "ftb", "technic", "feed the beast")),
    SOURCE(Check.A2S, List.of("counter strike", "cs go", "csgo", "cs2", "garry", "gmod",
            "team fortress", "tf2", "insurgency", "left 4 dead", "l4d", "day of defeat", "half life", "srcds",
            "source engine", "rust", "ark", "valheim", "7 days to die", "dayz", "arma", "squad", "unturned",
            "conan", "the forest", "space engineers")),
    FIVEM(Check.FIVEM, List.of("fivem", "redm", "txadmin", "cfx", "fxserver"));

    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^a-z0-9]+");

    private final Check check;
    private final List<String> words; // each between spaces, as they are looked for in " " + words(text) + " "

    GameFamily(Check check, List<String> words) {
        this.check = check;
        this.words = words.stream().map(w -> " " + w + " ").toList();
    }

    Check check() {
        return check;
    }

    /** Lower case, anything but letters and digits a single space: "Ark: Survival" → "ark survival". */
    static String words(String text) {
        // compiled once: the agent asks this of every allocation at each discovery
        return NOT_LETTERS_OR_DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The family whose word occurs in {@code text} as a whole word, or null. */
    static GameFamily of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = " " + words(text) + " ";
        for (GameFamily family : values()) {
            for (String word : family.words) {
                if (t.contains(word)) {
                    return family;
                }
            }
        }
        return null;
    }
}
