package dev.portdeck.shared.model;

/**
 * The egg (game type) a server runs, as `?include=egg` shows it: `{"object":"egg","attributes":{"uuid","name"}}`.
 *
 * @param uuid the egg's UUID, or null
 * @param name its name, e.g. "Paper", "Rust", "Counter-Strike 2"
 */
public record Egg(String uuid, String name) {
}
