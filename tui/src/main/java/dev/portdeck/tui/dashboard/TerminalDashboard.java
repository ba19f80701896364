package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.tui.cli.ExitCode;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.state.MonitorReachability;
import dev.portdeck.tui.dashboard.state.Reachability;
import dev.portdeck.tui.dashboard.state.StartClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the dashboard on the real terminal and gives it back as it was: after `q`, Ctrl-C, an exception, or the panel
 * going away. Without a terminal (piped, CI) it says so and fails instead of hanging or opening a window.
 */
public final class TerminalDashboard {

    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");

    private TerminalDashboard() {
    }

    /** Whether stdin and stdout are a terminal (Java 17: no Console otherwise). */
    public static boolean hasTerminal() {
        return System.console() != null;
    }

    /** The dashboard on the embedded demo panel (named `label`), started only when there is a terminal for it. */
    public static int runDemo(Flavor flavor, DemoWorld world, String label, DashboardOptions options,
            PrintWriter err) {
        if (!hasTerminal()) {
            return noTerminal(err);
        }
        // the demo panel starts while the terminal does
        CompletableFuture<DemoPanel> demo = CompletableFuture.supplyAsync(() -> DemoPanel.start(flavor, world));
        try {
            return run(() -> ready(demo).client(), label, options, err);
        } finally {
            demo.thenAccept(DemoPanel::close).exceptionally(e -> null);
        }
    }

    /** The dashboard on `client`'s panel; `panelLabel` names it in the header. The caller closes the client. */
    public static int run(PanelClient client, String panelLabel, DashboardOptions options, PrintWriter err) {
        return run(() -> client, panelLabel, options, err);
    }

    /**
     * The dashboard on the panel `client` gives (asked once, after the terminal started, so that a client being built
     * on another thread overlaps with it). The caller closes the client.
     */
    public static int run(Supplier<PanelClient> client, String panelLabel, DashboardOptions options,
            PrintWriter err) {
        if (!hasTerminal()) {
            return noTerminal(err);
        }
        StartClock.begin();
        DiagnosticsLog.install();
        Screen screen = null;
        Thread restore = null;
        try {
            LOG.info(() -> "starting the terminal at " + StartClock.millis() + " ms");
            screen = new TerminalScreen(terminal());
            screen.startScreen();
            LOG.info(() -> "terminal ready at " + StartClock.millis() + " ms");
            Screen started = screen;
            restore = new Thread(() -> stopQuietly(started), "portdeck-restore-terminal");
            Runtime.getRuntime().addShutdownHook(restore);
            try (Reachability reach = MonitorReachability.start(options.interval(), options.timeout());
                    Dashboard dashboard = Dashboard.open(screen, client.get(), reach, options, panelLabel)) {
                dashboard.runUntilQuit();
            }
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "the dashboard failed", e);
            stopQuietly(screen);
            err.println("portdeck: the dashboard stopped: " + (e instanceof UncheckedIOException u
                    ? u.getMessage() : Deck.sentence(e)));
            err.flush();
            return ExitCode.FAILURE;
        } finally {
            stopQuietly(screen);
            if (restore != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: the terminal is restored either way
                }
            }
        }
    }

    /** The value of a background start, or what went wrong in it as the exception it was. */
    public static <T> T ready(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Says in one sentence that there is no terminal; returns the exit code for it. */
    public static int noTerminal(PrintWriter err) {
        err.println("portdeck: the dashboard needs an interactive terminal, and stdin/stdout is not one; "
                + "in scripts use `portdeck servers` or `portdeck alloc`.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static Terminal terminal() throws IOException {
        return new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
    }

    private static synchronized void stopQuietly(Screen screen) {
        if (screen == null) {
            return;
        }
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "restoring the terminal", e);
        }
    }
}
