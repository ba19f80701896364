package dev.portdeck.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar's --version names the commit this checkout is at, as `git` itself prints it. */
class VersionIT {

    @Test
    void theJarNamesTheCommitItWasBuiltFrom() throws Exception {
        String jar = System.getProperty("portdeck.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "skipped: needs the packaged portdeck.jar");
        String head = run("git", "rev-parse", "--short=7", "HEAD");
        assumeTrue(head != null && head.matches("[0-9a-f]{7,}"), "skipped: not built in a git checkout");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        String version = run(java, "-jar", jar, "--version");

        assertTrue(version.matches("portdeck \\S+ \\(commit [0-9a-f]{7,}\\)"), version);
        assertEquals(head, version.replaceAll(".*\\(commit ([0-9a-f]+)\\)", "$1"), version);
    }

    /** The command's first output line, or null when it cannot run or fails. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null; // no git on this machine
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? out : null;
    }
}
