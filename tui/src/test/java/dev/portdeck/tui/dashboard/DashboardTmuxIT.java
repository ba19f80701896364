package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.sim.DemoWorld;
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

    private PanelProxy proxy;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(hasTmux(), "tmux is not installed");
        String jar = System.getProperty("portdeck.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the jar is built by `mvn package`");
    }

    /** The real jar in a 100x30 tmux pane on `panel` (the simulator, or a proxy in front of it). */
    private void launch(SimulatorOptions options, boolean throughProxy) throws Exception {
        sim = PanelSimulator.start(options);
        java.net.URI panel = sim.url();
        if (throughProxy) {
            proxy = PanelProxy.before(sim);
            panel = proxy.url();
        }
        socket = "portdeck-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
                "-e", "PORTDECK_PANEL_URL=" + panel,
                "-e", "PORTDECK_API_KEY=" + sim.clientKey().reveal(),
                "-e", "XDG_STATE_HOME=" + dir.resolve("state"),
                "-e", "HOME=" + dir,
                "sh");
        tmux("set", "-g", "escape-time", "0");
        tmux("set", "-g", "set-clipboard", "on");
        String java = ProcessHandle.current().info().command().orElse("java");
        String line = "stty -g > " + dir.resolve("before") + "; sh -c 'echo $$ > " + dir.resolve("pid") + "; exec "
                + java + " -jar " + System.getProperty("portdeck.jar") + " --interval 1' 2> " + dir.resolve("err")
                + "; echo EXIT=$?; stty -g > " + dir.resolve("after");
        tmux("send-keys", "-t", "0", "-l", line);
        tmux("send-keys", "-t", "0", "Enter");
    }

    @AfterEach
    void stop() throws Exception {
        if (socket != null) {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void editANoteQuitAndTheTerminalIsAsItWas() throws Exception {
        launch(SimulatorOptions.defaults(), false);
        await(s -> s.contains("Survival SMP") && s.contains("running"), "the servers table");
        keys("/");
        literal("Survival");
        keys("Enter", "Enter");
        String table = await(s -> s.contains("Java edition") && s.contains("● open"), "the allocations with probes");
        assertTrue(table.contains("portdeck › Survival SMP"), table);
        // the simulator's Minecraft responder answered the jar's status request: version, players of slots
        // and Dynmap's web map its HEAD / (each row shows when its own answer is drawn: wait for both)
        table = await(s -> s.contains("MC Paper 1.21 3/40") && s.contains("HTTP 200 OK Dynmap"),
                "the SERVICE cells from the game's status answer and the web map's HEAD /");
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
    void whileItRunsKeysArriveOneByOneUnechoedCtrlCIsAKeyAndItQuitsRestoringTheTerminal() throws Exception {
        launch(SimulatorOptions.defaults(), false);
        await(s -> s.contains("Survival SMP"), "the servers table");
        String tty = run(List.of("tmux", "-L", socket, "display", "-p", "-t", "0", "#{pane_tty}")).strip();
        String settings = run(List.of("sh", "-c", "stty -a < " + tty));
        for (String wanted : List.of("-icanon", "-echo ", "intr = <undef>", "min = 1")) {
            assertTrue(settings.contains(wanted), "stty shows " + wanted + " while the dashboard runs:\n" + settings);
        }
        keys("C-c");
        await(s -> s.contains("EXIT=0"), "the shell after Ctrl-C");
        awaitFile(dir.resolve("after"));
        assertEquals(read("before"), read("after"), "stty -g before and after");
    }

    @Test
    void stoppingAServerFromTheDashboardShowsWithinThreeSecondsAndCopyAndPasteGoThroughTmux() throws Exception {
        launch(SimulatorOptions.defaults().withPowerTransition(Duration.ofMillis(1500)), false);
        await(s -> s.contains("Survival SMP") && s.contains("running"), "the servers table");
        keys("/");
        literal("Survival");
        keys("Enter", "Enter");
        await(s -> s.contains("Dynmap") && s.contains("· running"), "the allocations of a running server");
        keys("j", "j", "c");
        await(s -> s.contains("Copied 127.0.0.2:"), "the copy");
        String copied = run(List.of("tmux", "-L", socket, "show-buffer")).strip();
        assertEquals(sim.server("Survival SMP").allocations().get(2).address(), copied, "tmux got it by OSC 52");
        keys("p");
        await(s -> s.contains("Stop Survival SMP? [y/N]"), "the offer to stop it");
        long sent = System.nanoTime();
        keys("y");
        await(s -> header(s).contains("· stopping ·") || header(s).contains("· offline ·"), "the new state");
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis < 3000, "the state changed on screen after " + millis + " ms");
        await(s -> header(s).contains("· offline ·"), "offline once the panel stopped it");
        await(s -> s.contains("Start Survival SMP again? [y/N]"), "the offer to start it again");
        keys("n");
        keys("k", "k", "n");
        await(s -> s.contains("Notes of #1"), "the notes dialog");
        tmux("set-buffer", "-b", "p1", " pasted; q D");
        tmux("paste-buffer", "-p", "-b", "p1", "-t", "0");
        await(s -> s.contains("Java edition pasted; q D") && s.contains("24/255"), "the paste, as one insertion");
        keys("Enter");
        await(s -> s.contains("Saved the notes of #1."), "the save");
        assertEquals("Java edition pasted; q D", sim.server("Survival SMP").allocations().get(0).notes());
        keys("q");
        await(s -> s.contains("EXIT=0"), "the shell after quitting");
    }

    @Test
    void sigtermWhileTheNotesAreSavingAlsoSaysSoAndGivesTheTerminalBack() throws Exception {
        launch(SimulatorOptions.defaults(), true);
        await(s -> s.contains("Survival SMP") && s.contains("running"), "the servers table");
        proxy.delay("POST", "/allocations/\\d+$", Duration.ofSeconds(30));
        keys("/");
        literal("Survival");
        keys("Enter", "Enter");
        await(s -> s.contains("Java edition"), "the allocations");
        keys("n");
        await(s -> s.contains("Notes of #1"), "the notes dialog");
        keys("End");
        literal(" (term)");
        keys("Enter");
        await(s -> s.contains("saving..."), "the save under way");
        awaitFile(dir.resolve("pid"));
        run(List.of("kill", "-TERM", read("pid")));
        await(s -> s.contains("EXIT=143"), "the shell after SIGTERM");
        String err = Files.readString(dir.resolve("err"));
        assertTrue(err.contains("quit while the panel had not answered about the notes of #1 on Survival SMP")
                && err.contains("it may or may not have been applied"), err);
        awaitFile(dir.resolve("after"));
        assertEquals(read("before"), read("after"), "stty -g before and after");
    }

    @Test
    void quittingWhileTheNotesAreSavingSaysTheyMayOrMayNotBeAppliedAndRowsStayAligned() throws Exception {
        DemoWorld world = DemoWorld.builder().node("n-1", "127.0.0.2", null, List.of())
                .server("\uD83C\uDFAE Arcade ☕", "n-1", 2, 32001).server("Zero\u200Bwidth\u202Eevil", "n-1", 2, 32002)
                .server("漢字サーバー", "n-1", 2, 32003).server("Survival SMP", "n-1", 2, 32004).build();
        launch(SimulatorOptions.defaults().withWorld(world).withDemoListeners(false), true);
        String table = await(s -> s.contains("Arcade") && s.contains("Survival SMP"), "the servers table");
        int idColumn = -1;
        for (String line : table.split("\n")) {
            for (Server server : sim.servers()) {
                int at = line.indexOf(" " + server.identifier() + " ") + 1; // a table row, not the uuid line
                if (at > 0) {
                    int column = displayWidth(line.substring(0, at));
                    assertTrue(idColumn < 0 || idColumn == column, "ids line up in tmux's own rendering:\n" + table);
                    idColumn = column;
                }
            }
        }
        assertTrue(idColumn > 0, table);
        assertTrue(table.contains("\uD83C\uDFAE Arcade"), "the emoji itself reaches the terminal, not ??:\n" + table);
        proxy.delay("POST", "/allocations/\\d+$", Duration.ofSeconds(30));
        keys("/");
        literal("Survival");
        keys("Enter", "Enter");
        await(s -> s.contains("32004"), "the allocations");
        keys("n");
        await(s -> s.contains("Notes of #"), "the notes dialog");
        literal("slow");
        keys("Enter");
        await(s -> s.contains("saving..."), "the save under way");
        keys("Escape"); // the dialog closes, the save goes on
        await(s -> !s.contains("Notes of #"), "the table again");
        keys("q");
        String after = await(s -> s.contains("EXIT=3"), "the shell, after the grace");
        String err = Files.readString(dir.resolve("err"));
        assertTrue(err.contains("quit while the panel had not answered about the notes of #")
                && err.contains("it may or may not have been applied. Check with: portdeck alloc list "
                        + sim.serverId("Survival SMP")), err + after);
        awaitFile(dir.resolve("after"));
        assertEquals(read("before"), read("after"), "stty -g before and after");
    }

    /** Columns `text` takes by the C library's wcwidth (as tmux counts them), from GNU `wc -L`. */
    private static int displayWidth(String text) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf %s \"$1\" | LC_ALL=C.UTF-8 wc -L", "sh", text)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(10, TimeUnit.SECONDS);
        return Integer.parseInt(out);
    }

    private static String header(String screen) {
        return screen.split("\n", 2)[0];
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
        while (!(Files.exists(file) && file.toFile().length() > 0) && System.nanoTime() < end) {
            Thread.sleep(50); // the shell creates the file before stty writes into it
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
