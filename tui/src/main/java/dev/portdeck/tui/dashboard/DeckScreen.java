package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.dialog.AllocationEditor;
import dev.portdeck.tui.dashboard.dialog.StatusLine;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Command;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.Readouts;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.table.ServersSource;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.dashboard.view.Captions;
import dev.portdeck.tui.dashboard.view.Painter;
import java.time.Instant;
import java.util.List;

/**
 * The whole dashboard screen as one component: header, table, detail, status and key hints, or the help page.
 * Keys arrive here and go through the {@link Keymap}; changes to the panel go to the {@link AllocationEditor}.
 */
final class DeckScreen extends AbstractInteractableComponent<DeckScreen> implements StatusLine {

    static final int MIN_COLUMNS = 60;
    static final int MIN_ROWS = 12;

    private final Deck deck;
    private final Keymap keymap;
    private final Painter painter;
    private final Glyphs glyphs;
    private final DashboardOptions options;
    private final Runnable quit;
    private final Captions captions;
    private final RowTable<Server> servers;
    private RowTable<Allocation> allocations;
    private AllocationEditor editor;
    private View view = View.SERVERS;
    private boolean help;
    private StringBuilder filterInput;
    private String status = "";
    private Tone statusTone = Tone.NORMAL;
    private int shown;

    DeckScreen(Deck deck, DashboardOptions options, String panelLabel, Runnable quit) {
        this.deck = deck;
        this.options = options;
        this.quit = quit;
        this.glyphs = Glyphs.of(options.ascii());
        this.keymap = new Keymap(glyphs);
        this.painter = new Painter(new Palette(options.color()), glyphs);
        this.captions = new Captions(deck, glyphs, options.readOnly(), options.interval(), panelLabel);
        this.servers = new RowTable<>(new ServersSource(deck, new Readouts(glyphs)));
    }

    void setEditor(AllocationEditor editor) {
        this.editor = editor;
    }

    @Override
    public void say(String sentence, Tone tone) {
        status = sentence == null ? "" : sentence;
        statusTone = tone;
        invalidate();
    }

    /** The clock moved on: redraw only when something on screen shows the time ("checked 3s ago"). */
    void tick() {
        if (view == View.ALLOCATIONS && !help && !tooSmall()) {
            invalidate();
        }
    }

    // ---- keys ----

    @Override
    protected Result handleKeyStroke(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            quit.run();
            return Result.HANDLED;
        }
        if (tooSmall()) {
            keymap.find(key, view).filter(b -> b.command() == Command.QUIT).ifPresent(b -> quit.run());
            return Result.HANDLED;
        }
        if (help) {
            help = false;
            keymap.find(key, view).filter(b -> b.command() == Command.QUIT).ifPresent(b -> quit.run());
        } else if (filterInput != null) {
            editFilter(key);
        } else {
            keymap.find(key, view).ifPresent(b -> run(b));
        }
        invalidate();
        return Result.HANDLED;
    }

    private void editFilter(KeyStroke key) {
        switch (key.getKeyType()) {
            case Escape -> {
                filterInput = null;
                table().setFilter("");
            }
            case Enter -> filterInput = null;
            case Backspace -> {
                if (filterInput.length() > 0) {
                    filterInput.setLength(filterInput.length() - 1);
                }
                table().setFilter(filterInput.toString());
            }
            case Character -> {
                if (key.isCtrlDown() && key.getCharacter() == 'c') {
                    quit.run();
                    return;
                }
                filterInput.append(key.getCharacter());
                table().setFilter(filterInput.toString());
            }
            default -> {
                filterInput = null;
                keymap.find(key, view).ifPresent(this::run);
            }
        }
    }

    private void run(Binding b) {
        String why = unavailable(b);
        if (why != null) {
            say(b.does().substring(0, 1).toUpperCase() + b.does().substring(1) + " is unavailable: " + why + ".",
                    Tone.WARN);
            return;
        }
        switch (b.command()) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-pageSize());
            case PAGE_DOWN -> move(pageSize());
            case TOP -> move(-1_000_000);
            case BOTTOM -> move(1_000_000);
            case OPEN -> open();
            case BACK -> back();
            case FILTER -> filterInput = new StringBuilder(table().filter());
            case SORT -> table().nextSort();
            case REVERSE -> table().reverse();
            case REFRESH -> refresh();
            case PROBE_NOW -> probeNow();
            case PAUSE -> pause();
            case HELP -> help = true;
            case QUIT -> quit.run();
            case ADD, NOTES, PRIMARY, REMOVE -> change(b.command());
        }
    }

    private void move(int delta) {
        RowTable<?> t = table();
        moveIn(t, delta);
    }

    private <R> void moveIn(RowTable<R> t, int delta) {
        t.move(t.visible(deck.now()), delta);
    }

    private int pageSize() {
        return Math.max(1, tableHeight() - 2);
    }

    private void open() {
        Server s = servers.selectedRow(servers.visible(deck.now()));
        if (s == null) {
            return;
        }
        allocations = new RowTable<>(new AllocationsSource(deck, s.identifier(), glyphs));
        view = View.ALLOCATIONS;
        String loading = "loading " + s.name() + glyphs.ellipsis();
        say(loading, Tone.DIM);
        deck.refresh(s.identifier(), () -> clearIfStill(loading), e -> say(Deck.sentence(e), Tone.BAD));
    }

    /** Clears `text` from the status line unless something newer replaced it meanwhile. */
    private void clearIfStill(String text) {
        if (status.equals(text)) {
            say("", Tone.NORMAL);
        }
    }

    private void back() {
        if (!table().filter().isEmpty()) {
            table().setFilter("");
            return;
        }
        if (view == View.ALLOCATIONS) {
            view = View.SERVERS;
            allocations = null;
            say("", Tone.NORMAL);
        }
    }

    private void refresh() {
        if (view == View.ALLOCATIONS) {
            String reloading = "reloading" + glyphs.ellipsis();
            say(reloading, Tone.DIM);
            deck.refresh(allocations().serverId(), () -> clearIfStill(reloading),
                    e -> say(Deck.sentence(e), Tone.BAD));
        } else {
            say("", Tone.NORMAL);
            deck.reload();
        }
    }

    private void probeNow() {
        deck.probeNow();
        say("Testing every port now.", Tone.DIM);
    }

    private void pause() {
        boolean paused = !deck.paused();
        deck.setPaused(paused);
        say(paused ? "Live probing paused (z resumes)." : "Live probing resumed.", Tone.DIM);
    }

    private void change(Command command) {
        Server s = deck.server(allocations().serverId());
        Allocation a = allocations.selectedRow(allocations.visible(deck.now()));
        if (s == null || editor == null) {
            return;
        }
        if (command == Command.ADD) {
            editor.add(s);
        } else if (a == null) {
            say("Select an allocation first.", Tone.WARN);
        } else if (command == Command.NOTES) {
            editor.notes(s, a);
        } else if (command == Command.PRIMARY) {
            editor.primary(s, a);
        } else {
            editor.remove(s, a);
        }
    }

    /** Why `b` cannot be used now (read-only mode, a missing permission), or null when it can. */
    String unavailable(Binding b) {
        if (!b.changes()) {
            return null;
        }
        if (options.readOnly()) {
            return "read-only mode (--readonly)";
        }
        Server s = view == View.ALLOCATIONS ? deck.server(allocations().serverId()) : null;
        if (s != null && deck.permissionsKnown(s.identifier()) && !s.can(b.permission())) {
            return "the key lacks the " + b.permission() + " permission";
        }
        return null;
    }

    private RowTable<?> table() {
        return view == View.ALLOCATIONS ? allocations : servers;
    }

    private AllocationsSource allocations() {
        return (AllocationsSource) allocations.source();
    }

    // ---- drawing ----

    boolean tooSmall() {
        TerminalSize size = getSize();
        return size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS;
    }

    private int tableHeight() {
        return Math.max(1, getSize().getRows() - 5);
    }

    private void paint(TextGUIGraphics g) {
        if (tooSmall()) {
            painter.tooSmall(g, MIN_COLUMNS, MIN_ROWS);
            return;
        }
        if (help) {
            painter.help(g, keymap, this::unavailable);
            return;
        }
        int rows = g.getSize().getRows();
        Instant now = deck.now();
        if (view == View.ALLOCATIONS) {
            drawAllocations(g, now);
        } else {
            drawServers(g, now);
        }
        drawStatus(g, rows - 2);
        painter.hints(g, rows - 1, keymap.hints(view), this::unavailable);
    }

    private void drawServers(TextGUIGraphics g, Instant now) {
        List<Server> rows = servers.visible(now);
        shown = rows.size();
        painter.bar(g, 0, captions.serversTitle(), captions.liveness());
        painter.table(g, 1, tableHeight() + 1, servers, rows, now);
        Server s = servers.selectedRow(rows);
        painter.line(g, g.getSize().getRows() - 3,
                s == null ? captions.empty("servers", servers.filter()) : captions.serverDetail(s), Tone.DIM);
    }

    private void drawAllocations(TextGUIGraphics g, Instant now) {
        List<Allocation> rows = allocations.visible(now);
        shown = rows.size();
        painter.bar(g, 0, captions.allocationsTitle(allocations().serverId()), captions.liveness());
        painter.table(g, 1, tableHeight() + 1, allocations, rows, now);
        Allocation a = allocations.selectedRow(rows);
        painter.line(g, g.getSize().getRows() - 3, a == null ? captions.empty("allocations", allocations.filter())
                : captions.allocationDetail(a, allocations(), now), Tone.DIM);
    }

    private void drawStatus(TextGUIGraphics g, int row) {
        if (filterInput != null) {
            painter.line(g, row, "/" + filterInput + "_   (Enter keeps the filter, Esc clears it)", Tone.ACCENT);
        } else if (!status.isEmpty()) {
            painter.line(g, row, status, statusTone);
        } else if (deck.problem() != null) {
            painter.line(g, row, deck.problem() + " (r retries)", Tone.BAD);
        } else {
            painter.line(g, row, countText(), Tone.DIM);
        }
    }

    private String countText() {
        RowTable<?> t = table();
        int total = t.source().rows().size();
        String filter = t.filter().isEmpty() ? "" : "filter \"" + t.filter() + "\": ";
        String sorted = t.source().columns().get(t.sortColumn()).title().toLowerCase(java.util.Locale.ROOT)
                + (t.descending() ? glyphs.downward() : glyphs.up());
        return filter + shown + " of " + total + glyphs.dot() + "sorted by " + sorted + glyphs.dot() + "? for keys";
    }

    @Override
    protected InteractableRenderer<DeckScreen> createDefaultRenderer() {
        return new InteractableRenderer<>() {
            @Override
            public TerminalPosition getCursorLocation(DeckScreen component) {
                return null;
            }

            @Override
            public TerminalSize getPreferredSize(DeckScreen component) {
                return new TerminalSize(MIN_COLUMNS, MIN_ROWS);
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, DeckScreen component) {
                component.paint(graphics);
            }
        };
    }
}
