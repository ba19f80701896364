package dev.portdeck.probe;

/**
 * Something to probe: a host (IP literal or name) and a TCP port, with an optional label for display
 * (e.g. an allocation id or "mc-survival primary").
 */
public record Target(String host, int port, String label) {

    public Target {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a target needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    public static Target of(String host, int port) {
        return new Target(host, port, null);
    }

    // Written out: the record's generated equals/hashCode bootstrap through method handles, which costs a
    // short-lived `portdeck probe` tens of milliseconds before the first sweep.
    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && port == t.port && host.equals(t.host) && java.util.Objects.equals(label, t.label);
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 31 + (label == null ? 0 : label.hashCode());
    }

    /** "host:port", with IPv6 literals bracketed. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
