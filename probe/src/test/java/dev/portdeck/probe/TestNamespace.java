package dev.portdeck.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of a test's own behind a veth pair in a private /30 of 10.231.0.0/16, with nftables rules on
 * its input chain. Probed from the root namespace. Needs root, ip and nft: {@link #create} skips the test with a
 * message otherwise. Traffic never leaves the pair of interfaces it creates; {@link #close()} removes them.
 */
public final class TestNamespace implements AutoCloseable {

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicInteger CREATED = new AtomicInteger();

    private final String name;
    private final String hostSide;
    private final String hostIp;
    private final String nsIp;

    private TestNamespace(int n) {
        this.name = "pd-test-" + PID + "-" + n;
        this.hostSide = "pdh" + PID + "x" + n;
        // A /30 picked by pid and count, so two test JVMs (or two namespaces of one) do not collide.
        int block = (int) ((PID * 8 + n) % (250 * 64));
        String net = "10.231." + (block / 64) + ".";
        int base = (block % 64) * 4;
        this.hostIp = net + (base + 1);
        this.nsIp = net + (base + 2);
    }

    /**
     * A namespace whose input chain holds {@code inputRules} (nft syntax, one rule a line, e.g. "tcp dport 7001
     * drop"); skips the calling test when this machine cannot build one.
     */
    public static TestNamespace create(String... inputRules) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "skipped: creating a network namespace needs root");
        assumeTrue(which("ip") != null && which("nft") != null,
                "skipped: needs the ip (iproute2) and nft (nftables) commands");
        TestNamespace ns = new TestNamespace(CREATED.incrementAndGet());
        try {
            ns.build(inputRules);
        } catch (IOException e) {
            // e.g. a container without CAP_NET_ADMIN or a kernel without nf_tables: the machine cannot, not a bug
            ns.close();
            assumeTrue(false, "skipped: cannot build the test namespace here: " + e.getMessage());
        }
        return ns;
    }

    private void build(String... inputRules) throws IOException, InterruptedException {
        String nsSide = "pdn" + hostSide.substring(3);
        sh("ip", "netns", "add", name);
        sh("ip", "link", "add", hostSide, "type", "veth", "peer", "name", nsSide, "netns", name);
        sh("ip", "addr", "add", hostIp + "/30", "dev", hostSide);
        sh("ip", "link", "set", hostSide, "up");
        sh("ip", "-n", name, "addr", "add", nsIp + "/30", "dev", nsSide);
        sh("ip", "-n", name, "link", "set", nsSide, "up");
        sh("ip", "-n", name, "link", "set", "lo", "up");
        Path rules = Files.createTempFile("pd-test-nft", ".nft");
        Files.writeString(rules, "table ip pdtest {\n  chain input {\n"
                + "    type filter hook input priority 0; policy accept;\n"
                + "    " + String.join("\n    ", inputRules) + "\n"
                + "  }\n}\n", StandardCharsets.UTF_8);
        try {
            sh("ip", "netns", "exec", name, which("nft"), "-f", rules.toString());
        } finally {
            Files.delete(rules);
        }
    }

    /** The address inside the namespace. */
    public String nsIp() {
        return nsIp;
    }

    /** The command prefix that runs a program inside the namespace. */
    public List<String> exec() {
        return List.of(which("ip"), "netns", "exec", name);
    }

    @Override
    public void close() {
        quietly("ip", "netns", "del", name); // takes the veth pair with it
        quietly("ip", "link", "del", hostSide);
    }

    /** The tool's path; sbin directories count even when PATH lacks them. */
    public static String which(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        return null;
    }

    private static void sh(String... command) throws IOException, InterruptedException {
        List<String> resolved = new ArrayList<>(List.of(command));
        String tool = which(command[0]);
        if (tool != null) {
            resolved.set(0, tool);
        }
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
