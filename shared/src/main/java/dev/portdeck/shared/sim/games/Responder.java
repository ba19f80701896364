package dev.portdeck.shared.sim.games;

import java.net.InetSocketAddress;

/**
 * A small server on loopback that answers like a real game (or web server) on its port, until {@link #close()}.
 * Started by {@link Game#start(InetSocketAddress)}; each one owns its own thread(s) and bounds what it holds.
 */
public interface Responder extends AutoCloseable {

    /** Where it answers (the real port when 0 was asked for). */
    InetSocketAddress address();

    default int port() {
        return address().getPort();
    }

    /** Requests answered so far (status queries, pings, datagrams); a test can see that it was asked. */
    long answered();

    /** Stops answering and frees the port(s); calling it again does nothing. */
    @Override
    void close();
}
