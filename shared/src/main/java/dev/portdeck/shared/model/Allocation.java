package dev.portdeck.shared.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

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

    /** 0, 00.0.0.0, 0x0.0: every way inet_aton spells the IPv4 "any" address. */
    private static final Pattern ZERO_V4 = Pattern.compile("(?i)(0x)?0+(\\.(0x)?0+){0,3}");
    private static final Pattern V6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** "ip:port", with IPv6 literals bracketed (once) so the result can be pasted into a probe. */
    public String address() {
        String bare = unbracketed(ip);
        return (bare.indexOf(':') >= 0 ? "[" + bare + "]" : bare) + ":" + port;
    }

    /** Whether the node binds every address (0.0.0.0, ::): a probe of that IP would test this machine, not the node. */
    public boolean bindsEveryAddress() {
        return isEveryAddress(ip);
    }

    /** Every spelling of "any address": 0.0.0.0, 0, 00.0.0.0, ::, ::0, 0:0:0:0:0:0:0:0, ::ffff:0.0.0.0, [::]. */
    public static boolean isEveryAddress(String ip) {
        if (ip == null) {
            return false;
        }
        String t = unbracketed(ip);
        if (t.indexOf(':') < 0) {
            return ZERO_V4.matcher(t).matches();
        }
        if (!V6_LITERAL.matcher(t).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(t).isAnyLocalAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String unbracketed(String ip) {
        String t = ip.strip();
        return t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
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
