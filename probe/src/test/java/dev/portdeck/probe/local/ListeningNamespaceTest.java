package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.TestNamespace;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A game server behind a firewall, for real: a process in a network namespace of our own listens on two ports, an
 * nftables rule drops one of them, a third port is bound by nothing. The detection runs inside the namespace (as
 * portdeck on the node would) and reads the namespace's tables from outside; the probe comes from outside.
 */
class ListeningNamespaceTest {

    private static final int DROPPED = 7101;
    private static final int OPEN = 7102;
    private static final int NOTHING = 7103;

    private static TestNamespace namespace;
    private static FixtureProcess server;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        namespace = TestNamespace.create("tcp dport " + DROPPED + " drop");
        String ip = namespace.nsIp();
        // fixed ports are safe here: the namespace is new and ours alone
        server = FixtureProcess.start(namespace.exec(), FixtureProcess.java(),
                "--bind", "tcp", "0.0.0.0", String.valueOf(DROPPED), "--bind", "tcp", "0.0.0.0", String.valueOf(OPEN),
                "--ask", ip, String.valueOf(DROPPED), "--ask", ip, String.valueOf(OPEN),
                "--ask", ip, String.valueOf(NOTHING));
        prober = new Prober(8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (prober != null) {
            prober.close();
        }
        if (server != null) {
            server.close();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    private static Outcome probeFromOutside(int port) throws Exception {
        return prober.probe(Target.of(namespace.nsIp(), port), Duration.ofMillis(500)).get(10, TimeUnit.SECONDS)
                .outcome();
    }

    /** The namespace's sockets read through /proc/<pid>/net of the process inside, with its address as "here". */
    private static Listening seenFromTheNode(int port) throws Exception {
        InetAddress ip = InetAddress.getByName(namespace.nsIp());
        ListeningSnapshot snapshot = ListeningSnapshot.take(Path.of("/proc", String.valueOf(server.pid()), "net"),
                Path.of("/proc"), new LocalAddresses(List.of(ip)));
        return snapshot.lookup(new Endpoint(ip, port));
    }

    @Test
    void insideTheNamespaceBothPortsListenAndTheThirdDoesNot() {
        String ip = namespace.nsIp();
        String java = "java (pid " + server.pid() + ")";
        assertEquals("listening " + java, server.asked(ip + ":" + DROPPED));
        assertEquals("listening " + java, server.asked(ip + ":" + OPEN));
        assertEquals("not-listening -", server.asked(ip + ":" + NOTHING));
    }

    @Test
    void fromOutsideTheNamespacesAddressIsNotThisMachine() throws Exception {
        Listening outside = ListeningSnapshot.take()
                .lookup(new Endpoint(InetAddress.getByName(namespace.nsIp()), OPEN));
        assertEquals(new Listening.NotThisMachine(namespace.nsIp()), outside);
    }

    @Test
    void listeningButDroppedByTheFirewallIsListeningNotReachable() throws Exception {
        Listening here = seenFromTheNode(DROPPED);
        assertEquals(List.of(new Owner.Process(server.pid(), "java", null)),
                assertInstanceOf(Listening.Bound.class, here).owners());
        Outcome outcome = probeFromOutside(DROPPED);
        assertInstanceOf(Outcome.Filtered.class, outcome);
        Diagnosis d = Diagnosis.of(here, Check.TCP, outcome, List.of());
        assertEquals(Diagnosis.Finding.BLOCKED, d.finding());
        assertEquals("listening here (java) but not reachable: a firewall drops the probe", d.sentence());
    }

    @Test
    void listeningAndNotDroppedAnswers() throws Exception {
        Diagnosis d = Diagnosis.of(seenFromTheNode(OPEN), Check.TCP, probeFromOutside(OPEN), List.of());
        assertEquals(new Diagnosis(Diagnosis.Finding.UP, "listening here (java) and answers"), d);
    }

    @Test
    void nothingBoundAndRefusedIsTheServerDown() throws Exception {
        Listening here = seenFromTheNode(NOTHING);
        Outcome outcome = probeFromOutside(NOTHING);
        assertInstanceOf(Outcome.Closed.class, outcome);
        assertEquals(new Diagnosis(Diagnosis.Finding.DOWN, "not listening: the server is down"),
                Diagnosis.of(here, Check.TCP, outcome, List.of()));
    }
}
