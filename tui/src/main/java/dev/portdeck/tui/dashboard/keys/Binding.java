package dev.portdeck.tui.dashboard.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Predicate;

/**
 * One row of the key table: which keys, what they do, where, and what they need.
 *
 * @param command    what happens
 * @param keys       the keys as the help and footer name them, e.g. "j ↓"
 * @param does       what happens, in a few words
 * @param hint       the footer's short word, or null to leave it to the help screen
 * @param where      the views the key works in
 * @param permission the panel permission it needs (a change), or null for keys that only look
 * @param matchers   which keystrokes trigger it
 */
public record Binding(Command command, String keys, String does, String hint, Where where, String permission,
        List<Predicate<KeyStroke>> matchers) {

    /** The views a binding works in. */
    enum Where {
        EVERYWHERE, SERVERS, ALLOCATIONS;

        boolean includes(View view) {
            return this == EVERYWHERE || (this == SERVERS) == (view == View.SERVERS);
        }
    }

    /** Whether this key changes something on the panel (so `--readonly` and permissions apply). */
    public boolean changes() {
        return permission != null;
    }

    boolean matches(KeyStroke key) {
        return matchers.stream().anyMatch(m -> m.test(key));
    }

    static Predicate<KeyStroke> ch(char c) {
        return k -> k.getKeyType() == KeyType.Character && k.getCharacter() == c && !k.isCtrlDown() && !k.isAltDown();
    }

    static Predicate<KeyStroke> ctrl(char c) {
        return k -> k.getKeyType() == KeyType.Character && Character.toLowerCase(k.getCharacter()) == c && k.isCtrlDown();
    }

    static Predicate<KeyStroke> type(KeyType t) {
        return k -> k.getKeyType() == t;
    }
}
