package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FivemTest {

    static ByteBuffer http(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    static final String DYNAMIC = "{\"clients\":7,\"gametype\":\"Roleplay\",\"hostname\":\"^1Los ^7Santos RP\","
            + "\"iv\":\"0\",\"mapname\":\"San Andreas\",\"sv_maxclients\":\"48\"}";
    static final String INFO = "{\"enhancedHostSupport\":true,\"resources\":[\"mapmanager\"],"
            + "\"server\":\"FXServer-master SERVER v1.0.0.7290 linux\",\"vars\":{\"gamename\":\"gta5\","
            + "\"sv_maxClients\":\"48\"},\"version\":1234}";

    @Test
    void dynamicThenInfoGiveNamePlayersMapAndBuild() {
        FivemInfo dynamic = new FivemInfo("127.0.0.1", 30120);
        String first = StandardCharsets.US_ASCII.decode(((Step.Send) dynamic.open(0)).bytes()).toString();
        assertTrue(first.startsWith("GET /dynamic.json HTTP/1.1\r\nHost: 127.0.0.1:30120\r\n"), first);
        Step.Reconnect next = assertInstanceOf(Step.Reconnect.class, dynamic.receive(http(DYNAMIC), 2_000_000));
        String second = StandardCharsets.US_ASCII.decode(((Step.Send) next.next().open(3_000_000)).bytes()).toString();
        assertTrue(second.startsWith("GET /info.json "), second);
        Step.Answered a = assertInstanceOf(Step.Answered.class, next.next().receive(http(INFO), 4_000_000));
        assertEquals(new Service("FiveM", "Los Santos RP", "FXServer-master SERVER v1.0.0.7290 linux", "San Andreas",
                7, 48), a.service());
        assertEquals(2_000_000, a.appLatency().toNanos(), "the round trip of /dynamic.json");
    }

    @Test
    void aFailedInfoLeavesWhatDynamicSaid() {
        FivemInfo dynamic = new FivemInfo("h", 30120);
        dynamic.open(0);
        Step.Reconnect next = (Step.Reconnect) dynamic.receive(http(DYNAMIC), 1);
        next.next().open(2);
        Step.Answered a = assertInstanceOf(Step.Answered.class, next.next().endOfStream(3));
        assertEquals("Los Santos RP", a.service().name());
        assertEquals(null, a.service().version());
    }

    @Test
    void aWebServerThatIsNotFivemLeadsToTheUdpQuery() {
        FivemInfo dynamic = new FivemInfo("h", 30120);
        dynamic.open(0);
        Step.Reconnect next = assertInstanceOf(Step.Reconnect.class, dynamic.receive(ByteBuffer.wrap(
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 1));
        assertInstanceOf(FivemGetinfo.class, next.next());
        assertEquals(new Step.Failed("/dynamic.json: HTTP 404 Not Found; getinfo: no reply"), next.next().timeUp(2));
    }

    @Test
    void getinfoRepliesAreReadAndTheirChallengeChecked() throws BadReply {
        String reply = "\u00ff\u00ff\u00ff\u00ffinfoResponse\n\\sv_maxclients\\32\\clients\\3\\challenge\\abc"
                + "\\gamename\\rdr3\\hostname\\^2Wild ^7West\\mapname\\frontier";
        ByteBuffer d = ByteBuffer.wrap(reply.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(new Service("RedM", "Wild West", null, "frontier", 3, 32), FivemGetinfo.parse(d, "abc"));
        BadReply e = org.junit.jupiter.api.Assertions.assertThrows(BadReply.class,
                () -> FivemGetinfo.parse(d.rewind(), "xyz"));
        assertEquals("the reply does not echo our challenge", e.getMessage());
    }

    @Test
    void getinfoSendsItsChallenge() {
        FivemGetinfo c = new FivemGetinfo("x");
        ByteBuffer sent = ((Step.Send) c.open(0)).bytes();
        String text = StandardCharsets.ISO_8859_1.decode(sent).toString();
        assertTrue(text.matches("\u00ff{4}getinfo [a-z0-9]{8}\u0000"), text);
    }
}
