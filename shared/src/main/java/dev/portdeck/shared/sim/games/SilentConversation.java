package dev.portdeck.shared.sim.games;

import java.nio.ByteBuffer;

/** Reads and drops what the client says and never answers: an RCON port waiting for a password it never gets. */
final class SilentConversation implements Conversation {

    @Override
    public byte[] receive(ByteBuffer in) {
        in.position(in.limit());
        return null;
    }

    @Override
    public boolean finished() {
        return false;
    }
}
