package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Container;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.dashboard.dialog.LineField;
import dev.portdeck.tui.dashboard.keys.PastedText;
import dev.portdeck.tui.dashboard.state.MonitorReachability;
import dev.portdeck.tui.dashboard.state.Reachability;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The real dashboard on a virtual terminal, against the panel simulator over real HTTP and the real probe monitor on
 * the simulator's loopback listeners. The test thread is the GUI thread: it steps the GUI while polling the screen.
 */
final class DeckHarness implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(15);
    final PanelSimulator sim;
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final PanelClient client;
    final Dashboard dashboard;
    /** What the dashboard wrote to the terminal past the screen (OSC 52 for the clipboard). */
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final boolean ownsSim;

    private DeckHarness(PanelSimulator sim, ApiKey key, TerminalSize size, DashboardOptions options,
            Supplier<ListeningSnapshot> sockets) throws IOException {
        this(sim, true, new PanelClient(PanelConfig.of(sim.url(), key)), size, options, sockets);
    }

    private DeckHarness(PanelSimulator sim, boolean ownsSim, PanelClient client, TerminalSize size,
            DashboardOptions options) throws IOException {
        this(sim, ownsSim, client, size, options, ListeningSnapshot::take);
    }

    private DeckHarness(PanelSimulator sim, boolean ownsSim, PanelClient client, TerminalSize size,
            DashboardOptions options, Supplier<ListeningSnapshot> sockets) throws IOException {
        this.sim = sim;
        this.ownsSim = ownsSim;
        this.terminal = new DefaultVirtualTerminal(size);
        this.screen = new TerminalScreen(terminal);
        screen.startScreen();
        this.client = client;
        Reachability reach = MonitorReachability.start(options.interval(), options.timeout());
        this.dashboard = Dashboard.open(screen, client, reach, options, "test panel", raw::writeBytes, sockets);
    }

    /** The dashboard on any panel (e.g. a MockWebServer); there is no simulator to inspect. */
    static DeckHarness on(PanelClient client, TerminalSize size) throws IOException {
        return new DeckHarness(null, false, client, size, fast());
    }

    /**
     * A second dashboard on a simulator someone else owns (two dashboards on one panel), or the dashboard on `client`
     * talking to it another way (through a {@link PanelProxy}); `sim` stays open after this closes.
     */
    static DeckHarness beside(PanelSimulator sim, PanelClient client, TerminalSize size, DashboardOptions options)
            throws IOException {
        return new DeckHarness(sim, false, client, size, options);
    }

    static DeckHarness start(Flavor flavor) throws IOException {
        return start(flavor, new TerminalSize(120, 30), fast(), PanelSimulator::clientKey);
    }

    static DeckHarness start(Flavor flavor, TerminalSize size, DashboardOptions options,
            Function<PanelSimulator, ApiKey> key) throws IOException {
        return start(SimulatorOptions.defaults().withFlavor(flavor), size, options, key);
    }

    static DeckHarness start(SimulatorOptions simulator, TerminalSize size, DashboardOptions options,
            Function<PanelSimulator, ApiKey> key) throws IOException {
        return start(simulator, size, sim -> options, key, ListeningSnapshot::take);
    }

    /**
     * Options made once the simulator runs (its server ids and ports in the config file's lines), and what listens
     * read from the snapshots `sockets` starts.
     */
    static DeckHarness start(SimulatorOptions simulator, TerminalSize size,
            Function<PanelSimulator, DashboardOptions> options, Function<PanelSimulator, ApiKey> key,
            Supplier<ListeningSnapshot> sockets) throws IOException {
        PanelSimulator sim = PanelSimulator.start(simulator);
        sim.setAutoAllocationEnabled(true); // a stock panel refuses every add; these panels' admins enabled it
        try {
            return new DeckHarness(sim, key.apply(sim), size, options.apply(sim), sockets);
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** Probe rounds every 300 ms so tests see several without waiting long. */
    static DashboardOptions fast() {
        return new DashboardOptions(Duration.ofMillis(300), Duration.ofMillis(300), false, true, false);
    }

    /** The screen as text, one line per row. */
    String text() {
        StringBuilder b = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int row = 0; row < size.getRows(); row++) {
            b.append(line(row)).append('\n');
        }
        return b.toString();
    }

    String line(int row) {
        StringBuilder b = new StringBuilder();
        for (int col = 0; col < terminal.getTerminalSize().getColumns(); col++) {
            TextCharacter c = terminal.getCharacter(col, row);
            b.append(c == null ? " " : c.getCharacterString());
        }
        return b.toString();
    }

    /** The title and text of the dialog on top (labels and text boxes, line breaks as spaces), or "" when none. */
    String dialog() {
        Window top = dashboard.gui().getActiveWindow();
        if (top == null || top.getHints().contains(Window.Hint.FULL_SCREEN)) { // the dashboard itself
            return "";
        }
        StringBuilder b = new StringBuilder(top.getTitle());
        collect(top.getComponent(), b);
        return b.toString().replaceAll("\\s+", " ");
    }

    private static void collect(Component c, StringBuilder b) {
        if (c instanceof Label l) {
            b.append(' ').append(l.getText());
        } else if (c instanceof TextBox t) {
            b.append(' ').append(t.getText());
        } else if (c instanceof LineField f) {
            b.append(' ').append(f.text());
        } else if (c instanceof Container container) {
            container.getChildren().forEach(child -> collect(child, b));
        }
    }

    /** Steps until the dialog on top contains `text` (bounded); returns the dialog's text. */
    String awaitDialog(String text) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            step();
            if (dialog().contains(text)) {
                return dialog();
            }
            sleep(10);
        }
        return fail("timed out waiting for a dialog with \"" + text + "\"; dialog: " + dialog() + "\nscreen:\n" + text());
    }

    /** Whether any cell of `row` is drawn in reverse video (how the selection shows). */
    boolean reversed(int row) {
        for (int col = 0; col < terminal.getTerminalSize().getColumns(); col++) {
            TextCharacter c = terminal.getCharacter(col, row);
            if (c != null && c.getModifiers().contains(SGR.REVERSE)) {
                return true;
            }
        }
        return false;
    }

    /** The row number of the first line containing `text`, or -1. */
    int rowOf(String text) {
        for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
            if (line(row).contains(text)) {
                return row;
            }
        }
        return -1;
    }

    /** Steps the GUI until the screen contains `text` (bounded). */
    String await(String text) {
        return awaitScreen(s -> s.contains(text), "\"" + text + "\"");
    }

    String awaitGone(String text) {
        return awaitScreen(s -> !s.contains(text), "no \"" + text + "\"");
    }

    String awaitScreen(Predicate<String> ready, String what) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            step();
            last = text();
            if (ready.test(last)) {
                return last;
            }
            sleep(10);
        }
        return fail("timed out waiting for " + what + "; the screen shows:\n" + last);
    }

    /** Steps for a while without expecting anything (e.g. to let several probe rounds pass). */
    void idle(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            step();
            sleep(10);
        }
    }

    void step() {
        try {
            dashboard.step();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void press(char... keys) {
        for (char c : keys) {
            terminal.addInput(new KeyStroke(c, false, false));
            step();
        }
    }

    void press(KeyType... keys) {
        for (KeyType k : keys) {
            terminal.addInput(new KeyStroke(k));
            step();
        }
    }

    void alt(char c) {
        terminal.addInput(new KeyStroke(c, false, true));
        step();
    }

    /** A bracketed paste, as the terminal input delivers it: one event. */
    void paste(String text) {
        terminal.addInput(new PastedText(text));
        step();
    }

    void ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        step();
    }

    void type(String text) {
        for (char c : text.toCharArray()) {
            press(c);
        }
    }

    void resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        step();
    }

    /** The allocation `id` of `server` as the panel has it now, or null when it has none by that id. */
    Allocation allocation(String server, long id) {
        return sim.server(server).allocations().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    /** The ip:port of allocation `id` (the demo's ports can move when a fixed one is busy on this machine). */
    String address(String server, long id) {
        return allocation(server, id).address();
    }

    /** Opens the allocations of the server named `name` from the servers view. */
    String open(String name) {
        await(name);
        press('/');
        type(name);
        press(KeyType.Enter, KeyType.Enter);
        awaitScreen(s -> s.contains("portdeck" + Glyphs.UNICODE.into() + name)
                || s.contains("portdeck" + Glyphs.ASCII.into() + name), "the allocations of " + name);
        return awaitScreen(s -> !s.contains("loading " + name), name + " loaded from the panel");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            dashboard.close();
            screen.stopScreen();
        } finally {
            client.close();
            if (sim != null && ownsSim) {
                sim.close();
            }
        }
    }
}
