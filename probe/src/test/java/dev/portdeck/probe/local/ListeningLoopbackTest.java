package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.probe.Check.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What listens, against real sockets this test binds on loopback (each on a port the kernel picks). */
class ListeningLoopbackTest {

    private static final long ME = ProcessHandle.current().pid();
    private final List<NetworkChannel> held = new ArrayList<>();

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net");
    }

    @AfterEach
    void release() throws IOException {
        for (NetworkChannel c : held) {
            c.close();
        }
    }

    private int tcp(StandardProtocolFamily family, String address) throws IOException {
        return port(hold(ServerSocketChannel.open(family).bind(new InetSocketAddress(ip(address), 0))));
    }

    private int udp(StandardProtocolFamily family, String address) throws IOException {
        return port(hold(DatagramChannel.open(family).bind(new InetSocketAddress(ip(address), 0))));
    }

    private NetworkChannel hold(NetworkChannel channel) {
        held.add(channel);
        return channel;
    }

    private static int port(NetworkChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByName(literal);
    }

    private static Listening ask(String address, int port) throws IOException {
        return ListeningSnapshot.take().lookup(new Endpoint(ip(address), port));
    }

    /**
     * The one socket of this test's JVM in the answer. Other processes on the machine (a benchmark's demo world, a
     * parallel build) may hold the same port number on other addresses; they are not this test's business.
     */
    private static LocalSocket only(Listening answer) {
        Listening.Bound bound = assertInstanceOf(Listening.Bound.class, answer);
        List<LocalSocket> ours = ours(bound);
        assertEquals(1, ours.size(), bound.toString());
        return ours.get(0);
    }

    /** Nothing of this JVM's serves the address (another process may hold the port number elsewhere). */
    private static void noneOfOurs(Listening answer, String why) {
        if (answer instanceof Listening.Bound bound) {
            assertEquals(List.of(), ours(bound), why + ": " + bound);
        } else {
            assertInstanceOf(Listening.NotListening.class, answer, why);
        }
    }

    private static List<LocalSocket> ours(Listening.Bound bound) {
        long pid = ProcessHandle.current().pid();
        return bound.sockets().stream()
                .filter(s -> s.owner() instanceof Owner.Process p && p.pid() == pid).toList();
    }

    private static void assumeIpv6() {
        try (ServerSocketChannel probe = ServerSocketChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(new InetSocketAddress("::1", 0));
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "skipped: this machine has no IPv6 loopback: " + e.getMessage());
        }
    }

    @Test
    void anIpv4TcpListenerIsFoundWithOurOwnJvmAsItsProcess() throws IOException {
        int port = tcp(StandardProtocolFamily.INET, "127.0.0.1");
        LocalSocket socket = only(ask("127.0.0.1", port));
        assertEquals(Transport.TCP, socket.transport());
        assertEquals("ipv4", socket.family());
        assertEquals("127.0.0.1", socket.addressText());
        assertEquals(new Owner.Process(ME, "java", null), socket.owner());
        assertEquals("java (pid " + ME + ")", socket.owner().text());
    }

    @Test
    void anIpv6TcpListenerOnLoopbackIsFound() throws IOException {
        assumeIpv6();
        int port = tcp(StandardProtocolFamily.INET6, "::1");
        LocalSocket socket = only(ask("::1", port));
        assertEquals("ipv6", socket.family());
        assertEquals("[::1]", socket.addressText());
        assertEquals("java", socket.owner().name());
        noneOfOurs(ask("127.0.0.1", port), "::1 does not take IPv4");
    }

    @Test
    void boundUdpSocketsCountForIpv4AndIpv6() throws IOException {
        int v4 = udp(StandardProtocolFamily.INET, "127.0.0.1");
        LocalSocket socket = only(ask("127.0.0.1", v4));
        assertEquals(Transport.UDP, socket.transport());
        assertEquals(ME, ((Owner.Process) socket.owner()).pid());
        assertTrue(ask("127.0.0.1", v4).bound(Transport.UDP) && !ask("127.0.0.1", v4).bound(Transport.TCP));
        assumeIpv6();
        int v6 = udp(StandardProtocolFamily.INET6, "::1");
        assertEquals("[::1]", only(ask("::1", v6)).addressText());
    }

    @Test
    void aListenerOnEveryIpv4AddressServesAnyLocalIpv4AddressButNotIpv6() throws IOException {
        int port = tcp(StandardProtocolFamily.INET, "0.0.0.0");
        assertEquals("0.0.0.0", only(ask("127.0.0.1", port)).addressText());
        assertEquals("0.0.0.0", only(ask("127.0.0.77", port)).addressText());
        assumeIpv6();
        noneOfOurs(ask("::1", port), "0.0.0.0 does not take IPv6");
    }

    @Test
    void aDualStackListenerOnColonColonServesIpv4Too() throws IOException {
        assumeIpv6();
        int port = tcp(StandardProtocolFamily.INET6, "::");
        assertEquals("[::]", only(ask("127.0.0.1", port)).addressText());
        assertEquals("[::]", only(ask("::1", port)).addressText());
    }

    @Test
    void aListenerOnOneLoopbackAddressServesOnlyThatAddress() throws IOException {
        int port = tcp(StandardProtocolFamily.INET, "127.0.0.5");
        assertEquals("127.0.0.5", only(ask("127.0.0.5", port)).addressText());
        noneOfOurs(ask("127.0.0.6", port), "one loopback address is not another");
        assertEquals("127.0.0.5", only(ask("0.0.0.0", port)).addressText(),
                "an allocation on every address is served by any socket on its port");
    }

    @Test
    void javaDefaultSocketsAreV4MappedIpv6SocketsAndStillMatch() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, ip("127.0.0.1"))) {
            LocalSocket socket = only(ask("127.0.0.1", server.getLocalPort()));
            assertEquals(socket.ipv6() ? "[::ffff:127.0.0.1]" : "127.0.0.1", socket.addressText());
        }
    }

    @Test
    void aPortNothingBindsIsNotListeningAndAClosedSocketIsGoneAtOnce() throws IOException {
        int port;
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            port = port(gone.bind(new InetSocketAddress(ip("127.0.0.1"), 0)));
            assertInstanceOf(Listening.Bound.class, ask("127.0.0.1", port));
        }
        noneOfOurs(ask("127.0.0.1", port), "closed");
        noneOfOurs(ask("0.0.0.0", port), "closed");
    }

    @Test
    void aBoundButNotListeningTcpSocketIsNotListening() throws IOException {
        // what the demo panel does for a stopped server's port: it holds the port, the kernel refuses connects
        try (java.nio.channels.SocketChannel bound = java.nio.channels.SocketChannel.open(StandardProtocolFamily.INET)) {
            bound.bind(new InetSocketAddress(ip("127.0.0.1"), 0));
            noneOfOurs(ask("127.0.0.1", port(bound)), "bound, not listening");
        }
    }

    @Test
    void anAddressOfAnotherMachineIsNotThisMachineNeverAGuess() throws IOException {
        int port = tcp(StandardProtocolFamily.INET, "0.0.0.0");
        Listening answer = ask("198.51.100.7", port); // TEST-NET-2: nothing is sent, the address is only compared
        assertEquals(new Listening.NotThisMachine("198.51.100.7"), answer);
        assertTrue(!answer.here() && !answer.bound(Transport.TCP));
        assertEquals("not-this-machine", answer.word());
    }

    @Test
    void oneSnapshotAnswersManyEndpointsInTheirOrder() throws IOException {
        int a = tcp(StandardProtocolFamily.INET, "127.0.0.1");
        int b = udp(StandardProtocolFamily.INET, "127.0.0.1");
        ListeningSnapshot snapshot = ListeningSnapshot.take();
        List<Endpoint> asked = List.of(new Endpoint(ip("127.0.0.1"), b), new Endpoint(ip("198.51.100.7"), a),
                new Endpoint(ip("127.0.0.1"), a));
        Map<Endpoint, Listening> answers = snapshot.lookupAll(asked);
        assertEquals(asked, List.copyOf(answers.keySet()));
        assertEquals(List.of("listening", "not-this-machine", "listening"),
                answers.values().stream().map(Listening::word).toList());
        assertTrue(snapshot.sockets() >= 2, "it counts every bound socket: " + snapshot.sockets());
    }

    @Test
    void theCheapQuestionsAnswerPerTransportWithoutNamingProcessesAndReadOnlyTheTablesAsked() throws IOException {
        int tcpPort = tcp(StandardProtocolFamily.INET, "127.0.0.1");
        int udpPort = udp(StandardProtocolFamily.INET, "127.0.0.1");
        int both = port(hold(ServerSocketChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(ip("0.0.0.0"), 0))));
        hold(DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(ip("0.0.0.0"), both)));
        Endpoint tcpHere = new Endpoint(ip("127.0.0.1"), tcpPort);
        Endpoint udpHere = new Endpoint(ip("127.0.0.1"), udpPort);
        Endpoint bothHere = new Endpoint(ip("127.0.0.9"), both);
        Endpoint elsewhere = new Endpoint(ip("198.51.100.7"), tcpPort);

        ListeningSnapshot all = ListeningSnapshot.take();
        assertTrue(all.here(tcpHere) && all.bound(tcpHere, Transport.TCP) && !all.bound(tcpHere, Transport.UDP));
        assertTrue(all.bound(udpHere, Transport.UDP) && !all.bound(udpHere, Transport.TCP));
        assertTrue(all.bound(bothHere, Transport.TCP) && all.bound(bothHere, Transport.UDP));
        assertTrue(!all.here(elsewhere) && !all.bound(elsewhere, Transport.TCP), "never a guess about another machine");

        ListeningSnapshot tcpOnly = ListeningSnapshot.take(java.util.EnumSet.of(Transport.TCP));
        assertTrue(tcpOnly.bound(bothHere, Transport.TCP));
        assertTrue(!tcpOnly.bound(bothHere, Transport.UDP), "the UDP tables were not read");
        assertTrue(tcpOnly.sockets() < all.sockets(), tcpOnly.sockets() + " of " + all.sockets());
    }
}
