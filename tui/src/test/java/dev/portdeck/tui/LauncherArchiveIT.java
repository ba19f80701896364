package dev.portdeck.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/portdeck with the real jar: the first runs of a kind (its first argument) leave a class-data archive of their
 * own in the cache, built after they end, which the next run of that kind maps; leftovers of killed builds go.
 */
class LauncherArchiveIT {

    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path cache;

    @Test
    void aProbeRunLeavesAnArchiveThatTheNextProbeMapsAndOtherKindsGetTheirOwn() throws Exception {
        Path launcher = launcher();
        String jar = jar();
        Path dir = Files.createDirectories(cache.resolve("portdeck"));
        Path killed = Files.writeString(dir.resolve("portdeck-probe-1-2_3-4.4242.classlist"), "x");
        Path older = Files.writeString(dir.resolve("portdeck-2302379337.jsa"), "an archive of an older launcher");
        for (Path stale : List.of(killed, older)) {
            Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        }
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String target = "127.0.0.1:" + open.getLocalPort();

            assertTrue(run(launcher, jar, Map.of(), "probe", target).contains(" open "));
            Path archive = awaitArchive(dir, "portdeck-probe-");
            awaitNoBuildFiles(dir);
            assertFalse(Files.exists(killed), "a killed build's leftover is removed");
            assertFalse(Files.exists(older), "an older launcher's archive is removed");

            // -Xshare:on: the JVM refuses to start unless it maps the archive; the log says where Main came from.
            Path log = cache.resolve("classes.log");
            String mapped = run(launcher, jar, Map.of("PORTDECK_JAVA_OPTS",
                    "-Xshare:on -Xlog:class+load=info:file=" + log), "probe", target);
            assertTrue(mapped.contains(" open "), mapped);
            String main = Files.readAllLines(log).stream().filter(l -> l.contains(" dev.portdeck.tui.Main "))
                    .findFirst().orElse("");
            assertTrue(main.contains("shared objects file"), main);

            run(launcher, jar, Map.of(), "--version");
            awaitArchive(dir, "portdeck---version-");
            awaitNoBuildFiles(dir); // the background job is done with this directory before it is deleted
            assertTrue(Files.exists(archive), "the probe archive stays beside the --version one");
        }
    }

    @Test
    void probeRecordsNoStackTracesUnlessVerboseAsksForThem() throws Exception {
        Path launcher = launcher();
        String jar = jar();
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String target = "127.0.0.1:" + open.getLocalPort();
            // The JVM prints the flags it was given before anything else
            Map<String, String> env =
                    Map.of("PORTDECK_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "PORTDECK_NO_CDS", "1");
            String plain = run(launcher, jar, env, "probe", target);
            assertTrue(plain.lines().findFirst().orElse("").contains("-XX:-StackTraceInThrowable"), plain);
            assertTrue(plain.contains(" open "), plain);
            String verbose = run(launcher, jar, env, "probe", "--verbose", target);
            assertFalse(verbose.lines().findFirst().orElse("").contains("StackTraceInThrowable"), verbose);
            String dashboardFlags = run(launcher, jar, env, "--version");
            assertFalse(dashboardFlags.contains("StackTraceInThrowable"), dashboardFlags);
        }
    }

    @Test
    void theAgentRunsAsADaemonWithBothCompilersAHeapThatGrowsAndNoStackTraces() throws Exception {
        Map<String, String> env = Map.of("PORTDECK_JAVA_OPTS", "-XX:+PrintCommandLineFlags", "PORTDECK_NO_CDS", "1");
        String agent = run(launcher(), jar(), env, "agent", "--help");
        String flags = agent.lines().findFirst().orElse("");
        assertFalse(flags.contains("TieredStopAtLevel"), "C2 too, for a process that runs for days: " + flags);
        assertTrue(flags.contains("-XX:InitialHeapSize=33554432") && flags.contains("-XX:MaxHeapSize=268435456"), flags);
        assertTrue(flags.contains("-XX:-StackTraceInThrowable"), flags);
        assertTrue(agent.contains("--listen"), "the agent's help after the flags: " + agent);
        String probe = run(launcher(), jar(), env, "probe", "--help").lines().findFirst().orElse("");
        assertTrue(probe.contains("-XX:TieredStopAtLevel=1"), "short runs stay on C1: " + probe);
    }

    private static Path launcher() {
        Path launcher = Path.of(System.getProperty("user.dir")).resolveSibling("bin").resolve("portdeck");
        assumeTrue(Files.isExecutable(launcher), "skipped: no bin/portdeck beside this module");
        return launcher;
    }

    private static String jar() {
        String jar = System.getProperty("portdeck.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "skipped: needs the packaged portdeck.jar");
        return jar;
    }

    private String run(Path launcher, String jar, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("PORTDECK_JAR", jar);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("PORTDECK_NO_CDS");
        builder.environment().putAll(env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/portdeck " + String.join(" ", args) + " did not end");
        return out;
    }

    private static Path awaitArchive(Path dir, String prefix) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(dir)) {
                Path found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                        && f.getFileName().toString().matches(".*_[0-9-]+\\.jsa")).findFirst().orElse(null);
                if (found != null) {
                    return found;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + prefix + "*.jsa in " + names(dir));
    }

    /** The background job is done when only finished files are left: no NAME.PID.* of a run or a build. */
    private static void awaitNoBuildFiles(Path dir) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (names(dir).stream().anyMatch(n -> n.matches(".*\\.[0-9]+\\..*"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), names(dir).stream().filter(n -> n.matches(".*\\.[0-9]+\\..*")).toList());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
