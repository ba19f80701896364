package dev.portdeck.probe.choice;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ports that are closed by design (RCON switched off, SourceTV not running): a comma list of {@code PORT},
 * {@code HOST:PORT} or {@code SERVER-ID:PORT} ({@code [v6]:PORT} for IPv6), from `--expect-closed` and the config
 * file's `expect_closed`. For such a port, "closed" is what is expected, and anything else is not.
 */
public final class ExpectedClosed {

    /** The key in the config file. */
    public static final String KEY = "expect_closed";

    private final Set<Integer> anyHost;
    private final Set<String> qualified;

    private ExpectedClosed(Set<Integer> anyHost, Set<String> qualified) {
        this.anyHost = Set.copyOf(anyHost);
        this.qualified = Set.copyOf(qualified);
    }

    public static ExpectedClosed none() {
        return new ExpectedClosed(Set.of(), Set.of());
    }

    /** @throws IllegalArgumentException naming the item that is neither PORT nor QUALIFIER:PORT */
    public static ExpectedClosed parse(String list) {
        Set<Integer> anyHost = new HashSet<>();
        Set<String> qualified = new HashSet<>();
        if (list != null) {
            for (String raw : list.split(",")) {
                String item = raw.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int colon = item.lastIndexOf(':');
                int port = port(colon < 0 ? item : item.substring(colon + 1), item);
                if (colon < 0) {
                    anyHost.add(port);
                } else if (colon == 0) {
                    throw bad(item);
                } else {
                    qualified.add(normal(item.substring(0, colon)) + ":" + port);
                }
            }
        }
        return new ExpectedClosed(anyHost, qualified);
    }

    public ExpectedClosed plus(ExpectedClosed other) {
        Set<Integer> ports = new HashSet<>(anyHost);
        ports.addAll(other.anyHost);
        Set<String> both = new HashSet<>(qualified);
        both.addAll(other.qualified);
        return new ExpectedClosed(ports, both);
    }

    /** Whether port {@code port} of server {@code serverId} (may be null) on any of {@code hosts} is expected closed. */
    public boolean covers(String serverId, Collection<String> hosts, int port) {
        if (anyHost.contains(port)) {
            return true;
        }
        if (qualified.isEmpty()) {
            return false;
        }
        if (serverId != null && qualified.contains(normal(serverId) + ":" + port)) {
            return true;
        }
        for (String h : hosts) {
            if (h != null && qualified.contains(normal(h) + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return anyHost.isEmpty() && qualified.isEmpty();
    }

    private static int port(String text, String item) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw bad(item);
        }
        return Integer.parseInt(text);
    }

    private static IllegalArgumentException bad(String item) {
        return new IllegalArgumentException("\"" + item + "\" in the expected-closed ports is neither PORT nor"
                + " HOST:PORT (e.g. 25575 or 127.0.0.2:25575)");
    }

    private static String normal(String qualifier) {
        return qualifier.strip().replaceAll("^\\[(.*)]$", "$1").toLowerCase(Locale.ROOT);
    }
}
