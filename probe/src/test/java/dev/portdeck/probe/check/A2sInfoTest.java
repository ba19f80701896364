package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portdeck.probe.Service;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class A2sInfoTest {

    /** An A2S_INFO reply as a Source server builds it; {@code edf} fields appended as given. */
    static byte[] info(String name, String map, String game, int appId, int players, int max, String version,
            int edf, String keywords, long gameId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {-1, -1, -1, -1, 0x49, 17});
        for (String s : new String[] {name, map, "folder", game}) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.write(appId & 0xFF);
        out.write(appId >> 8 & 0xFF);
        out.writeBytes(new byte[] {(byte) players, (byte) max, 0, 'd', 'l', 0, 1});
        out.writeBytes(version.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        if (edf >= 0) {
            out.write(edf);
            if ((edf & 0x80) != 0) {
                out.writeBytes(new byte[] {(byte) 0x87, 0x69});
            }
            if ((edf & 0x20) != 0) {
                out.writeBytes(keywords.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            if ((edf & 0x01) != 0) {
                out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(gameId).array());
            }
        }
        return out.toByteArray();
    }

    static byte[] challenge(int value) {
        return ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).put((byte) 0x41).putInt(value).array();
    }

    @Test
    void theRequestIsTheDocumented25BytesAndTheChallengeIsAppended() {
        byte[] plain = MinecraftStatusTest.bytes(A2sInfo.request(null));
        assertEquals(25, plain.length);
        assertArrayEquals(new byte[] {-1, -1, -1, -1, 0x54, 'S'}, Arrays.copyOf(plain, 6));
        assertEquals(0, plain[24]);
        byte[] withChallenge = MinecraftStatusTest.bytes(A2sInfo.request(new byte[] {1, 2, 3, 4}));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(withChallenge, 25, 29));
    }

    @Test
    void aReplyGivesGameNameMapVersionAndCounts() throws BadReply {
        byte[] reply = info("My \u202Eserver\u0007", "de_dust2", "Counter-Strike 2", 730, 12, 24, "1.40.0.0", 0x80, null, 0);
        Service s = A2sInfo.parseInfo(ByteBuffer.wrap(reply, 5, reply.length - 5).slice());
        assertEquals(new Service("Counter-Strike 2", "My server", "1.40.0.0", "de_dust2", 12, 24), s);
    }

    @Test
    void rustsCountsComeFromItsKeywordsWhenTheGameIdSaysRust() throws BadReply {
        byte[] reply = info("Rust server", "Procedural Map", "Rust", 252490 & 0xFFFF, 0, 0, "2566", 0x21,
                "mp200,cp57,qp0,v2566,born1700000000", 252490);
        Service s = A2sInfo.parseInfo(ByteBuffer.wrap(reply, 5, reply.length - 5).slice());
        assertEquals(57, s.players());
        assertEquals(200, s.maxPlayers());
    }

    @Test
    void aTruncatedReplyIsAFailureNotACrash() {
        byte[] reply = info("n", "m", "g", 1, 1, 2, "v", 0xA1, "k", 5);
        int withoutExtras = info("n", "m", "g", 1, 1, 2, "v", -1, null, 0).length; // the extra data is optional
        for (int cut = 5; cut < reply.length; cut++) {
            A2sInfo c = new A2sInfo();
            c.open(0);
            Step step = c.receive(ByteBuffer.wrap(Arrays.copyOf(reply, cut)), 1);
            Class<?> expected = cut == withoutExtras ? Step.Answered.class : Step.Failed.class;
            assertEquals(expected, step.getClass(), "cut at " + cut);
        }
    }

    @Test
    void theChallengeIsAnsweredAndTheRoundTripStartsAtTheAnswer() {
        A2sInfo c = new A2sInfo();
        c.open(0);
        Step.Send resend = assertInstanceOf(Step.Send.class, c.receive(ByteBuffer.wrap(challenge(0x04030201)), 1_000));
        byte[] sent = MinecraftStatusTest.bytes(resend.bytes());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(sent, 25, 29));
        byte[] reply = info("n", "m", "g", 1, 1, 2, "v", -1, null, 0);
        Step.Answered a = assertInstanceOf(Step.Answered.class, c.receive(ByteBuffer.wrap(reply), 3_000));
        assertEquals(2_000, a.appLatency().toNanos());
    }

    @Test
    void endlessChallengesEndInAFailure() {
        A2sInfo c = new A2sInfo();
        c.open(0);
        for (int i = 0; i < A2sInfo.MAX_CHALLENGES; i++) {
            assertInstanceOf(Step.Send.class, c.receive(ByteBuffer.wrap(challenge(i)), i));
        }
        assertEquals(new Step.Failed("the server kept sending challenges (4)"),
                c.receive(ByteBuffer.wrap(challenge(99)), 99));
    }

    @Test
    void aSplitReplyIsReassembledInAnyOrder() {
        byte[] reply = info("split server", "cp_badlands", "Team Fortress", 440, 20, 24, "8835751", 0xA1,
                "k".repeat(3000), 440);
        ByteBuffer[] parts = SplitReply.split(reply, 7, 1200);
        A2sInfo c = new A2sInfo();
        c.open(0);
        assertEquals(Step.AWAIT, c.receive(parts[2], 1));
        assertEquals(Step.AWAIT, c.receive(parts[0], 2));
        Step.Answered a = assertInstanceOf(Step.Answered.class, c.receive(parts[1], 3));
        assertEquals("split server", a.service().name());
    }

    @Test
    void aCompressedSplitReplyIsNamedAsNotSupported() {
        ByteBuffer part = SplitReply.split(new byte[100], 0x80000001, 1200)[0];
        A2sInfo c = new A2sInfo();
        c.open(0);
        assertEquals(new Step.Failed("compressed split replies are not supported"), c.receive(part, 1));
    }

    @Test
    void anotherProtocolsReplyIsRefused() {
        A2sInfo c = new A2sInfo();
        c.open(0);
        assertEquals(new Step.Failed("not an A2S reply"), c.receive(ByteBuffer.wrap(new byte[65_000]), 1));
    }
}
