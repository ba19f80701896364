package dev.portdeck.tui.dashboard.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One row of the key table: which keys, what they do, where, and what they need.
 *
 * @param command    what happens
 * @param keys       the keys as the help and footer name them, e.g. "j ↓"
 * @param does       what happens, in a few words
 * @param hint       the footer's short word, or null to leave it to the help screen
 * @param views      the views the key works in
 * @param permission the panel permission it needs (a change), or null for keys that only look
 * @param matchers   which keystrokes trigger it
 */
public record Binding(Command command, String keys, String does, String hint, Set<View> views, String permission,
        List<Predicate<KeyStroke>> matchers) {

    public static final Set<View> EVERYWHERE = Set.copyOf(EnumSet.allOf(View.class));
    public static final Set<View> TABLES = Set.of(View.SERVERS, View.ALLOCATIONS);
    public static final Set<View> ALLOCATION = Set.of(View.ALLOCATIONS, View.DETAIL);

    public Binding {
        views = Set.copyOf(views);
    }

    public boolean worksIn(View view) {
        return views.contains(view);
    }

    /** Where the help says the key works: "" everywhere, else e.g. "allocations, details". */
    public String where() {
        if (views.equals(EVERYWHERE)) {
            return "";
        }
        return EnumSet.copyOf(views).stream().map(View::word).collect(Collectors.joining(", "));
    }

    /** Whether this key changes something on the panel (so `--readonly` and permissions apply). */
    public boolean changes() {
        return permission != null;
    }

    public boolean matches(KeyStroke key) {
        return matchers.stream().anyMatch(m -> m.test(key));
    }

    static Predicate<KeyStroke> ch(char c) {
        return k -> k.getKeyType() == KeyType.Character && k.getCharacter() == c && !k.isCtrlDown() && !k.isAltDown();
    }

    static Predicate<KeyStroke> ctrl(char c) {
        return k -> k.getKeyType() == KeyType.Character && Character.toLowerCase(k.getCharacter()) == c && k.isCtrlDown();
    }

    static Predicate<KeyStroke> type(KeyType t) {
        return k -> k.getKeyType() == t && !(k instanceof PastedText);
    }
}
