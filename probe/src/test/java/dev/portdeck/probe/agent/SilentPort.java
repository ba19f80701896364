package dev.portdeck.probe.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that never answers a SYN: a listener with a backlog of one that never accepts, its queue filled by
 * connections of our own, so the kernel drops new SYNs as a firewall would. Loopback only; no namespace needed.
 */
final class SilentPort implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    private SilentPort(ServerSocket listener) {
        this.listener = listener;
    }

    static SilentPort open() throws IOException {
        SilentPort p = new SilentPort(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p.port()), 200);
                p.fillers.add(s);
            } catch (SocketTimeoutException full) {
                s.close();
                return p; // the queue is full: SYNs are dropped from now on
            }
        }
        p.close();
        throw new IllegalStateException("the accept queue never filled up");
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        listener.close();
    }
}
