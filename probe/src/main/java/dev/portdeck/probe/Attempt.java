package dev.portdeck.probe;

import java.net.InetAddress;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.function.Consumer;

/** One probe, waiting for a slot or in flight on one selector thread (which alone touches it once started). */
final class Attempt {

    final Target target;
    final InetAddress address;
    final long timeoutNanos;
    final Consumer<ProbeResult> done;
    Instant started;
    long startNanos;
    long deadline;
    SocketChannel channel;
    Outcome known; // decided before any connect (a name that did not resolve)
    boolean holdsSlot;
    boolean finished;
    int retries;
    Exchange exchange; // null for a bare TCP connect
    boolean paced;
    long sendAt;

    Attempt(Target target, InetAddress address, long timeoutNanos, Consumer<ProbeResult> done) {
        this.target = target;
        this.address = address;
        this.timeoutNanos = timeoutNanos;
        this.done = done;
    }
}
