package dev.portdeck.shared.sim.games;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent clients of testing/node (GameDig, minecraft-server-util, minecraft-protocol), run as node
 * processes. Missing peers fail the test under CI (env CI set) and skip it elsewhere, saying how to install them.
 */
public final class NodePeers {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 30;

    private NodePeers() {
    }

    /** The node_modules folder holding {@code peer} (a package name); the test fails or skips without it. */
    public static Path modules(String peer) {
        String env = System.getenv("PORTDECK_NODE_PEERS");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "portdeck", "node");
        Path modules = base.resolve("node_modules");
        require(Files.isDirectory(modules.resolve(peer)), "the node test peer " + peer + " is not installed in "
                + modules + ": run testing/node/install.sh");
        return modules;
    }

    private static void require(boolean present, String message) {
        if (present) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    /** `gamedig --type TYPE 127.0.0.1:PORT --givenPortOnly [extra]`'s JSON; an "error" member is a failure. */
    public static JsonNode gamedig(String type, int port, String... extra) {
        return gamedig(type, "127.0.0.1", port, extra);
    }

    /** `gamedig --type TYPE HOST:PORT --givenPortOnly [extra]`'s JSON; an "error" member is a failure. */
    public static JsonNode gamedig(String type, String host, int port, String... extra) {
        List<String> command = new ArrayList<>(List.of(modules("gamedig").resolve(".bin/gamedig").toString(),
                "--type", type, host + ":" + port, "--givenPortOnly", "--socketTimeout", "3000"));
        command.addAll(List.of(extra));
        JsonNode answer = json(run(command));
        if (answer.has("error")) {
            fail("gamedig --type " + type + " failed: " + answer.get("error").asText());
        }
        return answer;
    }

    /**
     * Evaluates a CommonJS script with the peers on its require path (it needs {@code peer}); its last line of output
     * is parsed as JSON.
     */
    public static JsonNode script(String peer, String source) {
        Path modules = modules(peer);
        List<String> command = List.of("node", "-e", source);
        return json(run(command, modules));
    }

    private static JsonNode json(String output) {
        String[] lines = output.strip().split("\n");
        try {
            return JSON.readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new AssertionError("not JSON from the peer: " + output, e);
        }
    }

    private static String run(List<String> command) {
        return run(command, null);
    }

    private static String run(List<String> command, Path nodePath) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (nodePath != null) {
            pb.environment().put("NODE_PATH", nodePath.toString());
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            require(false, "cannot run " + command.get(0) + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
