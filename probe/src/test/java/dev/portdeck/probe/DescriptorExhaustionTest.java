package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** When the process runs out of descriptors mid-sweep, the prober waits for its own sockets instead of failing targets. */
class DescriptorExhaustionTest {

    @Test
    void aSweepUnderATinyOpenFilesLimitStillClassifiesEveryPort() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "skipped: needs /bin/sh for ulimit");
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        // 128 descriptors for the whole JVM (its jars, logs, epoll), while the prober's own cap says 1000.
        String script = "ulimit -n 128 && exec \"$0\" -Xshare:auto -XX:+UseSerialGC -cp \"$1\" "
                + LowDescriptorLimitSweep.class.getName() + " 300";
        Path log = Files.createTempFile("pd-low-fd", ".txt");
        Process p = new ProcessBuilder("/bin/sh", "-c", script, java, classpath).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(done, "the sweep did not finish: " + output);
        assertEquals(0, p.exitValue(), output);
        assertFalse(output.contains("local-error"), output);
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("([a-z-]+)=(\\d+)").matcher(output.substring(output.lastIndexOf('{')));
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(300, counts.values().stream().mapToInt(Integer::intValue).sum(), "every probe has a result: " + output);
        assertTrue(counts.getOrDefault("filtered", 0) > 0, output);
        assertTrue(output.contains("out of file descriptors"), "the lowered cap is logged: " + output);
    }
}
