package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.check.Conversation;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The service's round trip (the agent's portdeck_allocation_service_round_trip_seconds, probe's "service N ms") is
 * timed from the moment the question is written to the read that brings its answer. On a busy selector the answer
 * is often read in the same wake-up that wrote the question (its bytes were already there, or came while other
 * sockets were served): timed from that wake-up's one timestamp it read 0 or less, which is what the agent showed
 * as 0.0 on a loaded machine. Each test drives one check's {@link Exchange} as the prober's selector thread does,
 * over real loopback sockets, with a wake-up timestamp taken well before the socket's turn.
 */
class ServiceRoundTripTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long TIMEOUT = Duration.ofSeconds(5).toNanos();

    @Test
    void anA2sAnswerReadInTheWakeUpThatAnsweredTheChallengeIsTimedFromThatAnswer() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, LOOPBACK); Selector selector = Selector.open()) {
            server.setSoTimeout(5000);
            Exchange exchange = new Exchange(Conversation.first(Check.A2S, "127.0.0.1", server.getLocalPort(), null),
                    "127.0.0.1", LOOPBACK, server.getLocalPort(), TIMEOUT);
            assertNull(exchange.start(selector, null), "the question is sent, no answer yet");
            DatagramPacket question = new DatagramPacket(new byte[1500], 1500);
            server.receive(question);
            long wakeUp = System.nanoTime(); // the selector woke up, and served other sockets first
            Thread.sleep(50);
            // The challenge and the reply are both queued when the check's turn comes (a loopback send is delivered
            // before it returns): the reply is read in the same wake-up, after the challenge was answered.
            byte[] challenge = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).put((byte) 0x41)
                    .putInt(0x1234).array();
            server.send(new DatagramPacket(challenge, challenge.length, question.getSocketAddress()));
            byte[] info = a2sInfo();
            server.send(new DatagramPacket(info, info.length, question.getSocketAddress()));
            assertEquals(1, selector.select(5000));

            Outcome.Open open = readyWithin(exchange, wakeUp);
            assertEquals(7, open.service().players());
            DatagramPacket answered = new DatagramPacket(new byte[1500], 1500);
            server.receive(answered);
            assertEquals(29, answered.getLength(), "the question again, with the challenge");
            exchange.close();
        }
    }

    @Test
    void aMinecraftPongReadInTheWakeUpThatSentThePingIsTimedFromThePing() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK); Selector selector = Selector.open()) {
            Exchange exchange = new Exchange(Conversation.first(Check.MINECRAFT, "127.0.0.1", server.getLocalPort(),
                    null), "127.0.0.1", LOOPBACK, server.getLocalPort(), TIMEOUT);
            assertNull(exchange.start(selector, null));
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(5000);
                awaitHandshake(exchange, selector, peer.getInputStream());
                long wakeUp = System.nanoTime();
                Thread.sleep(50);
                // The status, and a pong for the ping the check will send in answer: its payload is the time the
                // status was read, which is this wake-up's timestamp. Both are waiting when the socket's turn comes.
                byte[] status = statusPacket();
                byte[] pong = ByteBuffer.allocate(10).put((byte) 9).put((byte) 0x01).putLong(wakeUp).array();
                OutputStream out = peer.getOutputStream();
                out.write(status);
                out.write(pong);
                out.flush();
                Thread.sleep(50);
                selector.selectedKeys().clear();
                assertEquals(1, selector.select(5000));
                // One read per buffer: the status first, the pong on the next read of the same wake-up.
                long before = System.nanoTime();
                Outcome outcome = exchange.ready(wakeUp, ByteBuffer.allocate(status.length));
                long after = System.nanoTime();
                Outcome.Open open = assertInstanceOf(Outcome.Open.class, outcome);
                assertEquals(20, open.service().maxPlayers());
                assertRoundTripWithin(open, before, after);
                byte[] ping = peer.getInputStream().readNBytes(10);
                assertEquals(0x01, ping[1], "the check sent its ping");
            }
            exchange.close();
        }
    }

    /** Serves the socket's turn; the round trip must lie inside the call that wrote the question and read the answer. */
    private static Outcome.Open readyWithin(Exchange exchange, long wakeUp) {
        long before = System.nanoTime();
        Outcome outcome = exchange.ready(wakeUp, ByteBuffer.allocate(8192));
        long after = System.nanoTime();
        Outcome.Open open = assertInstanceOf(Outcome.Open.class, outcome);
        assertRoundTripWithin(open, before, after);
        return open;
    }

    private static void assertRoundTripWithin(Outcome.Open open, long before, long after) {
        Duration rtt = open.appLatency();
        assertNotNull(rtt, "the round trip was timed");
        assertTrue(rtt.toNanos() > 0, "a real round trip takes time, not " + rtt.toNanos() + " ns");
        assertTrue(rtt.toNanos() <= after - before, "timed from the question, not from the wake-up 50 ms earlier: "
                + rtt.toNanos() + " ns > " + (after - before) + " ns");
    }

    /** Serves the socket until the check's handshake and status request (18 bytes for 127.0.0.1) have arrived. */
    private static void awaitHandshake(Exchange exchange, Selector selector, InputStream in) throws Exception {
        int got = 0;
        long deadline = System.nanoTime() + TIMEOUT;
        while (got < 18) {
            assertTrue(System.nanoTime() < deadline, "the handshake came in time");
            if (in.available() > 0) {
                got += in.read(new byte[in.available()]);
            } else {
                selector.select(20);
                selector.selectedKeys().clear();
                assertNull(exchange.ready(System.nanoTime(), ByteBuffer.allocate(8192)));
            }
        }
        assertEquals(18, got);
    }

    private static byte[] statusPacket() {
        byte[] json = ("{\"version\":{\"name\":\"Paper 1.20.4\",\"protocol\":765},\"players\":{\"max\":20,\"online\":3},"
                + "\"description\":\"Survival\"}").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(json.length); // under 128: a one-byte VarInt
        body.writeBytes(json);
        assertTrue(body.size() < 128, "a one-byte length");
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    /** An A2S_INFO reply: "Island" on map "dl", 7 of 10 players. */
    private static byte[] a2sInfo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {-1, -1, -1, -1, 0x49, 17});
        for (String s : new String[] {"Island", "dl", "folder", "Game"}) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        out.writeBytes(new byte[] {10, 0, 7, 10, 0, 'd', 'l', 0, 1});
        out.writeBytes("1.0".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }
}
