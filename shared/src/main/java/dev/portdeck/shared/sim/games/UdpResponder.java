package dev.portdeck.shared.sim.games;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A UDP socket that answers each datagram with zero or more datagrams (a split reply is several), on its own thread.
 * A datagram the protocol does not know gets no answer, as game servers do.
 */
final class UdpResponder implements Responder {

    /** The largest datagram read; longer ones are cut by the kernel, and then not understood. */
    static final int MAX_DATAGRAM = 2048;
    private static final Logger LOG = Logger.getLogger("portdeck.sim.games");

    private final DatagramChannel channel;
    private final Function<ByteBuffer, List<byte[]>> answer;
    private final ServingLoop loop;
    private final AtomicLong answered = new AtomicLong();
    private final InetSocketAddress address;
    private volatile boolean closed;

    UdpResponder(InetSocketAddress at, Function<ByteBuffer, List<byte[]>> answer, String name) throws IOException {
        this(at, name, port -> answer);
    }

    private UdpResponder(InetSocketAddress at, String name, IntFunction<Function<ByteBuffer, List<byte[]>>> answerOn)
            throws IOException {
        Game.loopback(at);
        this.channel = DatagramChannel.open();
        try {
            channel.bind(at);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.answer = answerOn.apply(address.getPort());
        this.loop = new ServingLoop(this::run, name, address);
    }

    /** A responder whose answers name its own port (Bedrock's pong, Source's EDF), known before the first datagram. */
    static UdpResponder namingItsPort(InetSocketAddress at, String name,
            IntFunction<Function<ByteBuffer, List<byte[]>>> answerOn) throws IOException {
        return new UdpResponder(at, name, answerOn);
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public long answered() {
        return answered.get();
    }

    private void run() {
        ByteBuffer in = ByteBuffer.allocate(MAX_DATAGRAM);
        while (!closed) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                in.flip();
                List<byte[]> replies = answerSafely(in);
                if (!replies.isEmpty()) {
                    answered.incrementAndGet();
                }
                for (byte[] reply : replies) {
                    channel.send(ByteBuffer.wrap(reply), from);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // An ICMP error from an earlier reply's sender, or a send that failed: the next datagram is another story.
                LOG.log(Level.FINE, "game datagram failed on " + address, e);
            }
        }
    }

    private List<byte[]> answerSafely(ByteBuffer in) {
        try {
            return answer.apply(in);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "ignored a datagram the protocol does not know", e);
            return List.of();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close(); // wakes the receive
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
        loop.awaitEnd();
    }
}
