package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Servers that misbehave on purpose: each check ends in a clear state with a reason, within its timeout, and the
 * prober stays healthy. Hostile fixtures live here; valid servers are independent implementations elsewhere.
 */
class HostileRepliesTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    @AutoClose
    private static final Prober prober = new Prober(64);

    private record Timed(Outcome outcome, long millis) { }

    private static Timed probe(Check check, int port) throws Exception {
        long start = System.nanoTime();
        ProbeResult r = prober.probe(new Target("127.0.0.1", port, null, check), TIMEOUT).get(15, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < TIMEOUT.toMillis() + 3000, "ended within the timeout: " + millis + " ms");
        return new Timed(r.outcome(), millis);
    }

    private static String unresponsive(Check check, int port) throws Exception {
        return assertInstanceOf(Outcome.Unresponsive.class, probe(check, port).outcome()).reason();
    }

    /** Minecraft fixtures: the 1.7+ connection gets {@code modern}; a 1.6 ping (first byte FE) gets {@code legacy}. */
    private static Fixtures.Tcp minecraft(Fixtures.Connection modern, Fixtures.Connection legacy) throws IOException {
        return new Fixtures.Tcp((s, in, out) -> {
            PushbackInputStream pushback = new PushbackInputStream(in);
            int first = pushback.read();
            if (first >= 0) {
                pushback.unread(first);
            }
            (first == 0xFE ? legacy : modern).serve(s, pushback, out);
        });
    }

    private static final Fixtures.Connection CLOSE = (s, in, out) -> { };

    @Test
    void aServerThatAcceptsAndNeverSpeaksIsUnresponsiveAtTheDeadline() throws Exception {
        try (Fixtures.Tcp hung = new Fixtures.Tcp((s, in, out) -> Fixtures.hang(in))) {
            Timed t = probe(Check.MINECRAFT, hung.port());
            Outcome.Unresponsive u = assertInstanceOf(Outcome.Unresponsive.class, t.outcome());
            assertEquals("no status reply in time", u.reason());
            assertTrue(t.millis() >= TIMEOUT.toMillis() - 5, "waited for the deadline: " + t.millis());
            assertEquals("no HTTP reply in time", unresponsive(Check.HTTP, hung.port()));
            assertEquals("/dynamic.json: no complete reply in time", unresponsive(Check.FIVEM, hung.port()));
        }
    }

    @Test
    void aVarIntThatNeverEndsIsRefusedAndTheLegacyPingTriedToo() throws Exception {
        byte[] endless = new byte[64 * 1024];
        Arrays.fill(endless, (byte) 0x80);
        Fixtures.Connection flood = (s, in, out) -> {
            out.write(endless);
            Fixtures.hang(in);
        };
        try (Fixtures.Tcp server = new Fixtures.Tcp(flood)) {
            assertEquals("a VarInt longer than 5 bytes; the 1.6 ping: not a kick packet (first byte 0x80)",
                    unresponsive(Check.MINECRAFT, server.port()));
        }
    }

    @Test
    void aHugeStatusIsRefusedAtItsLengthWithoutReadingIt() throws Exception {
        byte[] json = ("{\"description\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Fixtures.Tcp server = minecraft((s, in, out) -> {
            out.write(statusPacket(json));
            Fixtures.hang(in);
        }, CLOSE)) {
            String reason = unresponsive(Check.MINECRAFT, server.port());
            assertTrue(reason.startsWith("status too large (200"), reason);
            assertTrue(reason.endsWith("; the 1.6 ping: closed without an answer"), reason);
        }
    }

    @Test
    void invalidUtf8InTheStatusIsNamed() throws Exception {
        byte[] json = "{\"description\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1); // é as one byte
        try (Fixtures.Tcp server = minecraft((s, in, out) -> out.write(statusPacket(json)), CLOSE)) {
            assertEquals("the status is not valid UTF-8; the 1.6 ping: closed without an answer",
                    unresponsive(Check.MINECRAFT, server.port()));
        }
    }

    @Test
    void invalidUtf16InTheLegacyAnswerIsNamed() throws Exception {
        byte[] kick = {(byte) 0xFF, 0x00, 0x02, (byte) 0xDC, 0x00, 0x00, 0x41}; // a low surrogate alone
        try (Fixtures.Tcp server = minecraft(CLOSE, (s, in, out) -> out.write(kick))) {
            assertEquals("closed the connection without a status; the 1.6 ping: the answer is not valid UTF-16",
                    unresponsive(Check.MINECRAFT, server.port()));
        }
    }

    @Test
    void aStatusCutOffByTheServerIsNamed() throws Exception {
        byte[] whole = statusPacket("{\"description\":\"cut\"}".getBytes(StandardCharsets.UTF_8));
        try (Fixtures.Tcp server = minecraft((s, in, out) -> out.write(whole, 0, whole.length / 2), CLOSE)) {
            assertEquals("closed the connection in the middle of the status; the 1.6 ping: closed without an answer",
                    unresponsive(Check.MINECRAFT, server.port()));
        }
    }

    @Test
    void sixtyFourKibibytesOfNoiseEndQuickly() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        noise[0] = 0x7F; // a plausible first length, so the noise is read as a packet first
        try (Fixtures.Tcp server = new Fixtures.Tcp((s, in, out) -> out.write(noise))) {
            Timed t = probe(Check.MINECRAFT, server.port());
            assertInstanceOf(Outcome.Unresponsive.class, t.outcome());
            assertInstanceOf(Outcome.Unresponsive.class, probe(Check.HTTP, server.port()).outcome());
            assertInstanceOf(Outcome.Unresponsive.class, probe(Check.FIVEM, server.port()).outcome());
        }
    }

    @Test
    void aPongWithTheWrongNumberKeepsTheStatusButNoRoundTrip() throws Exception {
        try (Fixtures.Tcp server = minecraft((s, in, out) -> {
            skipFrame(in); // the handshake
            skipFrame(in); // the status request
            out.write(statusPacket("{\"description\":\"ok\",\"players\":{\"online\":1,\"max\":5}}"
                    .getBytes(StandardCharsets.UTF_8)));
            byte[] ping = in.readNBytes(10);
            ping[9] ^= 0x55;
            out.write(ping);
            Fixtures.hang(in);
        }, CLOSE)) {
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.MINECRAFT, server.port()).outcome());
            assertNull(open.appLatency());
            assertEquals("ok", open.service().name());
            assertEquals(5, open.service().maxPlayers());
        }
    }

    @Test
    void httpHeadersThatNeverEndAreUnresponsive() throws Exception {
        try (Fixtures.Tcp server = new Fixtures.Tcp((s, in, out) -> {
            out.write("HTTP/1.1 200 OK\r\nServer: slow\r\n".getBytes(StandardCharsets.US_ASCII));
            Fixtures.hang(in);
        })) {
            assertEquals("no complete HTTP headers in time", unresponsive(Check.HTTP, server.port()));
        }
    }

    @Test
    void aFivemBodyThatNeverComesIsUnresponsiveAtTheDeadline() throws Exception {
        try (Fixtures.Tcp server = new Fixtures.Tcp((s, in, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            Fixtures.hang(in);
        })) {
            assertEquals("/dynamic.json: no complete reply in time", unresponsive(Check.FIVEM, server.port()));
        }
    }

    // ---- UDP ----

    private static byte[] pong(byte[] ping, boolean echo, boolean magic) {
        String ad = "MCPE;Hostile;649;1.20.62;0;10;1;level;Survival;1;19132;19133;";
        ByteBuffer b = ByteBuffer.allocate(35 + ad.length());
        b.put((byte) 0x1C).putLong(ByteBuffer.wrap(ping, 1, 8).getLong() + (echo ? 0 : 1)).putLong(5);
        byte[] m = Arrays.copyOfRange(ping, 9, 25);
        if (!magic) {
            m[0] = 0x01;
        }
        b.put(m).putShort((short) ad.length()).put(ad.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    @Test
    void aBedrockPongWithoutTheMagicIsUnresponsive() throws Exception {
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(pong(req, true, false)))) {
            assertEquals("the pong lacks RakNet's magic", unresponsive(Check.BEDROCK, server.port()));
        }
    }

    @Test
    void aBedrockPongThatDoesNotEchoOurTimeIsUnresponsive() throws Exception {
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(pong(req, false, true)))) {
            assertEquals("the pong does not echo our time", unresponsive(Check.BEDROCK, server.port()));
        }
    }

    @Test
    void aSixtyFourKibibyteDatagramIsUnresponsiveNotACrash() throws Exception {
        byte[] big = new byte[65_000];
        new Random(3).nextBytes(big);
        big[0] = 0x42;
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(big))) {
            assertEquals("not a RakNet pong (id 0x42)", unresponsive(Check.BEDROCK, server.port()));
            assertEquals("not an A2S reply", unresponsive(Check.A2S, server.port()));
        }
    }

    @Test
    void endlessChallengesEndAfterThreeAnswers() throws Exception {
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(ByteBuffer.allocate(9)
                .order(ByteOrder.LITTLE_ENDIAN).putInt(-1).put((byte) 0x41).putInt(n).array()))) {
            assertEquals("the server kept sending challenges (4)", unresponsive(Check.A2S, server.port()));
            assertEquals(4, server.arrivals.size(), "the first request and three answers to challenges");
        }
    }

    @Test
    void aFloodOfSplitPartsThatNeverCompleteEnds() throws Exception {
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> {
            List<byte[]> parts = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                parts.add(ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(-2).putInt(i)
                        .put((byte) 2).put((byte) 0).putShort((short) 1248).array());
            }
            return parts;
        })) {
            assertEquals("more than 64 datagrams without a whole reply", unresponsive(Check.A2S, server.port()));
        }
    }

    @Test
    void aTruncatedA2sReplyIsNamed() throws Exception {
        byte[] reply = {-1, -1, -1, -1, 0x49, 17, 'n', 'a', 'm', 'e'};
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(reply))) {
            assertEquals("a truncated A2S_INFO reply", unresponsive(Check.A2S, server.port()));
        }
    }

    @Test
    void aSilentUdpServiceIsOpenOrFilteredAfterTheTimeout() throws Exception {
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of())) {
            for (Check check : List.of(Check.A2S, Check.BEDROCK, Check.UDP)) {
                Timed t = probe(check, server.port());
                assertEquals(new Outcome.OpenOrFiltered(TIMEOUT), t.outcome(), check.word());
            }
        }
    }

    @Test
    void theProberStillWorksAfterAllThat() throws Exception {
        try (Fixtures.Udp echo = new Fixtures.Udp((req, n) -> List.of(req))) {
            assertInstanceOf(Outcome.Open.class, probe(Check.UDP, echo.port()).outcome());
        }
    }

    // ---- Minecraft framing for the fixtures ----

    static byte[] statusPacket(byte[] json) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        writeVarInt(body, json.length);
        body.writeBytes(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarInt(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeVarInt(ByteArrayOutputStream out, int v) {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** Skips one length-prefixed frame. */
    private static void skipFrame(InputStream in) throws IOException {
        int length = 0;
        for (int shift = 0, b = 0x80; (b & 0x80) != 0 && shift < 35; shift += 7) {
            b = in.read();
            if (b < 0) {
                throw new IOException("the prober closed the connection");
            }
            length |= (b & 0x7F) << shift;
        }
        in.readNBytes(length);
    }
}
