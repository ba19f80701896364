package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a real terminal (tmux), as an admin over SSH would use it: wait for the table, edit a note, quit,
 * and find the terminal exactly as it was (`stty -g` before and after).
 */
class DashboardTmuxIT {

    private static final Duration DEADLINE = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private String socket;
    private PanelSimulator sim;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed");
        String jar = System.getProperty("portdeck.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the jar is built by `mvn package`");
        sim = PanelSimulator.start(SimulatorOptions.defaults());
        socket = "portdeck-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
                "-e", "PORTDECK_PANEL_URL=" + sim.url(),
                "-e", "PORTDECK_API_KEY=" + sim.clientKey().reveal(),
                "-e", "XDG_STATE_HOME=" + dir.resolve("state"),
                "-e", "HOME=" + dir,
                "sh");
        tmux("set", "-g", "escape-time", "0");
        String java = ProcessHandle.current().info().command().orElse("java");
        String line = "stty -g > " + dir.resolve("before") + "; " + java + " -jar " + jar + " --interval 1; echo EXIT=$?; "
                + "stty -g > " + dir.resolve("after");
        tmux("send-keys", "-t", "0", "-l", line);
        tmux("send-keys", "-t", "0", "Enter");
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void editANoteQuitAndTheTerminalIsAsItWas() throws Exception {
        await(s -> s.contains("Survival SMP") && s.contains("running"), "the servers table");
        keys("/");
        literal("Survival");
        keys("Enter", "Enter");
        String table = await(s -> s.contains("Java edition") && s.contains("● open"), "the allocations with probes");
        assertTrue(table.contains("portdeck › Survival SMP"), table);
        keys("n");
        await(s -> s.contains("Notes of #1"), "the notes dialog");
        keys("End");
        literal(" (tmux)");
        await(s -> s.contains("19/255"), "the counter");
        keys("Enter");
        await(s -> s.contains("Saved the notes of #1."), "the save");
        await(s -> s.contains("Java edition (tmux)"), "the new note in the table");
        assertEquals("Java edition (tmux)", sim.server("Survival SMP").allocations().get(0).notes());
        keys("q");
        String after = await(s -> s.contains("EXIT=0"), "the shell after quitting");
        awaitFile(dir.resolve("after"));
        assertEquals(read("before"), read("after"), "stty -g before and after");
        assertFalse(after.contains(sim.clientKey().reveal()), "the key never shows");
        assertNoKeyInLogs();
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
        await(s -> s.contains("Survival SMP"), "the servers table");
        keys("C-c");
        await(s -> s.contains("EXIT=0"), "the shell after Ctrl-C");
        awaitFile(dir.resolve("after"));
        assertEquals(read("before"), read("after"), "stty -g before and after");
    }

    private void assertNoKeyInLogs() throws IOException {
        Path log = dir.resolve("state/portdeck/portdeck.log");
        if (Files.exists(log)) {
            assertFalse(Files.readString(log).contains(sim.clientKey().reveal()), "the key is never logged");
        }
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8).strip();
    }

    private void keys(String... keys) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "0"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(new String[0]));
    }

    private void literal(String text) throws Exception {
        tmux("send-keys", "-t", "0", "-l", text);
    }

    private String screen() throws Exception {
        return run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", "0"));
    }

    private String await(Predicate<String> ready, String what) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = screen();
            if (ready.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        return fail("timed out waiting for " + what + "; the pane shows:\n" + last);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(file) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " was written");
    }

    private void tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean hasTmux() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
