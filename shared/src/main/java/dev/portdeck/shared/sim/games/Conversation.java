package dev.portdeck.shared.sim.games;

import java.nio.ByteBuffer;

/** One TCP connection's side of a protocol: bytes in, bytes out, and when to hang up. Used on one thread. */
interface Conversation {

    /**
     * Consumes what it can from {@code in} (ready for reading; unconsumed bytes stay for the next call) and returns
     * what to send back, or null for nothing yet.
     *
     * @throws IllegalStateException when the client broke the protocol: the connection is reset
     */
    byte[] receive(ByteBuffer in);

    /** Whether to close once everything returned so far is written. */
    boolean finished();
}
