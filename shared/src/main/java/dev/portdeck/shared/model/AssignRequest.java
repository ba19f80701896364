package dev.portdeck.shared.model;

/**
 * The body of `POST /servers/{server}/network/allocations`: a specific ip and/or port, or neither (the panel picks).
 *
 * @param ip   an IPv4/IPv6 literal, or null
 * @param port 1..65535, or null
 */
public record AssignRequest(String ip, Integer port) {

    public static AssignRequest auto() {
        return new AssignRequest(null, null);
    }

    public boolean isAuto() {
        return ip == null && port == null;
    }

    /** Whether `assigned` is what was asked for (an auto request accepts anything). */
    public boolean isSatisfiedBy(Allocation assigned) {
        return (ip == null || ip.equals(assigned.ip())) && (port == null || port == assigned.port());
    }
}
