package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.sim.games.Game;
import dev.portdeck.shared.sim.games.Responder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Every check against the simulator's game responders (shared/sim/games), which GameDig reads the same way in the
 * shared module's tests: what portdeck reports here is what an independent client reports there.
 */
class DemoRespondersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    @AutoClose
    private static final Prober prober = new Prober(32);

    private static Outcome probe(Check check, Responder r) throws Exception {
        return prober.probe(new Target("127.0.0.1", r.port(), null, check), TIMEOUT).get(15, TimeUnit.SECONDS)
                .outcome();
    }

    private static Outcome.Open open(Check check, Responder r) throws Exception {
        return assertInstanceOf(Outcome.Open.class, probe(check, r), check.word());
    }

    @Test
    void minecraftJavaStatusAndPingPong() throws Exception {
        try (Responder r = new Game.MinecraftJava("Survival §aSMP", "Paper 1.20.4", 765, 3, 20).start(ANY)) {
            Outcome.Open o = open(Check.MINECRAFT, r);
            assertEquals(new Service("Minecraft", "Survival SMP", "Paper 1.20.4", null, 3, 20), o.service());
            assertNotNull(o.appLatency());
        }
    }

    @Test
    void bedrockPong() throws Exception {
        try (Responder r = new Game.Bedrock("Bedrock Realm", "1.20.51", 630, 4, 30, "Bedrock level", "Survival")
                .start(ANY)) {
            assertEquals(new Service("Minecraft Bedrock", "Bedrock Realm", "1.20.51", "Bedrock level", 4, 30),
                    open(Check.BEDROCK, r).service());
        }
    }

    @Test
    void sourceWithTheChallengeAndASplitReply() throws Exception {
        Game.Source cs2 = new Game.Source("CS2 Competitive", "de_dust2", "csgo", "Counter-Strike 2", 730, 12, 24, 2,
                "1.40.2.1", "secure,competitive", true, true);
        try (Responder r = cs2.start(ANY)) {
            Outcome.Open o = open(Check.A2S, r);
            assertEquals(new Service("Counter-Strike 2", "CS2 Competitive", "1.40.2.1", "de_dust2", 12, 24),
                    o.service());
            assertNotNull(o.appLatency(), "the A2S_INFO reply after the challenge");
            assertEquals(2, r.answered(), "a challenge, then the reply: one question");
        }
    }

    @Test
    void rustReportsItsCountsInTheKeywords() throws Exception {
        Game.Source rust = new Game.Source("Rust main", "Procedural Map", "rust", "Rust", 252490, 0, 0, 0, "2566",
                "mp150,cp42,qp0,v2566", false, false);
        try (Responder r = rust.start(ANY)) {
            Service s = open(Check.A2S, r).service();
            assertEquals(42, s.players());
            assertEquals(150, s.maxPlayers());
        }
    }

    @Test
    void fivemOverHttp() throws Exception {
        Game.Fivem fivem = new Game.Fivem("QBCore Roleplay", "Roleplay", "Los Santos", 7, 64,
                "FXServer-master v1.0.0.7290 linux", List.of("qb-core", "mapmanager"));
        try (Responder r = fivem.start(ANY)) {
            Outcome.Open o = open(Check.FIVEM, r);
            assertEquals(new Service("FiveM", "QBCore Roleplay", "FXServer-master v1.0.0.7290 linux", "Los Santos", 7,
                    64), o.service());
        }
    }

    @Test
    void aWebPortOverHttp() throws Exception {
        try (Responder r = new Game.Web("Dynmap - Survival", "Dynmap").start(ANY)) {
            Service s = open(Check.HTTP, r).service();
            assertEquals("HTTP", s.game());
            assertTrue(s.name().startsWith("200"), s.name());
            assertEquals("Dynmap", s.version());
        }
    }

    @Test
    void udpEchoSilenceAndASilentTcpSide() throws Exception {
        try (Responder echo = new Game.UdpEcho().start(ANY);
                Responder silent = new Game.SilentUdp().start(ANY);
                Responder srcds = new Game.WithSilentTcp(new Game.Source("srcds", "cp_dustbowl", "tf", "Team Fortress",
                        440, 1, 24, 0, "1", null, false, false)).start(ANY)) {
            open(Check.UDP, echo);
            assertEquals(new Outcome.OpenOrFiltered(TIMEOUT), probe(Check.UDP, silent));
            assertEquals("srcds", open(Check.A2S, srcds).service().name());
            assertInstanceOf(Outcome.Open.class, probe(Check.TCP, srcds), "the TCP side accepts");
            assertInstanceOf(Outcome.Unresponsive.class, probe(Check.HTTP, srcds), "but says nothing");
        }
    }
}
