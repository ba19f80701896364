package dev.portdeck.tui.cli.common;

import java.util.Iterator;
import java.util.List;

/**
 * The completion candidates of every SERVER argument: a marker that `generate-completion` replaces by a call of
 * `portdeck __complete-servers`.
 */
public final class ServerNames implements Iterable<String> {

    public static final String MARKER = "__portdeck_servers__";

    @Override
    public Iterator<String> iterator() {
        return List.of(MARKER).iterator();
    }
}
