package dev.portdeck.probe;

/**
 * What a service said about itself when a check asked it in its own protocol (a game's status, a web server's
 * answer). Every field may be null where the protocol has none; text is already cleaned of colour codes and control
 * characters by whoever builds it.
 *
 * @param game       the game or protocol as the service names it ("Minecraft", "Counter-Strike 2", "FiveM", "HTTP")
 * @param name       the server's name / MOTD / hostname (for HTTP: the status line, e.g. "200 OK")
 * @param version    the game's version (for HTTP: the {@code Server} header)
 * @param map        the current map or level
 * @param players    players online
 * @param maxPlayers player slots
 */
public record Service(String game, String name, String version, String map, Integer players, Integer maxPlayers) {
}
