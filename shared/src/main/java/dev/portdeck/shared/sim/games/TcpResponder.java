package dev.portdeck.shared.sim.games;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP listener whose connections each hold a {@link Conversation}, all on one selector thread. Bounded: at most
 * {@link #MAX_CONNECTIONS} at once, {@link #MAX_INPUT} bytes buffered per connection, and a connection silent for
 * {@link #IDLE_MILLIS} is closed.
 */
final class TcpResponder implements Responder {

    static final int MAX_CONNECTIONS = 256;
    static final int MAX_INPUT = 64 * 1024;
    static final long IDLE_MILLIS = 15_000;
    private static final Logger LOG = Logger.getLogger("portdeck.sim.games");

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Supplier<Conversation> conversations;
    private final ServingLoop loop;
    private final AtomicLong answered = new AtomicLong();
    private final InetSocketAddress address;
    private volatile boolean closed;

    /** Per connection: what it said so far, what is left to write, its conversation, when it last spoke. */
    private static final class Connection {
        final Conversation conversation;
        ByteBuffer input = ByteBuffer.allocate(512);
        final Deque<ByteBuffer> output = new ArrayDeque<>();
        long lastHeard = System.nanoTime();

        Connection(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    TcpResponder(InetSocketAddress at, Supplier<Conversation> conversations, String name) throws IOException {
        Game.loopback(at);
        this.conversations = conversations;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(at, 64);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw e;
        }
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.loop = new ServingLoop(this::run, name, address);
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
        try {
            while (!closed) {
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                closeIdle();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "game responder on " + address + " stopped", e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                drop(key);
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "selector close failed", e);
            }
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isAcceptable()) {
                accept();
                return;
            }
            if (key.isReadable()) {
                read(key);
            }
            if (key.isValid() && key.isWritable()) {
                write(key);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "game connection ended", e);
            drop(key);
        }
    }

    private void accept() throws IOException {
        SocketChannel client = server.accept();
        if (client == null) {
            return;
        }
        if (selector.keys().size() > MAX_CONNECTIONS) {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
            client.close();
            return;
        }
        client.configureBlocking(false);
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.register(selector, SelectionKey.OP_READ, new Connection(conversations.get()));
    }

    private void read(SelectionKey key) throws IOException {
        Connection c = (Connection) key.attachment();
        SocketChannel client = (SocketChannel) key.channel();
        if (!c.input.hasRemaining()) {
            if (c.input.capacity() >= MAX_INPUT) {
                throw new IllegalStateException("a client sent more than " + MAX_INPUT + " bytes unanswered");
            }
            c.input = ByteBuffer.allocate(c.input.capacity() * 2).put(c.input.flip());
        }
        int n = client.read(c.input);
        if (n < 0) {
            drop(key);
            return;
        }
        c.lastHeard = System.nanoTime();
        c.input.flip();
        byte[] reply = c.conversation.receive(c.input);
        c.input.compact();
        if (reply != null) {
            answered.incrementAndGet();
            c.output.add(ByteBuffer.wrap(reply));
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        } else if (c.conversation.finished()) {
            drop(key);
        }
    }

    private void write(SelectionKey key) throws IOException {
        Connection c = (Connection) key.attachment();
        SocketChannel client = (SocketChannel) key.channel();
        while (!c.output.isEmpty()) {
            ByteBuffer head = c.output.peek();
            client.write(head);
            if (head.hasRemaining()) {
                return;
            }
            c.output.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
        if (c.conversation.finished()) {
            client.close(); // a normal close after the answer, as game servers do
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c
                    && now - c.lastHeard > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                drop(key);
            }
        }
    }

    /** Ends a connection with a reset, so no TIME_WAIT outlives the responder. */
    private static void drop(SelectionKey key) {
        try {
            if (key.channel() instanceof SocketChannel client && client.isOpen()) {
                client.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            key.channel().close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        loop.awaitEnd();
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
