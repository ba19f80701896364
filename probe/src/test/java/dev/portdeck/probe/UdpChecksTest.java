package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The plain udp check and A2S over real loopback datagrams; the pacing of UDP questions per address. */
class UdpChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    @AutoClose
    private static final Prober prober = new Prober(32);

    private static Outcome probe(Check check, int port) throws Exception {
        return prober.probe(new Target("127.0.0.1", port, null, check), TIMEOUT).get(15, TimeUnit.SECONDS).outcome();
    }

    @Test
    void aReplyMeansOpenWithTheTimeToIt() throws Exception {
        List<byte[]> seen = new CopyOnWriteArrayList<>();
        try (Fixtures.Udp echo = new Fixtures.Udp((req, n) -> {
            seen.add(req);
            return List.of(new byte[0]); // even an empty datagram is an answer
        })) {
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.UDP, echo.port()));
            assertTrue(open.latency().compareTo(TIMEOUT) < 0);
            assertNull(open.service());
            assertArrayEquals(Prober.DEFAULT_UDP_PAYLOAD, seen.get(0), "one zero byte by default");
        }
    }

    @Test
    void ipv6WorksLikeIpv4() throws Exception {
        try (Fixtures.Udp echo = new Fixtures.Udp((req, n) -> List.of(req),
                new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            Outcome o = prober.probe(new Target("::1", echo.port(), null, Check.UDP), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            assertInstanceOf(Outcome.Open.class, o);
        }
    }

    @Test
    void aConfiguredPayloadIsWhatIsSent() throws Exception {
        List<byte[]> seen = new CopyOnWriteArrayList<>();
        byte[] payload = "status\n".getBytes(StandardCharsets.US_ASCII);
        try (Fixtures.Udp echo = new Fixtures.Udp((req, n) -> {
            seen.add(req);
            return List.of(req);
        }); Prober custom = new Prober(Prober.Settings.defaults().withMaxInFlight(4).withUdpPayload(payload))) {
            Outcome o = custom.probe(new Target("127.0.0.1", echo.port(), null, Check.UDP), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            assertInstanceOf(Outcome.Open.class, o);
            assertArrayEquals(payload, seen.get(0));
        }
    }

    @Test
    void aPortWithNothingBoundIsClosedByTheIcmpReply() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = s.getLocalPort();
        }
        for (Check check : List.of(Check.UDP, Check.A2S, Check.BEDROCK)) {
            assertInstanceOf(Outcome.Closed.class, probe(check, port), check.word());
        }
    }

    static byte[] info(String name, String map, int players, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {-1, -1, -1, -1, 0x49, 17});
        for (String s : new String[] {name, map, "tf", "Team Fortress"}) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        out.writeBytes(new byte[] {(byte) 0xB8, 0x01, (byte) players, (byte) max, 0, 'd', 'l', 0, 1});
        out.writeBytes("9150000\0".getBytes(StandardCharsets.US_ASCII));
        out.write(0x20); // EDF: keywords only, long enough to need a split reply
        out.writeBytes(("payload," + "x".repeat(2500)).getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        return out.toByteArray();
    }

    /** An A2S server as Valve's servers behave since 2020: a challenge first, then the reply, split in 1,200-byte parts. */
    static Fixtures.Datagrams a2sWithChallenge(List<byte[]> requests) {
        byte[] challenge = {0x11, 0x22, 0x33, 0x44};
        return (req, n) -> {
            requests.add(req);
            if (req.length == 25) {
                return List.of(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).put((byte) 0x41)
                        .put(challenge).array());
            }
            if (req.length != 29 || !Arrays.equals(challenge, Arrays.copyOfRange(req, 25, 29))) {
                return List.of();
            }
            byte[] reply = info("Split & challenged", "cp_badlands", 17, 24);
            List<byte[]> parts = new ArrayList<>();
            int total = (reply.length + 1199) / 1200;
            for (int i = total - 1; i >= 0; i--) { // last part first
                int from = i * 1200;
                int len = Math.min(1200, reply.length - from);
                parts.add(ByteBuffer.allocate(12 + len).order(ByteOrder.LITTLE_ENDIAN).putInt(-2).putInt(77)
                        .put((byte) total).put((byte) i).putShort((short) 1248).put(reply, from, len).array());
            }
            return parts;
        };
    }

    @Test
    void a2sAnswersTheChallengeAndReassemblesTheSplitReply() throws Exception {
        List<byte[]> requests = new CopyOnWriteArrayList<>();
        try (Fixtures.Udp server = new Fixtures.Udp(a2sWithChallenge(requests))) {
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.A2S, server.port()));
            assertEquals(new Service("Team Fortress", "Split & challenged", "9150000", "cp_badlands", 17, 24),
                    open.service());
            assertNotNull(open.appLatency());
            assertEquals(2, requests.size(), "the request, then the request with the challenge");
        }
    }

    @Test
    void newQuestionsToOneAddressAreSpacedByTheGap() throws Exception {
        Duration gap = Duration.ofMillis(40);
        int count = 6;
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(req));
                Prober paced = new Prober(Prober.Settings.defaults().withMaxInFlight(64).withUdpGap(gap))) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                targets.add(new Target("127.0.0.1", server.port(), "q" + i, Check.UDP));
            }
            long start = System.nanoTime();
            List<ProbeResult> results = paced.sweep(targets, TIMEOUT, null).get(30, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            results.forEach(r -> assertInstanceOf(Outcome.Open.class, r.outcome()));
            assertEquals(count, server.arrivals.size());
            assertTrue(millis >= (count - 1) * gap.toMillis(), "the last question waited its turn: " + millis + " ms");
            long span = (server.arrivals.get(count - 1) - server.arrivals.get(0)) / 1_000_000;
            assertTrue(span >= (count - 1) * gap.toMillis() - 20, "spread over " + span + " ms");
            // each result is stamped when its question went, not when the sweep began: waiting is not latency
            long stamped = Duration.between(results.get(0).time(), results.get(count - 1).time()).toMillis();
            assertTrue(stamped >= (count - 1) * gap.toMillis() - 5, "stamped " + stamped + " ms apart");
        }
    }

    @Test
    void theGapHoldsWhenSeveralSelectorThreadsShareTheQuestionsToOneAddress() throws Exception {
        Duration gap = Duration.ofMillis(1);
        int count = 600; // more than one thread's batch: the second thread takes part of them
        try (Fixtures.Udp server = new Fixtures.Udp((req, n) -> List.of(req));
                Prober paced = new Prober(Prober.Settings.defaults().withMaxInFlight(1024).withUdpGap(gap)
                        .withSelectorThreads(3))) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                targets.add(new Target("127.0.0.1", server.port(), "q" + i, Check.UDP));
            }
            List<ProbeResult> results = paced.sweep(targets, TIMEOUT, null).get(30, TimeUnit.SECONDS);
            results.forEach(r -> assertInstanceOf(Outcome.Open.class, r.outcome()));
            assertEquals(count, server.arrivals.size());
            long span = (server.arrivals.get(count - 1) - server.arrivals.get(0)) / 1_000_000;
            assertTrue(span >= (count - 1) * gap.toMillis() - 20, "spread over " + span + " ms, not in bursts");
        }
    }
}
