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
import dev.portdeck.tui.dashboard.keys.PastedText;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.table.AllocationsSource;
import dev.portdeck.tui.dashboard.table.RowTable;
import dev.portdeck.tui.dashboard.table.ServersSource;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.dashboard.view.Captions;
import dev.portdeck.tui.dashboard.view.DetailPane;
import dev.portdeck.tui.dashboard.view.HelpPage;
import dev.portdeck.tui.dashboard.view.Painter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The whole dashboard screen as one component: header, table or detail pane, status and key hints, or the help page.
 * Keys arrive here and go through the {@link Keymap}; changes to the panel go to the {@link AllocationEditor}.
 * No key fails silently: a key meant for another view says where it works, any other says `?` lists the keys.
 */
final class DeckScreen extends AbstractInteractableComponent<DeckScreen> implements StatusLine {

    static final int MIN_COLUMNS = 60;
    static final int MIN_ROWS = 12;
    private static final Duration NEWS_LASTS = Duration.ofSeconds(10);
    private static final Duration WARNING_LASTS = Duration.ofSeconds(30);

    private final Deck deck;
    private final Keymap keymap;
    private final Painter painter;
    private final HelpPage help;
    private final DetailPane detail;
    private final Glyphs glyphs;
    private final DashboardOptions options;
    private final Runnable quit;
    private final Captions captions;
    private final Clipboard clipboard;
    private final RowTable<Server> servers;
    private RowTable<Allocation> allocations;
    private AllocationEditor editor;
    private View view = View.SERVERS;
    private int helpPage = -1; // the page of `?` on screen, -1 when closed
    private StringBuilder filterInput;
    private String status = "";
    private Tone statusTone = Tone.NORMAL;
    private Instant statusUntil = Instant.MAX;
    private int shown;
    private int helpPages = 1;

    DeckScreen(Deck deck, DashboardOptions options, String panelLabel, Clipboard clipboard, Runnable quit) {
        this.deck = deck;
        this.options = options;
        this.quit = quit;
        this.clipboard = clipboard;
        this.glyphs = Glyphs.of(options.ascii());
        this.keymap = new Keymap(glyphs);
        Palette palette = new Palette(options.color());
        this.painter = new Painter(palette, glyphs);
        this.help = new HelpPage(painter);
        this.detail = new DetailPane(deck, glyphs, palette, painter);
        this.captions = new Captions(deck, glyphs, options.readOnly(), options.interval(), panelLabel);
        this.servers = new RowTable<>(new ServersSource(deck, glyphs));
        if (options.sort() != null) {
            servers.sortBy(options.sort(), options.sortDescending());
        }
    }

    void setEditor(AllocationEditor editor) {
        this.editor = editor;
    }

    @Override
    public void say(String sentence, Tone tone) {
        status = sentence == null ? "" : sentence;
        statusTone = tone;
        boolean warning = tone == Tone.BAD || tone == Tone.WARN;
        statusUntil = deck.now().plus(warning ? WARNING_LASTS : NEWS_LASTS);
        invalidate();
    }

    /** The clock moved on: old news goes, and what shows the time ("3s ago", a countdown) is redrawn. */
    void tick() {
        if (!status.isEmpty() && deck.now().isAfter(statusUntil)) {
            status = "";
            invalidate();
        }
        if ((view != View.SERVERS || deck.retryIn() != null) && helpPage < 0 && !tooSmall()) {
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
        if (helpPage >= 0) {
            helpKey(key);
        } else if (filterInput != null) {
            editFilter(key);
        } else if (key instanceof PastedText) {
            say("A paste is not a command: open a text field first (n edits the notes, / filters).", Tone.WARN);
        } else {
            dispatch(key);
        }
        invalidate();
        return Result.HANDLED;
    }

    /** Space, PgDn, j turn the page; PgUp, k go back; q quits; any other key closes the help. */
    private void helpKey(KeyStroke key) {
        boolean next = key.getKeyType() == KeyType.PageDown || key.getKeyType() == KeyType.ArrowDown
                || (key.getKeyType() == KeyType.Character && " j".indexOf(key.getCharacter()) >= 0);
        boolean previous = key.getKeyType() == KeyType.PageUp || key.getKeyType() == KeyType.ArrowUp
                || (key.getKeyType() == KeyType.Character && key.getCharacter() == 'k');
        if (next && helpPage + 1 < helpPages) {
            helpPage++;
        } else if (previous && helpPage > 0) {
            helpPage--;
        } else {
            helpPage = -1;
            keymap.find(key, view).filter(b -> b.command() == Command.QUIT).ifPresent(b -> quit.run());
        }
    }

    private void dispatch(KeyStroke key) {
        var here = keymap.find(key, view);
        if (here.isPresent()) {
            run(here.get());
            return;
        }
        var elsewhere = keymap.elsewhere(key);
        if (elsewhere.isPresent()) {
            Binding b = elsewhere.get();
            String where = b.where().replace(", ", " and ");
            say(capitalized(b.does()) + " works in the " + where + " view" + (where.contains(" and ") ? "s" : "")
                    + (view == View.SERVERS ? ": open a server first (Enter)." : "."), Tone.WARN);
        } else if (key.getKeyType() == KeyType.Character && !key.isCtrlDown()) {
            say("'" + key.getCharacter() + "' does nothing here; ? lists the keys.", Tone.DIM);
        }
    }

    private static String capitalized(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private void editFilter(KeyStroke key) {
        if (key instanceof PastedText paste) {
            String line = paste.singleLine();
            filterInput.append(line == null ? paste.text().replaceAll("\\s+", " ") : line);
            table().setFilter(filterInput.toString());
            return;
        }
        switch (key.getKeyType()) {
            case Escape -> {
                filterInput = null;
                table().setFilter("");
            }
            case Enter -> filterInput = null;
            case Backspace -> {
                if (filterInput.length() > 0) {
                    filterInput.setLength(filterInput.offsetByCodePoints(filterInput.length(), -1));
                }
                table().setFilter(filterInput.toString());
            }
            case Character -> typeIntoFilter(key);
            default -> {
                filterInput = null;
                keymap.find(key, view).ifPresent(this::run);
            }
        }
    }

    private void typeIntoFilter(KeyStroke key) {
        char c = key.getCharacter();
        if (key.isCtrlDown() && c == 'c') {
            quit.run();
            return;
        }
        if (key.isCtrlDown() && (c == 'u' || c == 'w')) {
            filterInput.setLength(0); // one short word at most: both clear it
        } else if (!key.isCtrlDown() && !key.isAltDown()) {
            filterInput.append(c);
        }
        table().setFilter(filterInput.toString());
    }

    private void run(Binding b) {
        String why = unavailable(b);
        if (why != null) {
            say(capitalized(b.does()) + " is unavailable: " + why + ".", Tone.WARN);
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
            case DETAIL -> details();
            case BACK -> back();
            case FILTER -> filterInput = new StringBuilder(table().filter());
            case SORT_NEXT -> table().nextSort();
            case SORT_PREVIOUS -> table().previousSort();
            case REVERSE -> table().reverse();
            case REFRESH -> refresh();
            case PROBE_NOW -> probeNow();
            case PAUSE -> pause();
            case COPY -> copy();
            case HELP -> helpPage = 0;
            case QUIT -> quit.run();
            case ADD, NOTES, PRIMARY, REMOVE -> change(b.command());
        }
    }

    private void move(int delta) {
        if (view == View.SERVERS) {
            moveIn(servers, delta);
        } else {
            moveIn(allocations, delta);
        }
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
            say("There is no server to open" + (servers.filter().isEmpty() ? "." : " (Esc clears the filter)."),
                    Tone.WARN);
            return;
        }
        allocations = new RowTable<>(new AllocationsSource(deck, s.identifier(), glyphs));
        view = View.ALLOCATIONS;
        String loading = "loading " + s.name() + glyphs.ellipsis();
        say(loading, Tone.DIM);
        deck.refresh(s.identifier(), () -> clearIfStill(loading), e -> say(Deck.sentence(e), Tone.BAD));
    }

    private void details() {
        if (selectedAllocation() == null) {
            say("Select an allocation first.", Tone.WARN);
            return;
        }
        view = View.DETAIL;
    }

    /** Clears `text` from the status line unless something newer replaced it meanwhile. */
    private void clearIfStill(String text) {
        if (status.equals(text)) {
            say("", Tone.NORMAL);
        }
    }

    private void back() {
        if (view != View.DETAIL && !table().filter().isEmpty()) {
            table().setFilter("");
            return;
        }
        if (view == View.DETAIL) {
            view = View.ALLOCATIONS;
        } else if (view == View.ALLOCATIONS) {
            view = View.SERVERS;
            allocations = null;
            say("", Tone.NORMAL);
        }
    }

    /** `r`: now, not at the next retry; and says what came of it. */
    private void refresh() {
        String reloading = "reloading" + glyphs.ellipsis();
        say(reloading, Tone.DIM);
        if (view == View.SERVERS) {
            deck.reload(() -> say("Reloaded " + deck.servers().size() + " servers from the panel.", Tone.GOOD),
                    () -> clearIfStill(reloading)); // the problem and its countdown show instead
            return;
        }
        String id = allocations().serverId();
        deck.refresh(id, () -> {
            Server s = deck.server(id);
            say("Reloaded " + (s == null ? id : s.name() + ": " + s.allocations().size() + " allocations") + ".",
                    Tone.GOOD);
        }, e -> {
            clearIfStill(reloading);
            deck.lost(e);
        });
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

    private void copy() {
        if (view == View.SERVERS) {
            Server s = servers.selectedRow(servers.visible(deck.now()));
            if (s != null) {
                clipboard.copy(s.identifier());
                say("Copied " + s.identifier() + " (" + s.name() + ") to the clipboard.", Tone.GOOD);
            }
            return;
        }
        Allocation a = selectedAllocation();
        if (a == null) {
            say("Select an allocation first.", Tone.WARN);
            return;
        }
        clipboard.copy(a.address());
        say("Copied " + a.address() + " to the clipboard (through the terminal: OSC 52).", Tone.GOOD);
    }

    private Allocation selectedAllocation() {
        return allocations == null ? null : allocations.selectedRow(allocations.visible(deck.now()));
    }

    private void change(Command command) {
        Server s = deck.server(allocations().serverId());
        Allocation a = selectedAllocation();
        if (s == null || editor == null) {
            return;
        }
        if (deck.changes().busy(s.identifier())) {
            say("Still waiting for the panel's answer to the last change on " + s.name() + "; try again then.",
                    Tone.WARN);
        } else if (command == Command.ADD) {
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
        Server s = allocations != null ? deck.server(allocations().serverId()) : null;
        if (s != null && deck.permissionsKnown(s.identifier()) && !s.can(b.permission())) {
            return "the key lacks the " + b.permission() + " permission";
        }
        return null;
    }

    /** The same, as short as the help page's columns need. */
    private String unavailableShort(Binding b) {
        String why = unavailable(b);
        return why == null ? null : why.startsWith("read-only") ? "read-only" : "needs " + b.permission();
    }

    private RowTable<?> table() {
        return view == View.SERVERS ? servers : allocations;
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
        if (helpPage >= 0) {
            helpPages = help.pages(g, keymap);
            help.paint(g, keymap, this::unavailableShort, helpPage);
            return;
        }
        int rows = g.getSize().getRows();
        Instant now = deck.now();
        if (view == View.DETAIL && selectedAllocation() == null) {
            view = View.ALLOCATIONS; // the allocation went away (removed, reloaded)
        }
        switch (view) {
            case SERVERS -> drawServers(g, now);
            case ALLOCATIONS -> drawAllocations(g, now);
            case DETAIL -> drawDetail(g, now);
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
        String below = s == null ? captions.empty("servers", servers.filter()) : captions.serverDetail(s);
        painter.line(g, g.getSize().getRows() - 3, below == null ? "" : below, Tone.DIM);
        problemOverTable(g, rows.isEmpty(), deck.problem());
    }

    private void drawAllocations(TextGUIGraphics g, Instant now) {
        List<Allocation> rows = allocations.visible(now);
        shown = rows.size();
        String id = allocations().serverId();
        painter.bar(g, 0, captions.allocationsTitle(id), captions.liveness());
        painter.table(g, 1, tableHeight() + 1, allocations, rows, now);
        Allocation a = allocations.selectedRow(rows);
        String below = a == null ? captions.empty("allocations", allocations.filter())
                : captions.allocationDetail(a, allocations(), now);
        painter.line(g, g.getSize().getRows() - 3, below == null ? "" : below, Tone.DIM);
        String unreadable = deck.allocationProblem(id);
        String problem = unreadable == null ? deck.problem() : "The allocations could not be read: " + unreadable;
        problemOverTable(g, rows.isEmpty(), problem);
    }

    /** A panel error in full, wrapped to the width over the table's last rows (all of them when it is empty). */
    private void problemOverTable(TextGUIGraphics g, boolean empty, String problem) {
        if (problem == null) {
            return;
        }
        int bottom = g.getSize().getRows() - 3;
        int first = painter.message(g, empty ? 2 : Math.max(2, bottom - 3), bottom, problem, Tone.BAD);
        if (empty && first > 2) {
            painter.message(g, 2, first - 1, "", Tone.NORMAL);
        }
    }

    private void drawDetail(TextGUIGraphics g, Instant now) {
        Allocation a = selectedAllocation();
        Server s = deck.server(allocations().serverId());
        painter.bar(g, 0, detail.title(s == null ? allocations().serverId() : s.name(), a), captions.liveness());
        for (int row = 1; row < g.getSize().getRows() - 2; row++) {
            painter.line(g, row, "", Tone.NORMAL);
        }
        detail.paint(g, 1, g.getSize().getRows() - 2, a, allocations(), now);
    }

    private void drawStatus(TextGUIGraphics g, int row) {
        Duration retry = deck.retryIn();
        if (filterInput != null) {
            painter.line(g, row, "/" + filterInput + "_   (Enter keeps the filter, Esc clears it)", Tone.ACCENT);
        } else if (!status.isEmpty() && ScreenText.width(status) > g.getSize().getColumns()) {
            painter.message(g, Math.max(2, row - 3), row, status, statusTone); // wrapped upward, never cut
        } else if (!status.isEmpty()) {
            painter.line(g, row, status, statusTone);
        } else if (deck.problem() != null) {
            painter.line(g, row, (retry == null ? "The panel said no" : "Trying the panel again in "
                    + Math.max(1, (retry.toMillis() + 999) / 1000) + "s") + glyphs.dot() + "r: now", Tone.BAD);
        } else {
            painter.line(g, row, view == View.DETAIL ? detailHint() : countText(), Tone.DIM);
        }
    }

    private String detailHint() {
        return "j/k: the next/previous allocation" + glyphs.dot() + "Esc: back to the table" + glyphs.dot()
                + "? for keys";
    }

    private String countText() {
        RowTable<?> t = table();
        int total = t.source().rows().size();
        String filter = t.filter().isEmpty() ? "" : "filter \"" + t.filter() + "\": ";
        String sorted = t.source().columns().get(t.sortColumn()).title().toLowerCase(Locale.ROOT)
                + (t.descending() ? glyphs.downward() : glyphs.up());
        return filter + shown + " of " + total + glyphs.dot() + "sorted by " + sorted + " (< > I)" + glyphs.dot()
                + "? for keys";
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
