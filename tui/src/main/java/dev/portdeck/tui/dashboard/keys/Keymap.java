package dev.portdeck.tui.dashboard.keys;

import static dev.portdeck.tui.dashboard.keys.Binding.ch;
import static dev.portdeck.tui.dashboard.keys.Binding.ctrl;
import static dev.portdeck.tui.dashboard.keys.Binding.type;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.tui.dashboard.keys.Binding.Where;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import java.util.List;
import java.util.Optional;

/** THE table of keys: it dispatches keystrokes, and the footer hints and the `?` help are generated from it. */
public final class Keymap {

    static final String CREATE = "allocation.create";
    static final String UPDATE = "allocation.update";
    static final String DELETE = "allocation.delete";

    private final List<Binding> bindings;

    public Keymap(Glyphs glyphs) {
        boolean ascii = glyphs == Glyphs.ASCII;
        String up = ascii ? "k Up" : "k ↑";
        String down = ascii ? "j Down" : "j ↓";
        bindings = List.of(
                new Binding(Command.UP, up, "move up", null, Where.EVERYWHERE, null,
                        List.of(ch('k'), type(KeyType.ArrowUp))),
                new Binding(Command.DOWN, down, "move down", null, Where.EVERYWHERE, null,
                        List.of(ch('j'), type(KeyType.ArrowDown))),
                new Binding(Command.PAGE_UP, "PgUp ^B", "page up", null, Where.EVERYWHERE, null,
                        List.of(type(KeyType.PageUp), ctrl('b'))),
                new Binding(Command.PAGE_DOWN, "PgDn ^F", "page down", null, Where.EVERYWHERE, null,
                        List.of(type(KeyType.PageDown), ctrl('f'))),
                new Binding(Command.TOP, "g Home", "first row", null, Where.EVERYWHERE, null,
                        List.of(ch('g'), type(KeyType.Home))),
                new Binding(Command.BOTTOM, "G End", "last row", null, Where.EVERYWHERE, null,
                        List.of(ch('G'), type(KeyType.End))),
                new Binding(Command.OPEN, ascii ? "Enter" : "Enter →", "open the server's allocations", "open", Where.SERVERS, null,
                        List.of(type(KeyType.Enter), type(KeyType.ArrowRight))),
                new Binding(Command.BACK, ascii ? "Esc" : "Esc ←", "clear the filter, then back to servers", "back", Where.EVERYWHERE,
                        null, List.of(type(KeyType.Escape), type(KeyType.ArrowLeft), type(KeyType.Backspace))),
                new Binding(Command.FILTER, "/", "filter rows (Enter keeps, Esc clears)", "filter", Where.EVERYWHERE,
                        null, List.of(ch('/'))),
                new Binding(Command.SORT, "s >", "sort by the next column", "sort", Where.EVERYWHERE, null,
                        List.of(ch('s'), ch('>'))),
                new Binding(Command.REVERSE, "S I", "reverse the sort order", null, Where.EVERYWHERE, null,
                        List.of(ch('S'), ch('I'))),
                new Binding(Command.REFRESH, "r R", "reload from the panel", null, Where.EVERYWHERE, null,
                        List.of(ch('r'), ch('R'))),
                new Binding(Command.PROBE_NOW, "t", "test every port now", null, Where.EVERYWHERE, null,
                        List.of(ch('t'))),
                new Binding(Command.PAUSE, "z Z", "pause / resume live probing", null, Where.EVERYWHERE, null,
                        List.of(ch('z'), ch('Z'))),
                new Binding(Command.ADD, "a", "add an allocation (auto or ip/port)", "add", Where.ALLOCATIONS, CREATE,
                        List.of(ch('a'))),
                new Binding(Command.NOTES, "n e", "edit the notes", "notes", Where.ALLOCATIONS, UPDATE,
                        List.of(ch('n'), ch('e'))),
                new Binding(Command.PRIMARY, "p", "make it the primary", "primary", Where.ALLOCATIONS, UPDATE,
                        List.of(ch('p'))),
                new Binding(Command.REMOVE, "D Del", "remove (asks first)", "remove", Where.ALLOCATIONS, DELETE,
                        List.of(ch('D'), type(KeyType.Delete))),
                new Binding(Command.HELP, "? F1", "this help", "help", Where.EVERYWHERE, null,
                        List.of(ch('?'), type(KeyType.F1))),
                new Binding(Command.QUIT, "q ^C", "quit", "quit", Where.EVERYWHERE, null,
                        List.of(ch('q'), ctrl('c'))));
    }

    public List<Binding> bindings() {
        return bindings;
    }

    public Optional<Binding> find(KeyStroke key, View view) {
        return bindings.stream().filter(b -> b.where().includes(view) && b.matches(key)).findFirst();
    }

    Binding binding(Command command) {
        return bindings.stream().filter(b -> b.command() == command).findFirst().orElseThrow();
    }

    /** The footer's hints for `view`, in table order. */
    public List<Binding> hints(View view) {
        return bindings.stream().filter(b -> b.hint() != null && b.where().includes(view)).toList();
    }
}
