package dev.portdeck.probe;

/**
 * Something to probe: a host (IP literal or name), a port, the question to ask it, and an optional label for display
 * (e.g. an allocation id or "mc-survival primary").
 */
public record Target(String host, int port, String label, Check check) {

    public Target {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a target needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        if (check == null) {
            check = Check.TCP;
        }
    }

    /** A TCP connect target. */
    public Target(String host, int port, String label) {
        this(host, port, label, Check.TCP);
    }

    public static Target of(String host, int port) {
        return new Target(host, port, null, Check.TCP);
    }

    public Target withCheck(Check newCheck) {
        return new Target(host, port, label, newCheck);
    }

    // Written out: the record's generated equals/hashCode bootstrap through method handles, which costs a
    // short-lived `portdeck probe` tens of milliseconds before the first sweep.
    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && port == t.port && check == t.check && host.equals(t.host)
                && java.util.Objects.equals(label, t.label);
    }

    @Override
    public int hashCode() {
        return ((host.hashCode() * 31 + port) * 31 + (label == null ? 0 : label.hashCode())) * 31 + check.ordinal();
    }

    /** "host:port", with IPv6 literals bracketed. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
