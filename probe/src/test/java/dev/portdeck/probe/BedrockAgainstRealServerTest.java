package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bedrock check against PrismarineJS's bedrock-protocol server over jsp-raknet: an implementation not ours. */
class BedrockAgainstRealServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @AutoClose
    private static NodePeer server;
    @AutoClose
    private static final Prober prober = new Prober(8);

    @BeforeAll
    static void start() throws Exception {
        server = NodePeer.start("bedrock-server.js", "bedrock-protocol", "§bBedrock §ltest", "Ocean level", "12");
    }

    @Test
    void theRakNetPongGivesMotdVersionLevelAndSlots() throws Exception {
        ProbeResult r = prober.probe(new Target("127.0.0.1", server.port(), null, Check.BEDROCK), TIMEOUT)
                .get(20, TimeUnit.SECONDS);
        Outcome.Open open = assertInstanceOf(Outcome.Open.class, r.outcome());
        Service s = open.service();
        assertEquals("Minecraft Bedrock", s.game());
        assertEquals("Bedrock test", s.name());
        assertEquals("Ocean level", s.map());
        assertEquals(0, s.players());
        assertEquals(12, s.maxPlayers());
        assertNotNull(s.version());
        assertNotNull(open.appLatency());
    }

    @Test
    void aTcpPortIsNotWhereBedrockAnswers() throws Exception {
        // The same port number over TCP: nothing listens, so the plain connect says closed while bedrock says open.
        Outcome tcp = prober.probe(Target.of("127.0.0.1", server.port()), TIMEOUT).get(20, TimeUnit.SECONDS).outcome();
        assertInstanceOf(Outcome.Closed.class, tcp);
    }
}
