package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.dashboard.dialog.AllocationEditor;
import dev.portdeck.tui.dashboard.dialog.CheckEditor;
import dev.portdeck.tui.dashboard.dialog.StatusLine;
import dev.portdeck.tui.dashboard.keys.Binding;
import dev.portdeck.tui.dashboard.keys.Command;
import dev.portdeck.tui.dashboard.keys.Keymap;
import dev.portdeck.tui.dashboard.keys.PastedText;
import dev.portdeck.tui.dashboard.keys.View;
import dev.portdeck.tui.dashboard.state.Deck;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Palette;
import dev.portdeck.tui.dashboard.theme.Tone;
import dev.portdeck.tui.dashboard.view.Captions;
import dev.portdeck.tui.dashboard.view.DetailPane;
import dev.portdeck.tui.dashboard.view.HelpPage;
import dev.portdeck.tui.dashboard.view.Painter;
import java.util.List;
import java.util.Locale;

/**
 * The whole dashboard screen as one component: keys arrive here and go through the {@link Keymap} to an action;
 * changes to the panel go to the {@link AllocationEditor}; a {@link Frame} (or the help) is drawn. No key fails
 * silently: a key meant for another view says where it works, any other letter says `?` lists the keys.
 */
final class DeckScreen extends AbstractInteractableComponent<DeckScreen> implements StatusLine {

    static final int MIN_COLUMNS = 60;
    static final int MIN_ROWS = 12;

    private final Deck deck;
    private final Keymap keymap;
    private final Painter painter;
    private final HelpPage help;
    private final Frame frame;
    private final Glyphs glyphs;
    private final DashboardOptions options;
    private final Runnable quit;
    private final Clipboard clipboard;
    private final Navigation nav;
    private final News news = new News();
    private final OffscreenFrame offscreen = new OffscreenFrame();
    /** The next draw shows the frame {@link #redrawIfChanged()} just painted (nothing changed since). GUI thread only. */
    private boolean prerendered;
    /** Whether the frame on screen shows the time passing (read by the timer thread, see {@link #showsTime()}). */
    private volatile boolean showsTime;
    private AllocationEditor editor;
    private CheckEditor checkEditor;
    private int helpPage = -1; // the page of `?` on screen, -1 when closed
    private int helpPages = 1;
    private StringBuilder filterInput;

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
        this.frame = new Frame(deck, painter, new Captions(deck, glyphs, options.readOnly(), options.interval(),
                panelLabel), new DetailPane(deck, glyphs, palette, painter), keymap, glyphs);
        this.nav = new Navigation(deck, glyphs, options);
    }

    void setEditor(AllocationEditor editor) {
        this.editor = editor;
    }

    void setCheckEditor(CheckEditor editor) {
        this.checkEditor = editor;
    }

    @Override
    public void say(String sentence, Tone tone) {
        news.say(sentence, tone, deck.now());
        invalidate();
    }

    /** The clock moved on: old news goes, and what shows the time ("3s ago", a countdown) is redrawn if it changed. */
    void tick() {
        if (news.expire(deck.now())) {
            invalidate();
        } else if (showsTime) {
            redrawIfChanged();
        }
    }

    /**
     * Whether the frame on screen has anything the clock changes: news that will expire, "checked 3s ago" (every view
     * but the servers'), a retry countdown. The servers view with none of these needs no tick at all.
     */
    boolean showsTime() {
        return showsTime;
    }

    /** Whether the screen shows a probe's times and counters (the allocations or their details), not just its answer. */
    boolean showsProbeDetail() {
        return nav.view() != View.SERVERS && helpPage < 0 && !tooSmall();
    }

    /**
     * Something in the background changed (probe results, resources): the frame is painted off-screen and the screen
     * redrawn only when that frame differs from the one shown.
     */
    void redrawIfChanged() {
        TerminalSize size = getSize();
        if (size.getRows() == 0 || size.getColumns() == 0) {
            invalidate(); // never drawn yet: nothing to compare with
        } else if (offscreen.render(size, this::paint)) {
            super.invalidate();
            prerendered = true;
        }
    }

    /** Keys, news and everything else: the next draw paints the frame anew. */
    @Override
    public void invalidate() {
        prerendered = false;
        super.invalidate();
    }

    // ---- keys ----

    @Override
    protected Result handleKeyStroke(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            quit.run();
            return Result.HANDLED;
        }
        if (tooSmall()) {
            keymap.find(key, nav.view()).filter(b -> b.command() == Command.QUIT).ifPresent(b -> quit.run());
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
            keymap.find(key, nav.view()).filter(b -> b.command() == Command.QUIT).ifPresent(b -> quit.run());
        }
    }

    private void dispatch(KeyStroke key) {
        var here = keymap.find(key, nav.view());
        if (here.isPresent()) {
            run(here.get());
            return;
        }
        var elsewhere = keymap.elsewhere(key);
        if (elsewhere.isPresent()) {
            Binding b = elsewhere.get();
            String where = b.where().replace(", ", " and ");
            say(capitalized(b.does()) + " works in the " + where + " view" + (where.contains(" and ") ? "s" : "")
                    + (nav.view() == View.SERVERS ? ": open a server first (Enter)." : "."), Tone.WARN);
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
            nav.table().setFilter(filterInput.toString());
            return;
        }
        switch (key.getKeyType()) {
            case Escape -> {
                filterInput = null;
                nav.table().setFilter("");
            }
            case Enter -> filterInput = null;
            case Backspace -> {
                if (filterInput.length() > 0) {
                    filterInput.setLength(filterInput.offsetByCodePoints(filterInput.length(), -1));
                }
                nav.table().setFilter(filterInput.toString());
            }
            case Character -> typeIntoFilter(key);
            default -> {
                filterInput = null;
                keymap.find(key, nav.view()).ifPresent(this::run);
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
        nav.table().setFilter(filterInput.toString());
    }

    private void run(Binding b) {
        String why = unavailable(b);
        if (why != null) {
            say(capitalized(b.does()) + " is unavailable: " + why + ".", Tone.WARN);
            return;
        }
        switch (b.command()) {
            case UP -> nav.move(-1);
            case DOWN -> nav.move(1);
            case PAGE_UP -> nav.move(-pageSize());
            case PAGE_DOWN -> nav.move(pageSize());
            case TOP -> nav.move(-1_000_000);
            case BOTTOM -> nav.move(1_000_000);
            case OPEN -> open();
            case DETAIL -> details();
            case BACK -> back();
            case FILTER -> filterInput = new StringBuilder(nav.table().filter());
            case SORT_NEXT -> nav.table().nextSort();
            case SORT_PREVIOUS -> nav.table().previousSort();
            case REVERSE -> nav.table().reverse();
            case REFRESH -> refresh();
            case PROBE_NOW -> probeNow();
            case PAUSE -> pause();
            case COPY -> copy();
            case CHECK -> chooseCheck();
            case HELP -> helpPage = 0;
            case QUIT -> quit.run();
            case ADD, NOTES, PRIMARY, REMOVE -> change(b.command());
        }
    }

    private int pageSize() {
        return Math.max(1, Frame.tableHeight(getSize().getRows()) - 3);
    }

    private void open() {
        Server s = nav.selectedServer();
        if (s == null) {
            say("There is no server to open" + (nav.servers().filter().isEmpty() ? "." : " (Esc clears the filter)."),
                    Tone.WARN);
            return;
        }
        nav.openAllocations(s);
        String loading = "loading " + s.name() + glyphs.ellipsis();
        say(loading, Tone.DIM);
        deck.refresh(s.identifier(), () -> clearIfStill(loading), e -> say(Deck.sentence(e), Tone.BAD));
    }

    private void details() {
        if (nav.selectedAllocation() == null) {
            say("Select an allocation first.", Tone.WARN);
            return;
        }
        nav.showDetails();
    }

    /** Clears `text` from the status line unless something newer replaced it meanwhile. */
    private void clearIfStill(String text) {
        if (news.text().equals(text)) {
            say("", Tone.NORMAL);
        }
    }

    private void back() {
        if (nav.back() == View.ALLOCATIONS) {
            say("", Tone.NORMAL);
        }
    }

    /** `r`: now, not at the next retry; and says what came of it. */
    private void refresh() {
        String reloading = "reloading" + glyphs.ellipsis();
        say(reloading, Tone.DIM);
        deck.reloadHistory();
        if (nav.view() == View.SERVERS) {
            deck.reload(() -> say("Reloaded " + deck.servers().size() + " servers from the panel.", Tone.GOOD),
                    () -> clearIfStill(reloading)); // the problem and its countdown show instead
            return;
        }
        String id = nav.openServer();
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
        if (nav.view() == View.SERVERS) {
            Server s = nav.selectedServer();
            if (s != null) {
                clipboard.copy(s.identifier());
                say("Copied " + s.identifier() + " (" + s.name() + ") to the clipboard.", Tone.GOOD);
            }
            return;
        }
        Allocation a = nav.selectedAllocation();
        if (a == null) {
            say("Select an allocation first.", Tone.WARN);
            return;
        }
        clipboard.copy(a.address());
        say("Copied " + a.address() + " to the clipboard (through the terminal: OSC 52).", Tone.GOOD);
    }

    /** `C`: which question to ask the selected allocation (a local choice: no panel change, so --readonly too). */
    private void chooseCheck() {
        Server s = deck.server(nav.openServer());
        Allocation a = nav.selectedAllocation();
        if (a == null) {
            say("Select an allocation first.", Tone.WARN);
        } else if (s != null && checkEditor != null) {
            checkEditor.choose(s, a);
        }
    }

    private void change(Command command) {
        Server s = deck.server(nav.openServer());
        Allocation a = nav.selectedAllocation();
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
        Server s = nav.openServer() == null ? null : deck.server(nav.openServer());
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

    // ---- drawing ----

    boolean tooSmall() {
        TerminalSize size = getSize();
        return size.getColumns() < MIN_COLUMNS || size.getRows() < MIN_ROWS;
    }

    private void paint(TextGraphics g) {
        showsTime = !news.text().isEmpty() || (!tooSmall() && helpPage < 0
                && (nav.view() != View.SERVERS || deck.retryIn() != null));
        if (tooSmall() || helpPage >= 0) {
            deck.onScreen(List.of()); // no server shows: none is read more often than the others
        }
        if (tooSmall()) {
            painter.tooSmall(g, MIN_COLUMNS, MIN_ROWS);
        } else if (helpPage >= 0) {
            helpPages = help.pages(g, keymap);
            help.paint(g, keymap, this::unavailableShort, helpPage);
        } else {
            frame.paint(g, nav, news, filterInput, this::unavailable);
        }
    }

    /** The frame `redrawIfChanged` painted when nothing changed since, else a new one; either way the off-screen one. */
    private void drawFrame(TextGraphics g) {
        if (!prerendered || !g.getSize().equals(offscreen.size())) {
            offscreen.render(g.getSize(), this::paint);
        }
        prerendered = false;
        offscreen.drawOn(g);
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
                component.drawFrame(graphics);
            }
        };
    }
}
