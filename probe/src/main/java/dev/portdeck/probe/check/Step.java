package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.time.Duration;

/** What a {@link Conversation} wants next, after each thing that happened on its socket. */
public sealed interface Step {

    Step AWAIT = new Await();

    /** Send these bytes (one datagram on UDP), then keep listening. */
    record Send(ByteBuffer bytes) implements Step { }

    /** Nothing to send: wait for more bytes (or the deadline). */
    record Await() implements Step { }

    /**
     * The service answered its protocol.
     *
     * @param appLatency the service's own round trip, or null when the protocol gave none
     * @param service    what it said about itself
     */
    record Answered(Duration appLatency, Service service) implements Step { }

    /** No valid answer: the reason, in a few words (becomes the state's reason). */
    record Failed(String reason) implements Step { }

    /** Close this socket and go on with {@code next} on a new one (a fallback, or a second request). */
    record Reconnect(Conversation next) implements Step { }
}
