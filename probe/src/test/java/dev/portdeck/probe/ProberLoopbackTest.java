package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ProberLoopbackTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    @AutoClose
    private static final Prober prober = new Prober();

    private static ProbeResult probe(Target target) throws Exception {
        return prober.probe(target, TIMEOUT).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aListeningPortIsOpenWithItsConnectTime() throws Exception {
        try (ServerSocket server = Loopback.listen(false)) {
            Instant before = Instant.now();
            ProbeResult result = probe(Target.of("127.0.0.1", server.getLocalPort()));
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, result.outcome());
            assertTrue(open.latency().compareTo(Duration.ZERO) > 0 && open.latency().compareTo(TIMEOUT) < 0);
            assertEquals(InetAddress.getByName("127.0.0.1"), result.address());
            assertTrue(!result.time().isBefore(before.minusMillis(1)), "time is when the attempt started");
        }
    }

    @Test
    void probingAnOpenPortLeavesNoTimeWaitBehind() throws Exception {
        Path table = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(table), "needs Linux's /proc/net/tcp");
        try (ServerSocket server = Loopback.listen(false)) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try {
                    while (accepted.get() < 20) {
                        server.accept().close(); // the listener closes too, as a game server dropping a bad client
                        accepted.incrementAndGet();
                    }
                } catch (java.io.IOException e) {
                    // the server socket was closed: the test is over
                }
            });
            acceptor.start();
            for (int i = 0; i < 20; i++) {
                assertInstanceOf(Outcome.Open.class, probe(Target.of("127.0.0.1", server.getLocalPort())).outcome());
            }
            acceptor.join(10_000);
            assertEquals(20, accepted.get());
            String port = String.format(":%04X ", server.getLocalPort());
            List<String> timeWait = Files.readAllLines(table).stream()
                    .filter(line -> line.contains(port) && line.trim().split("\\s+")[3].equals("06")).toList();
            assertEquals(List.of(), timeWait, "sockets in TIME_WAIT (state 06) on port " + server.getLocalPort());
        }
    }

    @Test
    void aPortNobodyListensOnIsClosed() throws Exception {
        ProbeResult result = probe(Target.of("127.0.0.1", Loopback.closedPort()));
        assertInstanceOf(Outcome.Closed.class, result.outcome());
        assertEquals("closed", result.outcome().word());
    }

    @Test
    void anIpv6LiteralIsProbedOverIpv6() throws Exception {
        try (ServerSocket server = Loopback.listen(true)) {
            Target target = TargetParser.parse("[::1]:" + server.getLocalPort()).get(0);
            ProbeResult result = probe(target);
            assertInstanceOf(Outcome.Open.class, result.outcome());
            assertEquals(InetAddress.getByName("::1"), result.address());
            assertEquals("::1", result.addressText());
        }
    }

    @Test
    void aHostNameIsResolvedAndTheAddressReported() throws Exception {
        try (ServerSocket server = Loopback.listen(false)) {
            ProbeResult result = probe(Target.of("probe-test.localdomain", server.getLocalPort()));
            assertInstanceOf(Outcome.Open.class, result.outcome());
            assertEquals(InetAddress.getByName("127.0.0.1"), result.address());
        }
    }

    @Test
    void aNameThatDoesNotResolveIsADnsErrorWithoutAnAddress() throws Exception {
        ProbeResult result = probe(Target.of("no-such-host.invalid", 25565));
        Outcome.DnsError error = assertInstanceOf(Outcome.DnsError.class, result.outcome());
        assertTrue(error.reason().contains("no-such-host.invalid"), error.reason());
        assertNull(result.address());
    }

    @Test
    void anImpossibleIpv4AddressIsADnsErrorSaidAsSuchNotLookedUp() throws Exception {
        ProbeResult result = probe(Target.of("999.1.1.1", 25565));
        Outcome.DnsError error = assertInstanceOf(Outcome.DnsError.class, result.outcome());
        assertEquals("'999.1.1.1' is not an IPv4 address (each number is 0-255)", error.reason());
        assertNull(result.address());
    }

    @Test
    void aSweepReportsEveryTargetInOrderAndTellsTheListenerAsResultsArrive() throws Exception {
        try (ServerSocket a = Loopback.listen(false); ServerSocket b = Loopback.listen(false)) {
            int closed = Loopback.closedPort();
            List<Target> targets = List.of(Target.of("127.0.0.1", a.getLocalPort()), Target.of("127.0.0.1", closed),
                    Target.of("127.0.0.1", b.getLocalPort()), Target.of("nowhere.invalid", 80));
            List<String> threads = new CopyOnWriteArrayList<>();
            List<ProbeResult> heard = new CopyOnWriteArrayList<>();
            List<ProbeResult> results = prober.sweep(targets, TIMEOUT, r -> {
                threads.add(Thread.currentThread().getName());
                heard.add(r);
            }).get(10, TimeUnit.SECONDS);
            assertEquals(targets, results.stream().map(ProbeResult::target).toList());
            assertEquals(List.of("open", "closed", "open", "dns-error"),
                    results.stream().map(r -> r.outcome().word()).toList());
            assertEquals(4, heard.size());
            assertTrue(threads.stream().noneMatch(Thread.currentThread().getName()::equals), threads.toString());
        }
    }

    @Test
    void anEmptySweepCompletesAtOnce() throws Exception {
        assertEquals(List.of(), prober.sweep(List.of(), TIMEOUT, null).get(1, TimeUnit.SECONDS));
    }

    @Test
    void aClosedProberAnswersWithALocalErrorInsteadOfHanging() throws Exception {
        Prober shortLived = new Prober(8);
        shortLived.close();
        ProbeResult result = shortLived.probe(Target.of("127.0.0.1", 9), TIMEOUT).get(5, TimeUnit.SECONDS);
        assertInstanceOf(Outcome.LocalError.class, result.outcome());
        assertNotNull(result.time());
    }

    @Test
    void theSelectorAndResolverThreadsAreNamedDaemons() {
        boolean found = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("portdeck-probe-selector") && t.isDaemon());
        assertTrue(found);
    }
}
