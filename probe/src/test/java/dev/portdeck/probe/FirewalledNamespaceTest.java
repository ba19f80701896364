package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real firewall: a network namespace of our own behind a veth pair in a private /30, with nftables rules that drop
 * one port and reject another with ICMP admin-prohibited. Probed from the root namespace. Needs root, ip and nft;
 * skipped with a message otherwise. Traffic never leaves the pair of interfaces this test creates.
 */
class FirewalledNamespaceTest {

    private static final int DROPPED = 7001;
    private static final int PROHIBITED = 7002;
    private static final int NOTHING_LISTENS = 7003;
    private static final int UDP_DROPPED = 7004;
    private static final int UDP_REJECTED = 7005;

    private static final long PID = ProcessHandle.current().pid();
    private static final String NAMESPACE = "pd-test-" + PID;
    private static final String HOST_SIDE = "pdh" + PID;
    private static final String NS_SIDE = "pdn" + PID;
    // A /30 in 10.231.0.0/16 picked by pid, so two test JVMs at once do not collide.
    private static final String NET = "10.231." + (PID % 250) + ".";
    private static final int BASE = (int) ((PID / 250) % 63) * 4;
    private static final String HOST_IP = NET + (BASE + 1);
    private static final String NS_IP = NET + (BASE + 2);

    private static Prober prober;

    @BeforeAll
    static void buildTheNamespace() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: creating a network namespace needs root");
        assumeTrue(onPath("ip") && onPath("nft"), "skipped: needs the ip (iproute2) and nft (nftables) commands");
        try {
            sh("ip", "netns", "add", NAMESPACE);
            sh("ip", "link", "add", HOST_SIDE, "type", "veth", "peer", "name", NS_SIDE, "netns", NAMESPACE);
            sh("ip", "addr", "add", HOST_IP + "/30", "dev", HOST_SIDE);
            sh("ip", "link", "set", HOST_SIDE, "up");
            sh("ip", "-n", NAMESPACE, "addr", "add", NS_IP + "/30", "dev", NS_SIDE);
            sh("ip", "-n", NAMESPACE, "link", "set", NS_SIDE, "up");
            sh("ip", "-n", NAMESPACE, "link", "set", "lo", "up");
            Path rules = Files.createTempFile("pd-test-nft", ".nft");
            Files.writeString(rules, "table ip pdtest {\n  chain input {\n"
                    + "    type filter hook input priority 0; policy accept;\n"
                    + "    tcp dport " + DROPPED + " drop\n"
                    + "    tcp dport " + PROHIBITED + " reject with icmp type admin-prohibited\n"
                    + "    udp dport " + UDP_DROPPED + " drop\n"
                    + "    udp dport " + UDP_REJECTED + " reject\n"
                    + "  }\n}\n", StandardCharsets.UTF_8);
            sh("ip", "netns", "exec", NAMESPACE, which("nft"), "-f", rules.toString());
            Files.delete(rules);
        } catch (IOException e) {
            // e.g. a container without CAP_NET_ADMIN or a kernel without nf_tables: the machine cannot, not a bug
            tearDown();
            assumeTrue(false, "skipped: cannot build the test namespace here: " + e.getMessage());
        }
        prober = new Prober(16);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (prober != null) {
            prober.close();
        }
        quietly("ip", "netns", "del", NAMESPACE); // takes the veth pair with it
        quietly("ip", "link", "del", HOST_SIDE);
    }

    private static ProbeResult probe(int port, Duration timeout) throws Exception {
        return prober.probe(Target.of(NS_IP, port), timeout).get(10, TimeUnit.SECONDS);
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
                List.of(Target.of(NS_IP, DROPPED), Target.of(NS_IP, PROHIBITED), Target.of(NS_IP, NOTHING_LISTENS)),
                Duration.ofMillis(400), null).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("filtered", "unreachable", "closed"), results.stream().map(r -> r.outcome().word()).toList());
    }

    private static Outcome udp(Check check, int port) throws Exception {
        return prober.probe(new Target(NS_IP, port, null, check), Duration.ofMillis(600)).get(10, TimeUnit.SECONDS)
                .outcome();
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

    private static boolean onPath(String tool) {
        return which(tool) != null;
    }

    /** The tool's path; sbin directories count even when PATH lacks them. */
    private static String which(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        return null;
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        String[] resolved = command.clone();
        String tool = which(command[0]);
        resolved[0] = tool == null ? command[0] : tool;
        Process p = new ProcessBuilder(resolved).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private static void quietly(String... command) {
        try {
            sh(command);
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
