package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Service;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MinecraftStatusTest {

    /** A status response packet (length, id 0, string) around raw bytes. */
    static byte[] statusPacket(byte[] json) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        VarInt.write(body, json.length);
        body.write(json, 0, json.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VarInt.write(out, body.size());
        out.write(body.toByteArray(), 0, body.size());
        return out.toByteArray();
    }

    static byte[] statusPacket(String json) {
        return statusPacket(json.getBytes(StandardCharsets.UTF_8));
    }

    static final String STATUS = "{\"version\":{\"name\":\"Paper 1.20.4\",\"protocol\":765},"
            + "\"players\":{\"max\":20,\"online\":3,\"sample\":[]},"
            + "\"description\":{\"text\":\"\",\"extra\":[{\"text\":\"§aSurvival\",\"bold\":true},{\"text\":\" §7island\"}]}}";

    @Test
    void theRequestIsAHandshakeWithProtocol47AndNextStateOneThenAStatusRequest() {
        byte[] expected = {
            0x0f, 0x00, 0x2f, 0x09, 'l', 'o', 'c', 'a', 'l', 'h', 'o', 's', 't', 0x63, (byte) 0xdd, 0x01, // handshake
            0x01, 0x00}; // status request
        assertArrayEquals(expected, MinecraftStatus.request("localhost", 25565));
    }

    @Test
    void theStatusBecomesAServiceWithTheChatComponentFlattenedAndColoursGone() throws BadReply {
        Service s = MinecraftStatus.parseStatus(packetBody(statusPacket(STATUS)));
        assertEquals(new Service("Minecraft", "Survival island", "Paper 1.20.4", null, 3, 20), s);
    }

    @Test
    void aPlainStringDescriptionAndATranslatedOneAreReadToo() throws BadReply {
        assertEquals("Hello", MinecraftStatus.parseStatus(packetBody(statusPacket(
                "{\"description\":\"§lHello\",\"players\":{}}"))).name());
        assertEquals("multiplayer.status.unknown", MinecraftStatus.parseStatus(packetBody(statusPacket(
                "{\"description\":{\"translate\":\"multiplayer.status.unknown\"}}"))).name());
    }

    @Test
    void invalidUtf8InTheStatusIsRefused() {
        byte[] json = "{\"description\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        json[17] = (byte) 0xC3; // a lead byte without its continuation
        BadReply e = assertThrows(BadReply.class, () -> MinecraftStatus.parseStatus(packetBody(statusPacket(json))));
        assertEquals("the status is not valid UTF-8", e.getMessage());
    }

    @Test
    void aStatusThatIsNotJsonIsRefused() {
        BadReply e = assertThrows(BadReply.class,
                () -> MinecraftStatus.parseStatus(packetBody(statusPacket("<html>"))));
        assertEquals("the status is not valid JSON", e.getMessage());
    }

    @Test
    void deeplyNestedJsonIsRefusedNotRecursedInto() {
        String deep = "{\"description\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThrows(BadReply.class, () -> MinecraftStatus.parseStatus(packetBody(statusPacket(deep))));
    }

    @Test
    void aPacketThatClaimsToBeHugeIsRefusedAtItsLength() {
        Inbox inbox = inbox(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0x7f, 0x00}); // 2 MiB
        BadReply e = assertThrows(BadReply.class, () -> MinecraftStatus.nextPacket(inbox));
        assertTrue(e.getMessage().startsWith("status too large"), e.getMessage());
    }

    @Test
    void aPacketIsTakenOnlyOnceAllOfItIsHere() throws BadReply {
        byte[] packet = statusPacket(STATUS);
        Inbox inbox = inbox(Arrays.copyOf(packet, packet.length - 1));
        assertNull(MinecraftStatus.nextPacket(inbox));
        inbox.add(ByteBuffer.wrap(packet, packet.length - 1, 1));
        assertArrayEquals(packetBody(packet), MinecraftStatus.nextPacket(inbox));
        assertEquals(0, inbox.length());
    }

    @Test
    void theConversationPingsAfterTheStatusAndTimesThePong() {
        MinecraftStatus c = new MinecraftStatus("mc.example", 25565);
        assertInstanceOf(Step.Send.class, c.open(0));
        Step ping = c.receive(ByteBuffer.wrap(statusPacket(STATUS)), 1_000_000);
        byte[] sent = bytes(assertInstanceOf(Step.Send.class, ping).bytes());
        assertEquals(10, sent.length);
        assertEquals(0x01, sent[1]);
        byte[] pong = sent.clone(); // a pong echoes the ping's long
        Step.Answered answered = assertInstanceOf(Step.Answered.class, c.receive(ByteBuffer.wrap(pong), 4_000_000));
        assertEquals(Duration.ofMillis(3), answered.appLatency());
        assertEquals("Survival island", answered.service().name());
    }

    @Test
    void aPongWithAnotherNumberKeepsTheStatusButReportsNoRoundTrip() {
        MinecraftStatus c = new MinecraftStatus("mc.example", 25565);
        c.open(0);
        byte[] sent = bytes(((Step.Send) c.receive(ByteBuffer.wrap(statusPacket(STATUS)), 1)).bytes());
        sent[9] ^= 1;
        Step.Answered answered = assertInstanceOf(Step.Answered.class, c.receive(ByteBuffer.wrap(sent), 2));
        assertNull(answered.appLatency());
        assertEquals(20, answered.service().maxPlayers());
    }

    @Test
    void garbageFallsBackToTheLegacyPingOnANewConnection() {
        MinecraftStatus c = new MinecraftStatus("mc.example", 25565);
        c.open(0);
        byte[] endless = new byte[16];
        Arrays.fill(endless, (byte) 0x80);
        Step.Reconnect next = assertInstanceOf(Step.Reconnect.class, c.receive(ByteBuffer.wrap(endless), 1));
        assertInstanceOf(LegacyPing.class, next.next());
        Step.Failed failed = assertInstanceOf(Step.Failed.class, next.next().endOfStream(2));
        assertEquals("a VarInt longer than 5 bytes; the 1.6 ping: closed without an answer", failed.reason());
    }

    @Test
    void silenceIsAFailureAtTheDeadlineWithoutAFallback() {
        MinecraftStatus c = new MinecraftStatus("mc.example", 25565);
        c.open(0);
        assertEquals(new Step.Failed("no status reply in time"), c.timeUp(1));
    }

    static byte[] packetBody(byte[] packet) {
        try {
            return MinecraftStatus.nextPacket(inbox(packet));
        } catch (BadReply e) {
            throw new AssertionError(e);
        }
    }

    static Inbox inbox(byte[] bytes) {
        Inbox inbox = new Inbox(1 << 20);
        inbox.add(ByteBuffer.wrap(bytes));
        return inbox;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
