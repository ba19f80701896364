package dev.portdeck.tui.cli.common;

import dev.portdeck.shared.client.IpLiteral;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** `--listen HOST:PORT`: the demo panel's (loopback only) and the agent's, refused before anything is bound. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** null → 127.0.0.1 on a free port; "PORT", "HOST:PORT" or "[V6]:PORT" with a loopback HOST otherwise. */
    public static InetSocketAddress parse(CommandLine cmd, String text) {
        if (text == null || text.isBlank()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }
        String[] hostPort = split(text, "127.0.0.1");
        int port = port(cmd, text, hostPort[1]);
        InetAddress address = loopback(hostPort[0]);
        if (address == null) {
            throw new ParameterException(cmd, "--listen must be a loopback address such as 127.0.0.1:8080 or [::1]:8080,"
                    + " not '" + text + "': the demo panel is never exposed to the network.");
        }
        return new InetSocketAddress(address, port);
    }

    /**
     * The agent's --listen: "HOST:PORT", "[V6]:PORT" or ":PORT" (every address); HOST an IP literal or localhost,
     * never looked up.
     */
    public static InetSocketAddress parseAny(CommandLine cmd, String text) {
        String[] hostPort = split(text, "");
        int port = port(cmd, text, hostPort[1]);
        String host = hostPort[0];
        InetAddress address = host.isEmpty() ? new InetSocketAddress(0).getAddress()
                : host.equalsIgnoreCase("localhost") ? InetAddress.getLoopbackAddress()
                : IpLiteral.parse(host).orElse(null);
        if (address == null) {
            throw new ParameterException(cmd, "--listen needs HOST:PORT with an IP address (or localhost), such as"
                    + " 127.0.0.1:9477, [::1]:9477 or :9477 (every address), not '" + text + "'.");
        }
        return new InetSocketAddress(address, port);
    }

    /** {host, port text}: the host without IPv6 brackets, {@code defaultHost} when only a port is given. */
    private static String[] split(String text, String defaultHost) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? defaultHost : t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, colon < 0 ? t : t.substring(colon + 1)};
    }

    private static int port(CommandLine cmd, String text, String portText) {
        try {
            int port = Integer.parseInt(portText);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw new ParameterException(cmd, "--listen needs HOST:PORT with a port from 0 to 65535, not '" + text + "'.");
    }

    /** The address when `host` is localhost or a loopback literal; null otherwise (and no DNS lookup is made). */
    private static InetAddress loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return InetAddress.getLoopbackAddress();
        }
        return IpLiteral.parse(host).filter(InetAddress::isLoopbackAddress).orElse(null);
    }
}
