package dev.portdeck.probe;

import dev.portdeck.probe.check.Conversation;
import dev.portdeck.probe.check.Step;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.logging.Level;
import javax.net.ssl.SSLException;

/**
 * One check that asks the service itself, carried on the prober's selector thread: opens the socket its current
 * {@link Conversation} travels on (TCP, TLS over TCP, connected UDP), moves the bytes, and turns the conversation's
 * verdict into an {@link Outcome} with the times only the socket knows: the first TCP connect, or the first UDP reply.
 * Never blocks; every read is bounded by the scratch buffer and {@link #READS_PER_WAKEUP}.
 */
final class Exchange {

    private static final int READS_PER_WAKEUP = 8;
    /** Conversations chain a fallback or a second request or two; more than this is a bug, not a protocol. */
    private static final int MAX_RECONNECTS = 4;

    private final String host;
    private final InetSocketAddress remote;
    private final long timeoutNanos;
    private Conversation conversation;
    private Selector selector;
    private Object attachment;
    private SelectableChannel channel;
    private SelectionKey key;
    private boolean started;
    private boolean connecting;
    private TlsLayer tls;
    private boolean talking; // the conversation was opened on the current socket
    private ByteBuffer pending; // TCP: bytes not yet written; UDP: one datagram not yet sent
    private long openedAt;
    private Duration connectLatency; // the first TCP connect of this check
    private Duration replyLatency; // the first datagram back
    private Certificate certificate;
    private int reconnects;

    Exchange(Conversation first, String host, InetAddress address, int port, long timeoutNanos) {
        this.conversation = first;
        this.host = host;
        this.remote = new InetSocketAddress(address, port);
        this.timeoutNanos = timeoutNanos;
    }

    Conversation.Wire wire() {
        return conversation.wire();
    }

    /**
     * Opens the first socket and starts. Returns the outcome when it is decided at once (refused, unreachable), else
     * null; throws only when the socket itself cannot be opened (out of descriptors), before anything is held.
     */
    Outcome start(Selector selector, Object attachment) throws IOException {
        this.selector = selector;
        this.attachment = attachment;
        return open();
    }

    /** The socket is ready; the outcome once decided, else null. */
    Outcome ready(long now, ByteBuffer scratch) {
        try {
            if (connecting) {
                return ((SocketChannel) channel).finishConnect() ? connected(now) : null;
            }
            if (key.isValid() && key.isWritable()) {
                flush();
            }
            return key.isValid() && key.isReadable() ? read(now, scratch) : null;
        } catch (PortUnreachableException e) {
            return portUnreachable();
        } catch (SSLException e) {
            return tlsFailed(e, now);
        } catch (IOException e) {
            return connecting ? connectFailed(e, now) : lost(now);
        } catch (RuntimeException e) {
            return unreadable(e);
        }
    }

    /** The deadline passed. */
    Outcome timeUp(long now) {
        if (connecting) {
            return connectLatency == null ? new Outcome.Filtered(Duration.ofNanos(timeoutNanos))
                    : failed("a further connection got no answer in time");
        }
        if (tls != null && !talking) {
            return failed("no TLS handshake in time");
        }
        try {
            return verdict(conversation.timeUp(now), "no answer in time");
        } catch (RuntimeException e) {
            return unreadable(e);
        }
    }

    /** Closes the socket; true when this exchange held an in-flight slot (it had started). */
    boolean close() {
        closeChannel();
        return started;
    }

    // ---- sockets ----

    private Outcome open() throws IOException {
        boolean v4 = remote.getAddress() instanceof Inet4Address;
        StandardProtocolFamily family = v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
        talking = false;
        tls = null;
        pending = null;
        if (conversation.wire() == Conversation.Wire.UDP) {
            DatagramChannel udp = DatagramChannel.open(family);
            channel = udp;
            started = true;
            openedAt = System.nanoTime();
            try {
                udp.configureBlocking(false);
                udp.connect(remote);
                key = udp.register(selector, SelectionKey.OP_READ, attachment);
                talking = true;
                openedAt = System.nanoTime(); // the reply's time counts from the question, not our socket setup
                return apply(conversation.open(openedAt), openedAt);
            } catch (PortUnreachableException e) {
                return portUnreachable();
            } catch (IOException e) {
                return ConnectFailure.classify(e, Duration.ofNanos(System.nanoTime() - openedAt));
            }
        }
        SocketChannel tcp = SocketChannel.open(family);
        channel = tcp;
        started = true;
        openedAt = System.nanoTime();
        try {
            tcp.configureBlocking(false);
            // as for a bare connect: on loopback the answer is usually there before connect() returns
            if (tcp.connect(remote) || tcp.finishConnect()) {
                key = tcp.register(selector, SelectionKey.OP_READ, attachment);
                return connected(System.nanoTime());
            }
            connecting = true;
            key = tcp.register(selector, SelectionKey.OP_CONNECT, attachment);
            return null;
        } catch (SSLException e) {
            return tlsFailed(e, System.nanoTime());
        } catch (IOException e) {
            return connectFailed(e, System.nanoTime());
        }
    }

    private Outcome connected(long now) throws IOException {
        connecting = false;
        SocketChannel tcp = (SocketChannel) channel;
        tcp.setOption(StandardSocketOptions.SO_LINGER, 0); // a RST at the end: no TIME_WAIT behind a sweep
        if (connectLatency == null) {
            if (selfConnected(tcp)) {
                return new Outcome.Closed();
            }
            connectLatency = Duration.ofNanos(Math.max(0, now - openedAt));
        }
        key.interestOps(SelectionKey.OP_READ);
        if (conversation.wire() == Conversation.Wire.TLS) {
            tls = new TlsLayer(host, remote.getPort());
            tls.begin();
            flush();
            return null;
        }
        talking = true;
        return apply(conversation.open(now), now);
    }

    /** A loopback connect to a free ephemeral port can connect to itself (simultaneous open): nothing listens. */
    private boolean selfConnected(SocketChannel tcp) throws IOException {
        return tcp.getLocalAddress() instanceof InetSocketAddress local && local.equals(remote);
    }

    private Outcome read(long now, ByteBuffer scratch) throws IOException {
        SelectableChannel reading = channel;
        for (int i = 0; i < READS_PER_WAKEUP && channel == reading; i++) {
            if (i > 0) {
                now = System.nanoTime(); // a later read may hold the answer to what the first one made us send
            }
            scratch.clear();
            Outcome outcome;
            if (channel instanceof DatagramChannel udp) {
                if (udp.receive(scratch) == null) {
                    return null;
                }
                if (replyLatency == null) {
                    replyLatency = Duration.ofNanos(Math.max(0, now - openedAt));
                }
                outcome = apply(conversation.receive(scratch.flip(), now), now);
            } else {
                int n = ((SocketChannel) channel).read(scratch);
                if (n < 0) {
                    return ended(now);
                }
                if (n == 0) {
                    return null;
                }
                outcome = tls == null ? apply(conversation.receive(scratch.flip(), now), now)
                        : fromTls(scratch.flip(), now);
            }
            if (outcome != null) {
                return outcome;
            }
        }
        return null;
    }

    private Outcome fromTls(ByteBuffer bytes, long now) throws IOException {
        SelectableChannel current = channel;
        ByteBuffer plain = tls.fromNetwork(bytes);
        flush(); // handshake messages, alerts
        if (!talking && tls.handshaken()) {
            talking = true;
            certificate = tls.certificate();
            Outcome outcome = apply(conversation.open(now), now);
            if (outcome != null || channel != current) {
                return outcome;
            }
        }
        if (plain.hasRemaining()) {
            Outcome outcome = apply(conversation.receive(plain, now), now);
            if (outcome != null || channel != current) {
                return outcome;
            }
        }
        return tls.closed() ? ended(now) : null;
    }

    /** The server closed the connection (or reset it). */
    private Outcome ended(long now) {
        if (tls != null && !talking) {
            return failed("closed the connection during the TLS handshake");
        }
        return verdictOrNext(conversation.endOfStream(now), now);
    }

    private Outcome lost(long now) {
        return conversation.wire() == Conversation.Wire.UDP ? null : ended(now);
    }

    private Outcome verdictOrNext(Step step, long now) {
        try {
            return apply(step, now);
        } catch (IOException e) {
            return lost(now);
        }
    }

    private Outcome apply(Step step, long now) throws IOException {
        if (step instanceof Step.Send send) {
            write(send.bytes());
            return null;
        }
        if (step instanceof Step.Reconnect next) {
            return reconnect(next.next());
        }
        return step instanceof Step.Await ? null : verdict(step, "no answer");
    }

    private Outcome reconnect(Conversation next) {
        if (++reconnects > MAX_RECONNECTS) {
            return failed("too many connections for one check");
        }
        closeChannel();
        conversation = next;
        try {
            return open();
        } catch (IOException e) {
            return new Outcome.LocalError("cannot open a socket: " + e.getMessage());
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        if (channel instanceof DatagramChannel udp) {
            long at = System.nanoTime();
            if (udp.write(bytes) == 0) {
                pending = bytes; // no buffer space: sent when writable
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
            conversation.sent(at);
            return;
        }
        if (tls != null) {
            tls.send(bytes);
        } else {
            pending = pending == null || !pending.hasRemaining() ? bytes : joined(pending, bytes);
        }
        long at = System.nanoTime();
        flush();
        conversation.sent(at);
    }

    private void flush() throws IOException {
        if (channel instanceof DatagramChannel udp) {
            if (pending != null && udp.write(pending) > 0) {
                pending = null;
            }
            key.interestOps(pending == null ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        SocketChannel tcp = (SocketChannel) channel;
        boolean more;
        if (tls != null) {
            ByteBuffer out = tls.outbound().flip();
            tcp.write(out);
            more = out.hasRemaining();
            out.compact();
        } else {
            if (pending != null) {
                tcp.write(pending);
            }
            more = pending != null && pending.hasRemaining();
        }
        key.interestOps(more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private static ByteBuffer joined(ByteBuffer a, ByteBuffer b) {
        return ByteBuffer.allocate(a.remaining() + b.remaining()).put(a).put(b).flip();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                ProbeLog.get().log(Level.FINE, "closing a check's socket", e);
            }
            channel = null;
            key = null;
        }
        connecting = false;
    }

    // ---- outcomes ----

    private Outcome verdict(Step step, String fallbackReason) {
        if (step instanceof Step.Answered answered) {
            Duration latency = connectLatency != null ? connectLatency
                    : replyLatency != null ? replyLatency : Duration.ZERO;
            Service service = answered.service();
            if (certificate != null) {
                service = service == null ? null : service.withCertificate(certificate);
            }
            return new Outcome.Open(latency, answered.appLatency(), service);
        }
        return failed(step instanceof Step.Failed f ? f.reason() : fallbackReason);
    }

    /** No valid answer: unresponsive once anything answered (a connect, a datagram), else UDP's open|filtered. */
    private Outcome failed(String reason) {
        if (connectLatency != null) {
            return new Outcome.Unresponsive(connectLatency, reason);
        }
        if (replyLatency != null) {
            return new Outcome.Unresponsive(replyLatency, reason);
        }
        return new Outcome.OpenOrFiltered(Duration.ofNanos(timeoutNanos));
    }

    private Outcome portUnreachable() {
        String reason = conversation.portUnreachable();
        return reason != null && connectLatency != null ? new Outcome.Unresponsive(connectLatency, reason)
                : new Outcome.Closed();
    }

    private Outcome connectFailed(IOException e, long now) {
        connecting = false;
        Outcome outcome = ConnectFailure.classify(e, Duration.ofNanos(Math.max(0, now - openedAt)));
        if (connectLatency != null) {
            // a further connection of the same check (a fallback) failed after the first one had connected
            return failed("a further connection ended " + outcome.word());
        }
        if (outcome instanceof Outcome.Open open) {
            // reset right after the handshake: the port accepts, the service said nothing
            return new Outcome.Unresponsive(open.latency(), "the connection was reset");
        }
        return outcome;
    }

    private Outcome tlsFailed(SSLException e, long now) {
        if (talking) {
            return ended(now); // after the handshake, a broken session is the end of the stream
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return failed("TLS handshake failed: " + dev.portdeck.probe.check.ServiceText.clean(message));
    }

    private Outcome unreadable(RuntimeException e) {
        ProbeLog.get().log(Level.FINE, "a reply the check could not read", e);
        return failed("an unreadable reply (" + e.getClass().getSimpleName() + ")");
    }
}
