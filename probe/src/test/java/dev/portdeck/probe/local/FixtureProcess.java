package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.fail;

import dev.portdeck.shared.client.IpLiteral;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link ListeningFixture} in a JVM of its own, optionally behind a prefix (ip netns exec, setpriv) or another name. */
final class FixtureProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines;

    private FixtureProcess(Process process, List<String> lines) {
        this.process = process;
        this.lines = lines;
    }

    /**
     * Runs {@code prefix... java FLAGS -cp CP ListeningFixture args...} with {@code java} as the JVM binary (e.g. a
     * link to it under another name) and waits, bounded, for its "ready".
     */
    static FixtureProcess start(List<String> prefix, String java, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", classPath(), ListeningFixture.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<String>> ready = CompletableFuture.supplyAsync(() -> readUntilReady(out));
        try {
            return new FixtureProcess(p, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new AssertionError("the fixture did not start: " + String.join(" ", command) + ": " + e, e);
        }
    }

    /** Whether a process started behind {@code prefix} (e.g. as another user) may read the fixture's classes. */
    static boolean canRun(List<String> prefix) throws Exception {
        List<String> paths = new ArrayList<>(List.of(classPath().split(java.io.File.pathSeparator)));
        paths.add(java());
        for (String path : paths) {
            List<String> test = new ArrayList<>(prefix);
            test.addAll(List.of("test", "-r", path));
            Process p = new ProcessBuilder(test).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return false;
            }
        }
        return true;
    }

    /** The JVM running this test. */
    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    long pid() {
        return process.pid();
    }

    /** The port of the n-th --bind. */
    int boundPort(int n) {
        return Integer.parseInt(lines.stream().filter(l -> l.startsWith("bound ")).toList().get(n).split(" ")[2]);
    }

    /** "WORD OWNERS" for an --ask of ADDRESS:PORT. */
    String asked(String addressAndPort) {
        String prefix = "asked " + addressAndPort + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseGet(() -> fail("no answer for " + addressAndPort + " in " + lines));
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static List<String> readUntilReady(BufferedReader out) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("ready")) {
                    return lines;
                }
                lines.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("it ended before it was ready; it printed " + lines);
    }

    /** The fixture, the engine and the shared module: only directories or jars this build made. */
    private static String classPath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(ListeningFixture.class, ListeningSnapshot.class, IpLiteral.class)) {
            entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
