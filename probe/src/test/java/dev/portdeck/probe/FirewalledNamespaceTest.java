package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real firewall: a network namespace of our own ({@link TestNamespace}) with nftables rules that drop one port and
 * reject another with ICMP admin-prohibited, and drop or reject one UDP port each. Probed from the root namespace.
 * Needs root, ip and nft; skipped with a message otherwise.
 */
class FirewalledNamespaceTest {

    private static final int DROPPED = 7001;
    private static final int PROHIBITED = 7002;
    private static final int NOTHING_LISTENS = 7003;
    private static final int UDP_DROPPED = 7004;
    private static final int UDP_REJECTED = 7005;

    private static TestNamespace namespace;
    private static Prober prober;

    @BeforeAll
    static void buildTheNamespace() throws Exception {
        namespace = TestNamespace.create("tcp dport " + DROPPED + " drop",
                "tcp dport " + PROHIBITED + " reject with icmp type admin-prohibited",
                "udp dport " + UDP_DROPPED + " drop",
                "udp dport " + UDP_REJECTED + " reject");
        prober = new Prober(16);
    }

    @AfterAll
    static void tearDown() {
        if (prober != null) {
            prober.close();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    private static ProbeResult probe(int port, Duration timeout) throws Exception {
        return prober.probe(Target.of(namespace.nsIp(), port), timeout).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPortWhoseSynsAreDroppedIsFilteredAfterOurOwnDeadline() throws Exception {
        long start = System.nanoTime();
        ProbeResult result = probe(DROPPED, Duration.ofMillis(400));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        Outcome.Filtered filtered = assertInstanceOf(Outcome.Filtered.class, result.outcome());
        assertEquals(Duration.ofMillis(400), filtered.waited(), "no answer within our own deadline");
        assertTrue(tookMillis >= 400, "it did wait: " + tookMillis + " ms");
        assertTrue(tookMillis < 5_000, "our deadline, not the kernel's ~127 s: " + tookMillis + " ms");
    }

    @Test
    void anIcmpAdminProhibitedIsUnreachableWithTheReason() throws Exception {
        ProbeResult result = probe(PROHIBITED, Duration.ofSeconds(3));
        Outcome.Unreachable unreachable = assertInstanceOf(Outcome.Unreachable.class, result.outcome());
        assertTrue(unreachable.reason().contains("EHOSTUNREACH"), unreachable.reason());
    }

    @Test
    void thePathItselfWorksSoAPortWithoutRulesIsClosed() throws Exception {
        assertInstanceOf(Outcome.Closed.class, probe(NOTHING_LISTENS, Duration.ofSeconds(3)).outcome());
    }

    @Test
    void aSweepMixesTheThreeAnswersCorrectly() throws Exception {
        List<ProbeResult> results = prober.sweep(
                List.of(Target.of(namespace.nsIp(), DROPPED), Target.of(namespace.nsIp(), PROHIBITED), Target.of(namespace.nsIp(), NOTHING_LISTENS)),
                Duration.ofMillis(400), null).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("filtered", "unreachable", "closed"), results.stream().map(r -> r.outcome().word()).toList());
    }

    private static Outcome udp(Check check, int port) throws Exception {
        return prober.probe(new Target(namespace.nsIp(), port, null, check), Duration.ofMillis(600))
                .get(10, TimeUnit.SECONDS).outcome();
    }

    @Test
    void aUdpQuestionThatIsDroppedIsOpenOrFiltered() throws Exception {
        for (Check check : List.of(Check.UDP, Check.A2S, Check.BEDROCK)) {
            assertEquals(new Outcome.OpenOrFiltered(Duration.ofMillis(600)), udp(check, UDP_DROPPED), check.word());
        }
    }

    @Test
    void aUdpQuestionThatIsRejectedIsClosed() throws Exception {
        assertInstanceOf(Outcome.Closed.class, udp(Check.UDP, UDP_REJECTED));
        assertInstanceOf(Outcome.Closed.class, udp(Check.A2S, UDP_REJECTED));
    }

    @Test
    void aUdpPortWhereNothingListensIsClosedByTheKernelsIcmp() throws Exception {
        assertInstanceOf(Outcome.Closed.class, udp(Check.BEDROCK, NOTHING_LISTENS));
    }
}
