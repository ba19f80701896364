package dev.portdeck.tui.dashboard.keys;

import static dev.portdeck.tui.dashboard.keys.Binding.ALLOCATION;
import static dev.portdeck.tui.dashboard.keys.Binding.EVERYWHERE;
import static dev.portdeck.tui.dashboard.keys.Binding.TABLES;
import static dev.portdeck.tui.dashboard.keys.Binding.ch;
import static dev.portdeck.tui.dashboard.keys.Binding.ctrl;
import static dev.portdeck.tui.dashboard.keys.Binding.type;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** THE table of keys: it dispatches keystrokes, and the footer hints and the `?` help are generated from it. */
public final class Keymap {

    public static final String CREATE = "allocation.create";
    public static final String UPDATE = "allocation.update";
    public static final String DELETE = "allocation.delete";

    private final List<Binding> bindings;

    public Keymap(Glyphs glyphs) {
        boolean ascii = glyphs == Glyphs.ASCII;
        bindings = List.of(
                look(Command.UP, ascii ? "k Up" : "k ↑", "up (details: previous one)", null,
                        EVERYWHERE, ch('k'), type(KeyType.ArrowUp)),
                look(Command.DOWN, ascii ? "j Down" : "j ↓", "down (details: next one)", null,
                        EVERYWHERE, ch('j'), type(KeyType.ArrowDown)),
                look(Command.PAGE_UP, "PgUp ^B", "page up", null, TABLES, type(KeyType.PageUp), ctrl('b')),
                look(Command.PAGE_DOWN, "PgDn ^F", "page down", null, TABLES, type(KeyType.PageDown), ctrl('f')),
                look(Command.TOP, "g Home", "first row", null, TABLES, ch('g'), type(KeyType.Home)),
                look(Command.BOTTOM, "G End", "last row", null, TABLES, ch('G'), type(KeyType.End)),
                look(Command.OPEN, ascii ? "Enter" : "Enter →", "open the server", "open",
                        Set.of(View.SERVERS), type(KeyType.Enter), type(KeyType.ArrowRight)),
                look(Command.DETAIL, ascii ? "Enter i" : "Enter i →", "details: stats and chart",
                        "details", Set.of(View.ALLOCATIONS), type(KeyType.Enter), ch('i'), type(KeyType.ArrowRight)),
                look(Command.BACK, ascii ? "Esc" : "Esc ←", "clear the filter, then back", "back",
                        EVERYWHERE, type(KeyType.Escape), type(KeyType.ArrowLeft), type(KeyType.Backspace)),
                change(Command.ADD, "a", "add an allocation", "add", CREATE, ch('a')),
                change(Command.NOTES, "n e", "edit the notes", "notes", UPDATE, ch('n'), ch('e')),
                change(Command.PRIMARY, "p", "make it the primary", "primary", UPDATE, ch('p')),
                change(Command.REMOVE, "D Del", "remove (asks first)", "remove", DELETE, ch('D'),
                        type(KeyType.Delete)),
                look(Command.COPY, "c", "copy ip:port (OSC 52)", "copy", ALLOCATION, ch('c')),
                // not a change to the panel: it works in --readonly too
                look(Command.CHECK, "C", "choose check; --readonly ok", "check", ALLOCATION, ch('C')),
                look(Command.COPY, "c", "copy the server's id", null,
                        Set.of(View.SERVERS), ch('c')),
                look(Command.FILTER, "/", "filter rows (Esc clears)", "filter", TABLES, ch('/')),
                look(Command.SORT_NEXT, "> s", "sort by the next column", "sort", TABLES, ch('>'), ch('s'), ch('.')),
                look(Command.SORT_PREVIOUS, "<", "sort by the previous column", null, TABLES, ch('<'), ch(',')),
                look(Command.REVERSE, "I S", "invert the sort order", null, TABLES, ch('I'), ch('S')),
                look(Command.REFRESH, "r R", "reload from the panel now", null, EVERYWHERE, ch('r'), ch('R')),
                look(Command.PROBE_NOW, "t", "test every port now", null, EVERYWHERE, ch('t')),
                look(Command.PAUSE, "z Z", "pause / resume probing", null, EVERYWHERE, ch('z'), ch('Z')),
                look(Command.HELP, "? F1", "this help", "help", EVERYWHERE, ch('?'), type(KeyType.F1)),
                look(Command.QUIT, "q ^C", "quit", "quit", EVERYWHERE, ch('q'), ctrl('c')));
    }

    @SafeVarargs
    private static Binding look(Command command, String keys, String does, String hint, Set<View> views,
            java.util.function.Predicate<KeyStroke>... matchers) {
        return new Binding(command, keys, does, hint, views, null, List.of(matchers));
    }

    @SafeVarargs
    private static Binding change(Command command, String keys, String does, String hint, String permission,
            java.util.function.Predicate<KeyStroke>... matchers) {
        return new Binding(command, keys, does, hint, ALLOCATION, permission, List.of(matchers));
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** The binding `key` triggers in `view`. */
    public Optional<Binding> find(KeyStroke key, View view) {
        return bindings.stream().filter(b -> b.worksIn(view) && b.matches(key)).findFirst();
    }

    /** The binding `key` triggers in some other view (so a key pressed in the wrong place can say where it works). */
    public Optional<Binding> elsewhere(KeyStroke key) {
        return bindings.stream().filter(b -> b.matches(key)).findFirst();
    }

    public Binding binding(Command command) {
        return bindings.stream().filter(b -> b.command() == command).findFirst().orElseThrow();
    }

    /** The footer's hints for `view`, in table order. */
    public List<Binding> hints(View view) {
        return bindings.stream().filter(b -> b.hint() != null && b.worksIn(view)).toList();
    }
}
