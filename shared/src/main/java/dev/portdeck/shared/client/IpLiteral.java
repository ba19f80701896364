package dev.portdeck.shared.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4/IPv6 literals, recognised without ever asking DNS. */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address when `text` is an IPv4 or IPv6 literal (IPv6 optionally in brackets), else empty. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && IPV6_CHARS.matcher(t).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            // Only literal-shaped text reaches here, so this parses and never resolves a name.
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public static boolean isLiteral(String text) {
        return parse(text).isPresent();
    }

    /** localhost, 127.0.0.0/8 or ::1: the only hosts plain http:// is allowed to without --allow-insecure-http. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        return parse(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }
}
