package dev.portdeck.probe;

/**
 * What a service said about itself when a check asked it in its own protocol (a game's status, a web server's
 * answer). Every field may be null where the protocol has none; text is already cleaned of colour codes, control,
 * bidi and zero-width characters and capped at 200 characters by whoever builds it.
 *
 * <p>Per check: {@code minecraft} game "Minecraft", name the MOTD, version the version name; {@code bedrock} game
 * "Minecraft Bedrock", name the MOTD, version, map the level name; {@code a2s} game, name, map and version as the
 * server reports them (players include bots; Rust's come from its keywords); {@code fivem} game "FiveM" or "RedM",
 * name the host name, version the server build, map; {@code http}/{@code https} game "HTTP"/"HTTPS", name the status
 * code and reason ("200 OK"), version the {@code Server} header, and for https the certificate.
 *
 * @param game        the game or protocol as the service names it ("Minecraft", "Counter-Strike 2", "FiveM", "HTTP")
 * @param name        the server's name / MOTD / hostname (for HTTP: the status code and reason, e.g. "200 OK")
 * @param version     the game's version (for HTTP: the {@code Server} header)
 * @param map         the current map or level
 * @param players     players online
 * @param maxPlayers  player slots
 * @param certificate the certificate a TLS service presented (https), else null
 */
public record Service(String game, String name, String version, String map, Integer players, Integer maxPlayers,
        Certificate certificate) {

    public Service(String game, String name, String version, String map, Integer players, Integer maxPlayers) {
        this(game, name, version, map, players, maxPlayers, null);
    }

    public Service withCertificate(Certificate presented) {
        return new Service(game, name, version, map, players, maxPlayers, presented);
    }
}
