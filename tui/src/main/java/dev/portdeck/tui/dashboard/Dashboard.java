package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.tui.dashboard.dialog.AllocationEditor;
import dev.portdeck.tui.dashboard.dialog.CheckEditor;
import dev.portdeck.tui.dashboard.keys.WakingInput;
import dev.portdeck.tui.dashboard.state.Changes;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.state.HistoryFeed;
import dev.portdeck.tui.dashboard.state.ListeningFeed;
import dev.portdeck.tui.dashboard.state.Reachability;
import dev.portdeck.tui.dashboard.state.StartClock;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.history.AvailabilityHistory;
import dev.portdeck.tui.history.PrometheusAddress;
import java.io.EOFException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The dashboard on a Lanterna {@link Screen}: the GUI, its window, the model and the background threads.
 * The thread that opens it is the GUI thread and must keep calling {@link #step()} (or {@link #runUntilQuit()});
 * tests do the same on a virtual terminal.
 */
public final class Dashboard implements AutoCloseable {

    private static final long ACTIVE_SLEEP_MILLIS = 10;
    private static final long IDLE_SLEEP_MILLIS = 50;
    /** With {@link #wakeOnInput}: keys, background news and resizes wake the GUI thread; this is only a backstop. */
    private static final long WOKEN_SLEEP_MILLIS = 1000;
    private static final Duration HISTORY_TIMEOUT = Duration.ofSeconds(10);
    private static final long ACTIVE_NANOS = 2_000_000_000L;
    /** While nobody types, news from the background (probe rounds, resources) redraws at most this often... */
    private static final long NEWS_REDRAW_NANOS = 2_000_000_000L;
    /**
     * ...and the first news after a quiet spell waits this long for the rest of its burst: the answers of a resources
     * poll arrive over ~0.1 s, and were two redraws (the first answer, then the rest 2 s later), now one.
     */
    private static final long GATHER_NANOS = 300_000_000L;
    /** ...once the start is over: the first servers and probe results show the moment they arrive. */
    private static final long START_NANOS = 5_000_000_000L;
    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");
    private final MultiWindowTextGUI gui;
    private final DeckScreen deckScreen;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final Reachability reachability;
    private final Executor ui;
    private final long openedAt = System.nanoTime();
    private final ListeningFeed listening;
    private final HistoryFeed history;
    private volatile boolean quit;
    private final Object wake = new Object();
    private boolean woken; // guarded by wake
    private volatile boolean inputWakes;
    // GUI thread only
    private long lastKey = openedAt - ACTIVE_NANOS;
    private boolean pacedNews;
    private long lastNews;
    private boolean newsDue;
    private boolean redrawPosted;

    private final Deck deck;

    private Dashboard(Screen screen, PanelClient client, Reachability reachability, DashboardOptions options,
            String panelLabel, Consumer<byte[]> terminalOut, Clock clock, Supplier<ListeningSnapshot> sockets) {
        this.reachability = reachability;
        // no backdrop: the full-screen window always covers it (filling it was one of six passes a redraw made)
        this.gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new Unseen()) {
            @Override
            protected synchronized KeyStroke readKeyStroke() throws IOException {
                KeyStroke key = super.readKeyStroke();
                if (key != null) {
                    lastKey = System.nanoTime();
                }
                return key;
            }
        };
        gui.setTheme(new Palette(options.color()).dialogTheme(options.ascii()));
        this.ui = task -> {
            gui.getGUIThread().invokeLater(task);
            wake();
        };
        if (screen instanceof TerminalScreen ts) {
            ts.getTerminal().addResizeListener((terminal, size) -> wake());
        }
        // a hung server holds at most one thread per kind of call (see Deck): the others go on
        this.io = Executors.newFixedThreadPool(8, daemon("portdeck-panel"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("portdeck-timer"));
        this.deck = new Deck(client, reachability, io, ui, timer, clock, options.checks(), options.resources());
        this.listening = new ListeningFeed(ui, sockets);
        deck.listenHere(listening);
        this.history = options.prometheus() == null ? null : new HistoryFeed(new AvailabilityHistory(
                options.prometheus(), HISTORY_TIMEOUT), PrometheusAddress.shown(options.prometheus()), ui);
        if (history != null) {
            deck.readHistory(history);
        }
        deck.start(); // the first request is under way while the window is built
        this.deckScreen = new DeckScreen(deck, options, panelLabel, new Clipboard(terminalOut), () -> quit = true);
        deckScreen.setEditor(new AllocationEditor(gui, deck, deckScreen, () -> quit = true));
        deckScreen.setCheckEditor(new CheckEditor(gui, deck, deckScreen, Glyphs.of(options.ascii()), () -> quit = true));
        BasicWindow window = new BasicWindow();
        window.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        window.setComponent(deckScreen);
        gui.addWindow(window);
        deck.onChange(this::news);
        deck.onProbeDetail(() -> {
            if (deckScreen.showsProbeDetail()) {
                news(); // the servers list shows only whether each port answered: a round that changed none is not drawn
            }
        });
        // "checked 3s ago" ages by itself: looked at once a second while it is on screen (redrawn when it changed);
        // the GUI thread is not woken for a frame without anything the clock changes (the servers view)
        timer.scheduleAtFixedRate(() -> {
            if (deckScreen.showsTime()) {
                ui.execute(deckScreen::tick);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Opens the dashboard on `screen` (already started); the calling thread becomes the GUI thread. */
    public static Dashboard open(Screen screen, PanelClient client, Reachability reachability,
            DashboardOptions options, String panelLabel) {
        return open(screen, client, reachability, options, panelLabel, bytes -> { });
    }

    /** The same, with `terminalOut` writing raw bytes to the terminal (the clipboard's OSC 52). */
    public static Dashboard open(Screen screen, PanelClient client, Reachability reachability,
            DashboardOptions options, String panelLabel, Consumer<byte[]> terminalOut) {
        return open(screen, client, reachability, options, panelLabel, terminalOut, ListeningSnapshot::take);
    }

    /** The same, reading what listens from the snapshots `sockets` starts (tests: another /proc, none at all). */
    static Dashboard open(Screen screen, PanelClient client, Reachability reachability, DashboardOptions options,
            String panelLabel, Consumer<byte[]> terminalOut, Supplier<ListeningSnapshot> sockets) {
        return new Dashboard(screen, client, reachability, options, panelLabel, terminalOut, Clock.systemUTC(),
                sockets);
    }

    /** The changes sent to the panel that have no answer yet. */
    public List<Changes.Pending> changesInFlight() {
        return deck.changes().inFlight();
    }

    /**
     * Quitting with changes in flight: keeps the screen going for up to `wait` so their answers can arrive (saying so
     * on the status line), and returns those that still have none.
     */
    public List<Changes.Pending> finishChanges(Duration wait) throws IOException, InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        if (!changesInFlight().isEmpty()) {
            deckScreen.say("Quitting: waiting up to " + wait.toSeconds() + "s for the panel to answer about "
                    + changesInFlight().stream().map(Changes.Pending::toString).collect(Collectors.joining(", ")) + "...",
                    Tone.WARN);
        }
        while (!changesInFlight().isEmpty() && System.nanoTime() < end) {
            if (!step()) {
                Thread.sleep(ACTIVE_SLEEP_MILLIS);
            }
        }
        return changesInFlight();
    }

    /**
     * From now on the GUI thread sleeps until `keys` has input (or a background result or a resize comes) instead of
     * polling the terminal every 50 ms: an idle dashboard wakes a few times a minute, not twenty times a second.
     */
    public void wakeOnInput(WakingInput keys) {
        keys.onInput(this::wake);
        inputWakes = true;
    }

    private void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    /** Sleeps up to `millis`, less when woken since the last call. */
    private void sleep(long millis) throws InterruptedException {
        synchronized (wake) {
            if (!woken) {
                wake.wait(millis);
            }
            woken = false;
        }
    }

    /** Handles pending keys and background results, redraws if needed; false when there was nothing to do. */
    public boolean step() throws IOException {
        try {
            return gui.getGUIThread().processEventsAndUpdate();
        } catch (EOFException gone) {
            quit = true; // the terminal went away (SSH dropped): leave cleanly
            return false;
        }
    }

    /**
     * Runs until `q`, Ctrl-C or the end of input: quick to answer while the user types, cheap when nobody does (woken
     * by input, see {@link #wakeOnInput}; else polling, faster for two seconds after a key).
     */
    public void runUntilQuit() throws IOException, InterruptedException {
        pacedNews = true;
        step();
        if (StartClock.timing()) {
            LOG.info(() -> "first frame at " + StartClock.millis() + " ms");
        }
        while (!quit) {
            if (!step()) {
                boolean typing = System.nanoTime() - lastKey < ACTIVE_NANOS;
                sleep(inputWakes ? WOKEN_SLEEP_MILLIS : typing ? ACTIVE_SLEEP_MILLIS : IDLE_SLEEP_MILLIS);
            }
        }
    }

    /**
     * The deck changed (GUI thread): redraw now while someone types or during the start, else 0.3 s after the first
     * news of a quiet spell and at most every 2 s, so that a few hundred allocations answering and resources arriving
     * one by one cost one redraw, not dozens.
     */
    private void news() {
        long now = System.nanoTime();
        if (!pacedNews || now - lastKey < ACTIVE_NANOS || now - openedAt < START_NANOS) {
            lastNews = now;
            redrawSoon();
        } else if (!newsDue) {
            newsDue = true;
            try {
                timer.schedule(() -> ui.execute(() -> {
                    newsDue = false;
                    lastNews = System.nanoTime();
                    deckScreen.redrawIfChanged();
                }), Math.max(GATHER_NANOS, NEWS_REDRAW_NANOS - (now - lastNews)), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                newsDue = false; // the dashboard is closing: nothing left to draw
            }
        }
    }

    /**
     * One redraw after everything already waiting for the GUI thread: the answers of a burst (500 servers' resources,
     * a round's probe results) each painted a whole frame during the start, and now cost one frame together.
     */
    private void redrawSoon() {
        if (!redrawPosted) {
            redrawPosted = true;
            ui.execute(() -> {
                redrawPosted = false;
                deckScreen.redrawIfChanged();
            });
        }
    }

    public boolean quitRequested() {
        return quit;
    }

    MultiWindowTextGUI gui() {
        return gui;
    }

    @Override
    public void close() {
        reachability.close();
        listening.close();
        if (history != null) {
            history.close();
        }
        timer.shutdownNow();
        io.shutdownNow();
    }

    /** The GUI's background, always under the full-screen window: drawn as nothing. */
    private static final class Unseen extends AbstractComponent<Unseen> {
        @Override
        protected ComponentRenderer<Unseen> createDefaultRenderer() {
            return new ComponentRenderer<>() {
                @Override
                public TerminalSize getPreferredSize(Unseen component) {
                    return TerminalSize.ONE;
                }

                @Override
                public void drawComponent(TextGUIGraphics graphics, Unseen component) {
                    // nothing: no cell of it is ever seen
                }
            };
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
