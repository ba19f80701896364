package dev.portdeck.shared.model;

/**
 * One ip:port pair assigned to a server, as the panel reports it.
 *
 * @param id      the panel's allocation id
 * @param ip      the IP literal the node binds (what a probe connects to)
 * @param ipAlias a friendly name for the IP, or null
 * @param port    1..65535
 * @param notes   the user's note, or null
 * @param primary whether this is the server's primary ("default") allocation
 */
public record Allocation(long id, String ip, String ipAlias, int port, String notes, boolean primary) {

    /** "ip:port", with IPv6 literals bracketed so the result can be pasted into a probe. */
    public String address() {
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** Whether the node binds every address (0.0.0.0, ::): a probe of that IP would test this machine, not the node. */
    public boolean bindsEveryAddress() {
        return "0.0.0.0".equals(ip) || "::".equals(ip) || "[::]".equals(ip);
    }

    /** Where a probe connects: the IP, or for an allocation on every address its alias; null when it has none. */
    public String probeHost() {
        if (!bindsEveryAddress()) {
            return ip;
        }
        return ipAlias == null || ipAlias.isBlank() ? null : ipAlias.strip();
    }

    public Allocation withNotes(String newNotes) {
        return new Allocation(id, ip, ipAlias, port, newNotes, primary);
    }

    public Allocation withPrimary(boolean isPrimary) {
        return new Allocation(id, ip, ipAlias, port, notes, isPrimary);
    }
}
