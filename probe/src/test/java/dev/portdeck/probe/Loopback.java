package dev.portdeck.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Real listeners and known-closed ports on loopback for the tests. */
final class Loopback {

    private Loopback() {
    }

    /** A listening socket on 127.0.0.1 (or ::1 when v6 is true) on a free port. */
    static ServerSocket listen(boolean v6) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(v6 ? "::1" : "127.0.0.1"), 0), 50);
        return server;
    }

    /** A port that was free a moment ago and is closed now (nothing listens on it). */
    static int closedPort() throws IOException {
        try (ServerSocket s = listen(false)) {
            return s.getLocalPort();
        }
    }
}
