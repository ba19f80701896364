package dev.portdeck.shared.sim;

import dev.portdeck.shared.sim.games.Game;
import dev.portdeck.shared.sim.games.Responder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Real ports on loopback behind the demo world's allocations. A listening port either answers as its {@link Game}
 * does (a {@link Responder}, TCP and/or UDP) or, without a game, accepts connections and holds them until the client
 * closes; a closed one stays bound on TCP without listening, so the kernel refuses connects and nothing else can
 * take it (UDP is then unbound: ICMP port unreachable, as for a stopped game). Every change happens on one selector
 * thread, which also serves the plain listeners; responders run on their own threads.
 */
final class DemoListeners implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("portdeck.sim.listeners");
    private static final long TASK_TIMEOUT_SECONDS = 10;
    /** Connections held open at most; beyond that new ones are closed right after accept. */
    private static final int MAX_HELD = 1024;

    private final boolean enabled;
    private final Selector selector;
    private final Thread loop;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Ports that belong to the world, held or (after a failed rebind) waiting to be held again. */
    private final Set<InetSocketAddress> claimed = new HashSet<>();
    private final Map<InetSocketAddress, NetworkChannel> held = new HashMap<>();
    private final Map<InetSocketAddress, Responder> responders = new HashMap<>();
    private final Map<InetSocketAddress, Game> games = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> listening = ConcurrentHashMap.newKeySet();
    private final ByteBuffer scratch = ByteBuffer.allocate(4096);
    private volatile boolean closed;

    private DemoListeners(boolean enabled) throws IOException {
        this.enabled = enabled;
        this.selector = enabled ? Selector.open() : null;
        this.loop = enabled ? new Thread(this::run, "portdeck-sim-listeners") : null;
        if (loop != null) {
            loop.setDaemon(true);
            loop.start();
        }
    }

    static DemoListeners open() throws IOException {
        return new DemoListeners(true);
    }

    static DemoListeners none() {
        try {
            return new DemoListeners(false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Takes ip:wanted (or an ephemeral port on ip when wanted is taken); returns the port now held. */
    int claim(String ip, int wanted, boolean listen) {
        return claim(ip, wanted, listen, null);
    }

    /** As {@link #claim(String, int, boolean)}, with {@code game} (or null) answering whenever the port listens. */
    int claim(String ip, int wanted, boolean listen, Game game) {
        if (!enabled) {
            return wanted;
        }
        return onLoop(() -> {
            InetAddress address = InetAddress.getByName(ip);
            try {
                return bind(new InetSocketAddress(address, wanted), listen, game);
            } catch (IOException taken) {
                LOG.fine(() -> ip + ":" + wanted + " is taken, using an ephemeral port: " + taken.getMessage());
                return bind(new InetSocketAddress(address, 0), listen, game);
            }
        });
    }

    /** Switches a claimed port between accepting and refusing connections. */
    void setListening(String ip, int port, boolean listen) {
        if (!enabled || isListening(ip, port) == listen) {
            return;
        }
        onLoop(() -> {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(ip), port);
            if (!claimed.contains(at)) {
                return 0;
            }
            drop(at);
            try {
                return bind(at, listen, games.get(at));
            } catch (IOException e) {
                LOG.log(Level.INFO, "could not rebind " + at + "; it stays closed", e);
                return 0;
            }
        });
    }

    /** Gives a port back to the system (its allocation left the world's servers). */
    void release(String ip, int port) {
        if (!enabled) {
            return;
        }
        onLoop(() -> {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(ip), port);
            claimed.remove(at);
            games.remove(at);
            drop(at);
            return 0;
        });
    }

    boolean isListening(String ip, int port) {
        try {
            return listening.contains(new InetSocketAddress(InetAddress.getByName(ip), port));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a TCP connect to ip:port completes now (a UDP-only game listens without accepting TCP). */
    boolean acceptsTcp(String ip, int port) {
        try {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(ip), port);
            Game game = games.get(at);
            return listening.contains(at) && (game == null || game.tcp());
        } catch (IOException e) {
            return false;
        }
    }

    private int bind(InetSocketAddress at, boolean listen, Game game) throws IOException {
        if (listen && game != null) {
            Responder responder = game.start(at);
            InetSocketAddress bound = new InetSocketAddress(at.getAddress(), responder.port());
            claimed.add(bound);
            games.put(bound, game);
            responders.put(bound, responder);
            listening.add(bound);
            return bound.getPort();
        }
        if (listen) {
            ServerSocketChannel server = ServerSocketChannel.open();
            try {
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(at, 64);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, server.getLocalAddress());
            } catch (IOException e) {
                server.close();
                throw e;
            }
            InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
            claimed.add(bound);
            held.put(bound, server);
            listening.add(bound);
            return bound.getPort();
        }
        // Bound but not listening: connects are refused, and no later bind (without SO_REUSEADDR) can take it.
        SocketChannel reservation = SocketChannel.open();
        try {
            if (game != null) {
                // A game's responder closes its connections after answering, as game servers do, leaving TIME_WAIT.
                reservation.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            reservation.bind(at);
        } catch (IOException e) {
            reservation.close();
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) reservation.getLocalAddress();
        claimed.add(bound);
        held.put(bound, reservation);
        if (game != null) {
            games.put(bound, game);
        }
        return bound.getPort();
    }

    private void drop(InetSocketAddress at) throws IOException {
        Responder responder = responders.remove(at);
        if (responder != null) {
            responder.close();
        }
        NetworkChannel channel = held.remove(at);
        listening.remove(at);
        for (SelectionKey key : selector.keys()) {
            if (at.equals(key.attachment()) && key.channel() instanceof SocketChannel client) {
                reset(client); // the server stopped: its connections end too
            }
        }
        if (channel != null) {
            channel.close();
            selector.selectNow(); // flushes the cancelled key so the socket is really closed before a rebind
        }
    }

    private <T> T onLoop(Callable<T> task) {
        if (closed) {
            throw new IllegalStateException("the demo listeners are closed");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("the demo listeners are closed"));
                return;
            }
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            return result.get(TASK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing a demo listener", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not change a demo listener: " + e.getMessage(), e);
        }
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(1000);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    serve(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "demo listener loop stopped", e);
        } finally {
            closeAll();
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run(); // fails each waiting caller at once instead of after the timeout
            }
        }
    }

    /** Accepts and holds the connection until the client closes it, as a server would; data is read and dropped. */
    private void serve(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.isAcceptable()) {
                SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
                if (client == null) {
                    return;
                }
                if (selector.keys().size() > MAX_HELD) {
                    reset(client);
                    return;
                }
                client.configureBlocking(false);
                client.register(selector, SelectionKey.OP_READ, key.attachment());
            } else if (key.isReadable()) {
                SocketChannel client = (SocketChannel) key.channel();
                scratch.clear();
                if (client.read(scratch) < 0) {
                    client.close();
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "demo connection ended", e);
            closeQuietly(key.channel());
        }
    }

    /**
     * Ends a connection from our side with a reset: a normal close would leave it in TIME_WAIT for a minute, and that
     * would keep the next simulator from reserving this port as closed.
     */
    private static void reset(SocketChannel client) {
        try {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            LOG.log(Level.FINE, "linger failed", e);
        }
        closeQuietly(client);
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    private void closeAll() {
        responders.values().forEach(Responder::close);
        responders.clear();
        for (SelectionKey key : selector.keys()) {
            if (key.channel() instanceof SocketChannel client) {
                reset(client);
            } else {
                closeQuietly(key.channel());
            }
        }
        for (NetworkChannel channel : held.values()) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        }
        held.clear();
        listening.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "selector close failed", e);
        }
    }

    @Override
    public void close() {
        if (!enabled || closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(TASK_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
