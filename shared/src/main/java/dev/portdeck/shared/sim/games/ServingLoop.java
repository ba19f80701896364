package dev.portdeck.shared.sim.games;

import java.net.InetSocketAddress;

/**
 * The one thread a TCP or UDP responder serves on: a daemon (a forgotten responder never keeps the JVM up), named after
 * its game and port so a thread dump says whose it is.
 */
final class ServingLoop {

    private final Thread thread;

    ServingLoop(Runnable body, String name, InetSocketAddress address) {
        this.thread = new Thread(body, "portdeck-game-" + name + "-" + address.getPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits, at most 5 s, for the loop to see that its socket was closed and end. */
    void awaitEnd() {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
