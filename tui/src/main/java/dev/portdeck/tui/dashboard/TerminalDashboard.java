package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.dashboard.keys.BracketedPaste;
import dev.portdeck.tui.dashboard.keys.WakingInput;
import dev.portdeck.tui.dashboard.state.Changes;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.state.MonitorReachability;
import dev.portdeck.tui.dashboard.state.Reachability;
import dev.portdeck.tui.dashboard.state.StartClock;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the dashboard on the real terminal and gives it back as it was: after `q`, Ctrl-C, SIGTERM, an exception, or
 * the panel going away. Without a terminal (piped, CI) it says so and fails instead of hanging or opening a window.
 * Quitting while a change waits for the panel's answer waits a little, then says what may not have been applied.
 */
public final class TerminalDashboard {

    /** How long quitting waits for changes in flight (q, Ctrl-C, SIGTERM). */
    static final Duration QUIT_GRACE = Duration.ofSeconds(3);
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
            WakingInput keys = new WakingInput(System.in).start();
            BracketedPaste input = new BracketedPaste(keys);
            Terminal terminal = terminal(input);
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            raw(terminal, BracketedPaste.ENABLE.getBytes(StandardCharsets.US_ASCII));
            LOG.info(() -> "terminal ready at " + StartClock.millis() + " ms");
            try (Reachability reach = MonitorReachability.start(options.interval(), options.timeout());
                    Dashboard dashboard = Dashboard.open(screen, client.get(), reach, options, panelLabel,
                            bytes -> raw(terminal, bytes))) {
                dashboard.wakeOnInput(keys);
                Screen started = screen;
                restore = new Thread(() -> onSignal(dashboard, started, err), "portdeck-restore-terminal");
                Runtime.getRuntime().addShutdownHook(restore);
                JitDirective.afterStart();
                dashboard.runUntilQuit();
                List<Changes.Pending> doubtful = dashboard.finishChanges(QUIT_GRACE);
                stopQuietly(screen);
                return doubtful.isEmpty() ? ExitCode.OK : tellDoubts(doubtful, err);
            }
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

    /** SIGTERM (or SIGHUP): the same grace as `q`, the terminal back, and what may not have been applied. */
    private static void onSignal(Dashboard dashboard, Screen screen, PrintWriter err) {
        long end = System.nanoTime() + QUIT_GRACE.toNanos();
        while (!dashboard.changesInFlight().isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(20); // the GUI thread still runs and takes the answers in
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopQuietly(screen);
        List<Changes.Pending> doubtful = dashboard.changesInFlight();
        if (!doubtful.isEmpty()) {
            tellDoubts(doubtful, err);
        }
    }

    /** After the terminal is back: one sentence per change that got no answer, and how to check it. */
    static int tellDoubts(List<Changes.Pending> doubtful, PrintWriter err) {
        for (Changes.Pending change : doubtful) {
            err.println("portdeck: quit while the panel had not answered about " + change + "; it may or may not "
                    + "have been applied. Check with: portdeck alloc list " + change.serverId());
        }
        err.flush();
        return ExitCode.UNREACHABLE;
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

    /** A text terminal always (never a Swing window), Ctrl-C as a key, pastes decoded whole, emoji written whole. */
    private static Terminal terminal(BracketedPaste input) throws IOException {
        EmojiSafeTerminal t = new EmojiSafeTerminal(input, System.out);
        t.getInputDecoder().addProfile(input.profile());
        return t;
    }

    /** Bytes for the terminal itself (bracketed paste mode, OSC 52), after what the screen has buffered. */
    private static void raw(Terminal terminal, byte[] bytes) {
        try {
            terminal.flush();
            PrintStream out = System.out;
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "writing to the terminal", e);
        }
    }

    private static synchronized void stopQuietly(Screen screen) {
        if (screen == null) {
            return;
        }
        try {
            if (screen instanceof TerminalScreen ts) {
                System.out.write(BracketedPaste.DISABLE.getBytes(StandardCharsets.US_ASCII));
                System.out.flush();
                ts.getTerminal().flush();
            }
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "restoring the terminal", e);
        }
    }
}
