package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BedrockPingTest {

    static ByteBuffer pong(long time, byte[] magic, String advertisement) {
        byte[] text = advertisement.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 16 + 2 + text.length);
        b.put((byte) 0x1C).putLong(time).putLong(42).put(magic).putShort((short) text.length).put(text);
        return b.flip();
    }

    static final String AD = "MCPE;§bDedicated Server;649;1.20.62;2;10;13253860892328930865;Bedrock level;Survival;1;19132;19133;";

    @Test
    void thePingIsIdTimeMagicAndGuid() {
        ByteBuffer r = BedrockPing.request(0x0102030405060708L, 7);
        assertEquals(33, r.remaining());
        assertEquals(0x01, r.get());
        assertEquals(0x0102030405060708L, r.getLong());
        byte[] magic = new byte[16];
        r.get(magic);
        assertArrayEquals(BedrockPing.MAGIC, magic);
        assertEquals(7, r.getLong());
    }

    @Test
    void aPongWithOurTimeAndTheMagicGivesTheAdvertisement() throws BadReply {
        Service s = BedrockPing.parse(pong(99, BedrockPing.MAGIC, AD), 99);
        assertEquals(new Service("Minecraft Bedrock", "Dedicated Server", "1.20.62", "Bedrock level", 2, 10), s);
    }

    @Test
    void aPongThatDoesNotEchoOurTimeIsRefused() {
        BadReply e = assertThrows(BadReply.class, () -> BedrockPing.parse(pong(98, BedrockPing.MAGIC, AD), 99));
        assertEquals("the pong does not echo our time", e.getMessage());
    }

    @Test
    void aPongWithoutTheMagicIsRefused() {
        byte[] wrong = BedrockPing.MAGIC.clone();
        wrong[15] ^= 1;
        BadReply e = assertThrows(BadReply.class, () -> BedrockPing.parse(pong(99, wrong, AD), 99));
        assertEquals("the pong lacks RakNet's magic", e.getMessage());
    }

    @Test
    void truncatedAndForeignDatagramsAreRefused() {
        ByteBuffer whole = pong(99, BedrockPing.MAGIC, AD);
        ByteBuffer cut = ByteBuffer.wrap(Arrays.copyOf(whole.array(), 40));
        assertEquals("a truncated RakNet pong", assertThrows(BadReply.class, () -> BedrockPing.parse(cut, 99)).getMessage());
        ByteBuffer big = ByteBuffer.allocate(65_000);
        assertEquals("not a RakNet pong (id 0x00)",
                assertThrows(BadReply.class, () -> BedrockPing.parse(big, 99)).getMessage());
    }

    @Test
    void anAdvertisementOfAnotherKindIsRefused() {
        assertThrows(BadReply.class, () -> BedrockPing.parse(pong(99, BedrockPing.MAGIC, "hello;world"), 99));
    }

    @Test
    void theConversationAnswersWithTheRoundTrip() {
        BedrockPing c = new BedrockPing();
        ByteBuffer sent = ((Step.Send) c.open(5_000_000)).bytes();
        long time = sent.getLong(1);
        Step.Answered a = assertInstanceOf(Step.Answered.class, c.receive(pong(time, BedrockPing.MAGIC, AD), 7_000_000));
        assertEquals(2_000_000, a.appLatency().toNanos());
    }
}
