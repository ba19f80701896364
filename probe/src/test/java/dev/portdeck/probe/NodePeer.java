package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An independent server written in JavaScript (probe/src/test/node/*.js) run with the pinned npm peers from
 * testing/node (installed by testing/node/install.sh into $PORTDECK_NODE_PEERS, default ~/.cache/portdeck/node).
 * Started by the test, ready when it prints "READY <port>", always stopped by close(). Without node or the peers the
 * test fails under CI (the CI variable is set) and is skipped with a message on a developer's machine.
 */
final class NodePeer implements AutoCloseable {

    private static final long READY_SECONDS = 60; // minecraft-data takes a few seconds to load on a busy machine

    private final Process process;
    private final int port;

    private NodePeer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code script} with {@code args}; needs the npm package {@code needs} among the peers. */
    static NodePeer start(String script, String needs, String... args) throws Exception {
        Path peers = Path.of(System.getenv().getOrDefault("PORTDECK_NODE_PEERS",
                System.getProperty("user.home") + "/.cache/portdeck/node"), "node_modules");
        String node = onPath("node");
        if (node == null || !Files.isDirectory(peers.resolve(needs))) {
            String why = node == null ? "node is not on the PATH"
                    : "the npm peer '" + needs + "' is not installed in " + peers + " (run testing/node/install.sh)";
            if (System.getenv("CI") != null) {
                fail("cannot run the independent server " + script + ": " + why);
            }
            assumeTrue(false, "skipped: " + why);
        }
        List<String> command = new ArrayList<>(List.of(node, Path.of("src/test/node", script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", peers.toString());
        Process process = builder.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(lines));
        try {
            return new NodePeer(process, ready.get(READY_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not print READY within " + READY_SECONDS + " s", e);
        }
    }

    private static int readyPort(BufferedReader lines) {
        StringBuilder seen = new StringBuilder();
        try {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    Thread drain = Prober.daemon(() -> lines.lines().forEach(l -> { }), "node-peer-output");
                    drain.start(); // keeps the pipe from filling up
                    return Integer.parseInt(line.substring(6).trim());
                }
                seen.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the server ended before it was ready:\n" + seen);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close(); // the scripts exit when their stdin ends
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        return null;
    }
}
