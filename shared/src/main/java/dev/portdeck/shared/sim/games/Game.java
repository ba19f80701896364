package dev.portdeck.shared.sim.games;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a game server (or web port) says when asked, and how to start a {@link Responder} that says it. The byte
 * layouts follow ../shared/reference/probing.md; each one is checked against an independent client (GameDig) in the
 * tests, so the demo world and every module's tests can rely on them.
 */
public sealed interface Game {

    /**
     * Starts answering at {@code at} (port 0: any free port; for {@link Fivem} the same number on TCP and UDP).
     *
     * @throws IllegalArgumentException when {@code at} is not a loopback address: these servers are for this machine
     */
    Responder start(InetSocketAddress at) throws IOException;

    /** {@code at}, when it is a loopback address. */
    static InetSocketAddress loopback(InetSocketAddress at) {
        if (at.getAddress() == null || !at.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("game responders listen on loopback only, not on " + at);
        }
        return at;
    }

    /** Whether it answers on TCP (else only UDP). */
    default boolean tcp() {
        return this instanceof MinecraftJava || this instanceof Fivem || this instanceof Web
                || this instanceof WithSilentTcp;
    }

    /** Whether it answers on UDP. */
    default boolean udp() {
        return !(this instanceof MinecraftJava || this instanceof Web);
    }

    /**
     * A Minecraft Java server: status JSON, ping/pong, and the legacy (≤ 1.6) ping.
     *
     * @param motd     the description shown in the server list
     * @param version  the version name, e.g. "Paper 1.20.4"
     * @param protocol the protocol number, e.g. 765
     * @param online   players online
     * @param max      player slots
     */
    record MinecraftJava(String motd, String version, int protocol, int online, int max) implements Game {
        public MinecraftJava {
            Objects.requireNonNull(motd, "motd");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return new TcpResponder(at, () -> new MinecraftJavaConversation(this), "minecraft");
        }

        /** The status response's JSON, as a vanilla server writes it. */
        String statusJson() {
            return MinecraftStatusJson.of(this);
        }
    }

    /**
     * A Minecraft Bedrock server (or PocketMine/Nukkit): the RakNet unconnected pong.
     *
     * @param motd     the server's name
     * @param version  e.g. "1.20.51"
     * @param protocol e.g. 630
     * @param online   players online
     * @param max      player slots
     * @param level    the world's name
     * @param gameMode e.g. "Survival"
     */
    record Bedrock(String motd, String version, int protocol, int online, int max, String level, String gameMode)
            implements Game {
        public Bedrock {
            Objects.requireNonNull(motd, "motd");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(gameMode, "gameMode");
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return UdpResponder.namingItsPort(at, "bedrock", port -> new RakNetPong(this, port)::answer);
        }

    }

    /**
     * A Source engine server (CS2, TF2, Garry's Mod, Rust, ARK): A2S_INFO and A2S_PLAYER on UDP.
     *
     * @param name             the host name
     * @param map              the current map
     * @param folder           the game's folder, e.g. "csgo", "tf", "rust"
     * @param game             the game's name, e.g. "Counter-Strike 2"
     * @param appId            the Steam app id (730 for CS2)
     * @param players          players online
     * @param maxPlayers       player slots
     * @param bots             bots among the players
     * @param version          the game's version
     * @param keywords         the tags (Rust puts its player counts there), or null
     * @param requireChallenge answer A2S_INFO only to a request carrying the challenge, as servers since 2020 may
     * @param splitReply       send the info in several split packets (FE FF FF FF), as a big reply would be
     */
    record Source(String name, String map, String folder, String game, int appId, int players, int maxPlayers,
                  int bots, String version, String keywords, boolean requireChallenge, boolean splitReply)
            implements Game {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(game, "game");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return UdpResponder.namingItsPort(at, "a2s", port -> new A2sAnswers(this, port)::answer);
        }

        public Source withChallenge(boolean required) {
            return new Source(name, map, folder, game, appId, players, maxPlayers, bots, version, keywords, required,
                    splitReply);
        }

        public Source withSplitReply(boolean split) {
            return new Source(name, map, folder, game, appId, players, maxPlayers, bots, version, keywords,
                    requireChallenge, split);
        }
    }

    /**
     * A FiveM (or RedM) server: HTTP /info.json, /dynamic.json and /players.json on the game port over TCP, and the
     * `getinfo` query over UDP on the same port number.
     *
     * @param hostname   the server's name
     * @param gameType   e.g. "Roleplay"
     * @param map        e.g. "Los Santos"
     * @param clients    players online
     * @param maxClients player slots
     * @param server     the server build, e.g. "FXServer-master v1.0.0.7290 linux"
     * @param resources  the resources it runs
     */
    record Fivem(String hostname, String gameType, String map, int clients, int maxClients, String server,
                 List<String> resources) implements Game {
        public Fivem {
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(gameType, "gameType");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(server, "server");
            resources = List.copyOf(resources);
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return FivemResponder.start(this, at);
        }

    }

    /**
     * A web port (a Dynmap or BlueMap map, txAdmin, a panel): answers every GET and HEAD with 200 and a small page.
     *
     * @param title  the page's title
     * @param server the Server header, e.g. "Dynmap"
     */
    record Web(String title, String server) implements Game {
        public Web {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(server, "server");
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return WebResponder.start(this, at);
        }

    }

    /**
     * A UDP game whose port also accepts TCP connections and stays silent on them, as SRCDS does for RCON on its
     * game port.
     *
     * @param udpGame what answers on UDP
     */
    record WithSilentTcp(Game udpGame) implements Game {
        public WithSilentTcp {
            Objects.requireNonNull(udpGame, "udpGame");
            if (udpGame.tcp()) {
                throw new IllegalArgumentException("already answers on TCP: " + udpGame);
            }
        }

        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return SamePort.bind(at, tcp -> new TcpResponder(tcp, SilentConversation::new, "silent-tcp"),
                    udpGame::start);
        }

    }

    /** A UDP port that reads every datagram and never answers, like a game port that speaks only to its own clients. */
    record SilentUdp() implements Game {
        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return new UdpResponder(at, in -> List.of(), "silent-udp");
        }

    }

    /** A UDP service that echoes every datagram back (up to {@link UdpResponder#MAX_DATAGRAM} bytes). */
    record UdpEcho() implements Game {
        @Override
        public Responder start(InetSocketAddress at) throws IOException {
            return new UdpResponder(at, in -> {
                byte[] copy = new byte[in.remaining()];
                in.get(copy);
                return List.of(copy);
            }, "udp-echo");
        }

    }
}
