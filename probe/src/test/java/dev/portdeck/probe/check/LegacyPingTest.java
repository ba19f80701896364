package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LegacyPingTest {

    static byte[] kick(String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16BE);
        ByteBuffer b = ByteBuffer.allocate(3 + utf16.length);
        b.put((byte) 0xFF).putShort((short) text.length()).put(utf16);
        return b.array();
    }

    @Test
    void theRequestIsThe16PingWithTheHostAndPort() {
        byte[] r = LegacyPing.request("a", 25565);
        byte[] head = {(byte) 0xFE, 0x01, (byte) 0xFA, 0x00, 0x0B};
        assertArrayEquals(head, Arrays.copyOf(r, 5));
        assertEquals("MC|PingHost", new String(r, 5, 22, StandardCharsets.UTF_16BE));
        ByteBuffer rest = ByteBuffer.wrap(r, 27, r.length - 27);
        assertEquals(7 + 2, rest.getShort()); // protocol byte, host length, host, port
        assertEquals(LegacyPing.LEGACY_PROTOCOL, rest.get());
        assertEquals(1, rest.getShort());
        assertEquals('a', rest.getChar());
        assertEquals(25565, rest.getInt());
        assertEquals(0, rest.remaining());
    }

    @Test
    void theModernKickFormatGivesVersionMotdAndCounts() throws BadReply {
        byte[] k = kick("§1\u000074\u00001.6.4\u0000§aOld §lserver\u00005\u000010");
        assertEquals(new Service("Minecraft", "Old server", "1.6.4", null, 5, 10), LegacyPing.parse(k, k.length));
    }

    @Test
    void theBefore14FormatGivesMotdAndCounts() throws BadReply {
        byte[] k = kick("A Minecraft Server§2§20");
        assertEquals(new Service("Minecraft", "A Minecraft Server", null, null, 2, 20), LegacyPing.parse(k, k.length));
    }

    @Test
    void aCutOffAnswerWaitsForTheRest() throws BadReply {
        byte[] k = kick("A Minecraft Server§2§20");
        assertNull(LegacyPing.parse(k, k.length - 1));
        assertNull(LegacyPing.parse(k, 2));
    }

    @Test
    void anUnpairedSurrogateIsInvalidUtf16() {
        byte[] k = kick("motd§1§2");
        k[3] = (byte) 0xD8; // 'm' becomes the high half of a pair with no low half
        k[4] = 0x00;
        BadReply e = assertThrows(BadReply.class, () -> LegacyPing.parse(k, k.length));
        assertEquals("the answer is not valid UTF-16", e.getMessage());
    }

    @Test
    void anythingButAKickPacketIsRefusedAtTheFirstByte() {
        BadReply e = assertThrows(BadReply.class, () -> LegacyPing.parse(new byte[] {0x48, 0x54}, 2));
        assertEquals("not a kick packet (first byte 0x48)", e.getMessage());
    }

    @Test
    void aHugeCharacterCountIsRefusedBeforeReadingIt() {
        BadReply e = assertThrows(BadReply.class,
                () -> LegacyPing.parse(new byte[] {(byte) 0xFF, 0x7F, (byte) 0xFF}, 3));
        assertEquals("an answer of 32767 characters", e.getMessage());
    }

    @Test
    void theConversationTimesRequestToAnswer() {
        LegacyPing c = new LegacyPing("h", 1, "why");
        c.open(1_000);
        Step.Answered a = assertInstanceOf(Step.Answered.class, c.receive(ByteBuffer.wrap(kick("m§1§2")), 5_000));
        assertEquals(4_000, a.appLatency().toNanos());
    }
}
