package dev.portdeck.tui.cli;

import dev.portdeck.shared.client.IpLiteral;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** `--listen HOST:PORT` for the demo panel: loopback only, refused before anything is bound. */
final class ListenAddress {

    private ListenAddress() {
    }

    /** null → 127.0.0.1 on a free port; "PORT", "HOST:PORT" or "[V6]:PORT" with a loopback HOST otherwise. */
    static InetSocketAddress parse(CommandLine cmd, String text) {
        if (text == null || text.isBlank()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        }
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : t.substring(0, colon);
        String portText = colon < 0 ? t : t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = port(cmd, text, portText);
        InetAddress address = loopback(host);
        if (address == null) {
            throw new ParameterException(cmd, "--listen must be a loopback address such as 127.0.0.1:8080 or [::1]:8080,"
                    + " not '" + text + "': the demo panel is never exposed to the network.");
        }
        return new InetSocketAddress(address, port);
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
