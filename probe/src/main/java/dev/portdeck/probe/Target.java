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

    /** "host:port", with IPv6 literals bracketed. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
