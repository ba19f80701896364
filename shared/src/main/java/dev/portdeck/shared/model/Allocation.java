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

    public Allocation withNotes(String newNotes) {
        return new Allocation(id, ip, ipAlias, port, newNotes, primary);
    }

    public Allocation withPrimary(boolean isPrimary) {
        return new Allocation(id, ip, ipAlias, port, notes, isPrimary);
    }
}
