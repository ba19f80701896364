package dev.portdeck.probe;

import dev.portdeck.probe.check.Conversation;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * One selector thread of a {@link Prober}: takes attempts from the prober's shared line while the shared
 * {@link InFlightCap} has room, connects (or runs the {@link Exchange}), keeps its own deadlines (a min-heap) and
 * delivers each result on this thread. When more than a batch is waiting after it took one, it wakes the next loop, so
 * a large sweep spreads over every loop while a round smaller than a batch stays on one.
 */
final class SelectorLoop {

    static final int START_BATCH = 256;
    private static final int MAX_RETRIES = 20;
    /** Built up front: at the descriptor limit even loading a class can fail. */
    static final Outcome CLOSED_PROBER = new Outcome.LocalError("the prober was closed");
    static final Outcome OUT_OF_DESCRIPTORS = new Outcome.LocalError(
            "the JDK failed near the open-files limit (out of file descriptors?)");

    private final Deque<Attempt> line;
    private final InFlightCap cap;
    private final UdpPacer pacer;
    private final BooleanSupplier closed;
    private final Selector selector;
    private final Thread thread;
    private final AtomicBoolean wakeupArmed = new AtomicBoolean();
    private SelectorLoop next;
    /** The first loop takes work as soon as it runs; the others only once called (see {@link #run()}). */
    private final boolean first;

    // Confined to this loop's thread.
    private final PriorityQueue<Attempt> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
    private final PriorityQueue<Attempt> paced = new PriorityQueue<>((a, b) -> Long.compare(a.sendAt, b.sendAt));
    private final ByteBuffer probeByte = ByteBuffer.allocateDirect(1);
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024); // one read or datagram of any exchange
    private long readyAt;
    /** One lambda for every select call: bin/portdeck's class list keeps a line once, so a second would be made anew. */
    private final Consumer<SelectionKey> onReady = this::onReady;

    SelectorLoop(String name, boolean first, Deque<Attempt> line, InFlightCap cap, UdpPacer pacer,
            BooleanSupplier closed) {
        this.first = first;
        this.line = line;
        this.cap = cap;
        this.pacer = pacer;
        this.closed = closed;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
        this.thread = Prober.daemon(this::run, name);
    }

    /** The loop woken when this one leaves work in the line. */
    void follow(SelectorLoop loop) {
        this.next = loop;
    }

    void start() {
        thread.start();
    }

    /** Wakes the loop from its select, at most once per turn of the loop. */
    void wake() {
        if (wakeupArmed.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    void join(long millis) throws InterruptedException {
        selector.wakeup();
        thread.join(millis);
    }

    private void run() {
        warmUp();
        try {
            if (!first) {
                // Wait to be called: a loop that started late would otherwise grab part of a small round from the line
                selector.select(onReady, 0);
            }
            while (!closed.getAsBoolean()) {
                wakeupArmed.set(false);
                releasePaced(System.nanoTime());
                if (startQueued() == START_BATCH && !line.isEmpty() && next != null) {
                    next.wake(); // more than a batch waits: the next loop shares it
                }
                long now = System.nanoTime();
                expire(now);
                long waitMillis = waitMillis(now);
                readyAt = 0;
                if (waitMillis < 0) {
                    selector.selectNow(onReady);
                } else {
                    selector.select(onReady, waitMillis);
                }
            }
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            ProbeLog.get().log(Level.WARNING, "the probe selector stopped", e);
        } finally {
            shutDown();
        }
    }

    /** Load the socket classes before the first probe, so its connect time is not charged with class loading. */
    private static void warmUp() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.INET)) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            ProbeLog.get().log(Level.FINE, "warm-up socket", e);
        }
    }

    /** Starts what the cap allows, in bounded batches so completions are noticed (and timed) between starts. */
    private int startQueued() {
        int started = 0;
        while (started < START_BATCH && cap.tryAcquire()) {
            Attempt attempt = line.pollFirst();
            if (attempt == null) {
                cap.release();
                break;
            }
            attempt.holdsSlot = true;
            started++;
            if (attempt.known != null) {
                finish(attempt, attempt.known);
            } else if (attempt.exchange != null) {
                startExchange(attempt);
            } else {
                start(attempt);
            }
        }
        return started;
    }

    /**
     * The process ran out of descriptors although we stayed under our cap (something else holds them): wait for our
     * own sockets to close and lower the cap to what fit, instead of blaming targets. Bounded retries per attempt.
     */
    private boolean deferForDescriptors(Attempt a, IOException e) {
        if (a.channel != null || cap.held() <= 1 || a.retries >= MAX_RETRIES
                || !String.valueOf(e.getMessage()).contains("Too many open files")) {
            return false;
        }
        a.retries++;
        a.startNanos = 0;
        giveBackSlot(a);
        cap.lowerTo(cap.held());
        line.addFirst(a); // taken again when a slot frees: by whichever loop frees it
        return true;
    }

    private void start(Attempt a) {
        a.started = Instant.now();
        try {
            a.channel = SocketChannel.open(a.address instanceof Inet4Address
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            a.channel.configureBlocking(false);
            // SO_LINGER 0 is set once a handshake may have completed (lingerZero): a refused port never needs it
            InetSocketAddress remote = new InetSocketAddress(a.address, a.target.port());
            a.startNanos = System.nanoTime(); // the clock covers the handshake, not our socket setup
            // On loopback the handshake (or the RST) is usually done before connect() returns: asking at once
            // times it right and spares the epoll round trip; elsewhere it costs one poll.
            if (a.channel.connect(remote) || a.channel.finishConnect()) {
                finish(a, confirmOpen(a, System.nanoTime()));
                return;
            }
            a.deadline = a.startNanos + a.timeoutNanos;
            a.channel.register(selector, SelectionKey.OP_CONNECT, a);
            deadlines.add(a);
        } catch (IOException e) {
            if (!deferForDescriptors(a, e)) {
                fail(a, e);
            }
        } catch (RuntimeException e) {
            fail(a, e);
        } catch (LinkageError | InternalError e) {
            finish(a, OUT_OF_DESCRIPTORS); // the JDK could not open a file it needed (probing.md)
        }
    }

    /** A check that asks the service: UDP questions wait for their address's turn first (see UdpPacer). */
    private void startExchange(Attempt a) {
        long now = System.nanoTime();
        if (!a.paced && a.exchange.wire() == Conversation.Wire.UDP) {
            a.paced = true;
            long slot = pacer.reserve(a.address, now);
            if (slot - now > 0) {
                a.sendAt = slot;
                giveBackSlot(a); // a paced question holds no socket while it waits
                paced.add(a);
                return;
            }
        }
        a.started = Instant.now();
        a.startNanos = now;
        a.deadline = now + a.timeoutNanos;
        Outcome decided;
        try {
            decided = a.exchange.start(selector, a);
        } catch (IOException e) {
            if (!deferForDescriptors(a, e)) {
                fail(a, e);
            }
            return;
        } catch (RuntimeException e) {
            fail(a, e);
            return;
        } catch (LinkageError | InternalError e) {
            finish(a, OUT_OF_DESCRIPTORS);
            return;
        }
        if (decided != null) {
            finish(a, decided);
        } else {
            deadlines.add(a);
        }
    }

    /** Paced questions whose turn has come join the front of the line. */
    private void releasePaced(long now) {
        Attempt a;
        while ((a = paced.peek()) != null && a.sendAt - now <= 0) {
            line.addFirst(paced.poll());
        }
    }

    private void fail(Attempt a, Exception e) {
        if (a.startNanos == 0) {
            a.startNanos = System.nanoTime();
        }
        finish(a, ConnectFailure.classify(e, Duration.ofNanos(System.nanoTime() - a.startNanos)));
    }

    private void onReady(SelectionKey key) {
        Attempt a = (Attempt) key.attachment();
        if (a.finished) {
            return;
        }
        if (readyAt == 0) {
            readyAt = System.nanoTime(); // one timestamp per wake-up: later keys are not charged for earlier ones
        }
        if (a.exchange != null) {
            try {
                Outcome outcome = a.exchange.ready(readyAt, scratch);
                if (outcome != null) {
                    finish(a, outcome);
                }
            } catch (LinkageError | InternalError e) {
                finish(a, OUT_OF_DESCRIPTORS); // the JDK could not open a file it needed (probing.md)
            }
            return;
        }
        try {
            if (a.channel.finishConnect()) {
                finish(a, confirmOpen(a, readyAt));
            }
        } catch (LinkageError | InternalError e) {
            finish(a, OUT_OF_DESCRIPTORS); // the JDK could not open a file it needed (probing.md)
        } catch (IOException | RuntimeException e) {
            finish(a, ConnectFailure.classify(e, Duration.ofNanos(System.nanoTime() - a.startNanos)));
        }
    }

    /** A "successful" connect is only believed after a real syscall on the socket agrees (nmap#3523). */
    private Outcome confirmOpen(Attempt a, long connectedAt) {
        Duration latency = Duration.ofNanos(Math.max(0, connectedAt - a.startNanos));
        lingerZero(a);
        if (selfConnected(a)) {
            return new Outcome.Closed();
        }
        try {
            probeByte.clear();
            a.channel.read(probeByte); // 0 = connected, nothing sent yet; -1 or data = connected too
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("not connected")) {
                return new Outcome.Unreachable("the connect looked successful but the socket is not connected");
            }
            // Reset right after the handshake: the port did accept.
        }
        return new Outcome.Open(latency);
    }

    /**
     * Close with a RST, so the sweep leaves no TIME_WAIT. Only sockets that may be connected need it; skipping it for
     * the (many) refused ports spares a system call each.
     */
    private static void lingerZero(Attempt a) {
        try {
            a.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // already reset or closed: nothing lingers
            ProbeLog.get().log(Level.FINE, "SO_LINGER on a probe socket", e);
        }
    }

    /**
     * A connect to a loopback port in the ephemeral range can be given that very port as its source and "connect"
     * to itself (TCP simultaneous open). The kernel never hands out a port someone listens on, so nothing listens.
     */
    private static boolean selfConnected(Attempt a) {
        try {
            return a.channel.getLocalAddress() instanceof InetSocketAddress local
                    && local.getPort() == a.target.port() && local.getAddress().equals(a.address);
        } catch (IOException e) {
            return false;
        }
    }

    private void expire(long now) {
        Attempt a;
        while ((a = deadlines.peek()) != null && (a.finished || a.deadline - now <= 0)) {
            deadlines.poll();
            if (!a.finished && a.exchange != null) {
                finish(a, a.exchange.timeUp(now));
            } else if (!a.finished) {
                lingerZero(a); // the answer may have come in just now
                // "no answer within the timeout" is the fact; the selector waking a little late adds nothing
                finish(a, new Outcome.Filtered(Duration.ofNanos(a.timeoutNanos)));
            }
        }
    }

    /** -1: do not block (work waits in the line and there is room); 0: block until woken; else until the next deadline. */
    private long waitMillis(long now) {
        if (cap.hasRoom() && !line.isEmpty()) {
            return -1;
        }
        Attempt next = deadlines.peek();
        Attempt turn = paced.peek();
        if (next == null && turn == null) {
            return 0;
        }
        long nanos = next == null ? turn.sendAt - now
                : turn == null ? next.deadline - now : Math.min(next.deadline - now, turn.sendAt - now);
        return nanos <= 0 ? -1 : Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    void finish(Attempt a, Outcome outcome) {
        a.finished = true;
        if (a.channel != null) {
            try {
                a.channel.close();
            } catch (IOException e) {
                ProbeLog.get().log(Level.FINE, "closing a probe socket", e);
            }
        } else if (a.exchange != null) {
            a.exchange.close();
        }
        giveBackSlot(a);
        int lowered = cap.loweredCapToReport();
        if (lowered > 0) {
            reportLoweredCap(lowered);
        }
        ProbeResult result = new ProbeResult(a.target, a.address, outcome,
                a.started == null ? Instant.now() : a.started);
        try {
            a.done.accept(result);
        } catch (RuntimeException e) {
            ProbeLog.get().log(Level.WARNING, "a probe consumer failed", e);
        }
    }

    private void giveBackSlot(Attempt a) {
        if (a.holdsSlot) {
            a.holdsSlot = false;
            cap.release();
        }
    }

    private static void reportLoweredCap(int lowered) {
        try {
            ProbeLog.get().warning(() -> "ran out of file descriptors: probing at most " + lowered
                    + " ports at once from now on (raise `ulimit -n` for more)");
        } catch (RuntimeException | LinkageError | InternalError e) {
            // still short of descriptors: the sweep matters more than the message
        }
    }

    private void shutDown() {
        List<Attempt> open = new ArrayList<>(deadlines);
        deadlines.clear();
        for (Attempt a : open) {
            if (!a.finished) {
                finish(a, CLOSED_PROBER);
            }
        }
        while (!paced.isEmpty()) {
            finish(paced.poll(), CLOSED_PROBER);
        }
        failLine();
        try {
            selector.close();
        } catch (IOException e) {
            ProbeLog.get().log(Level.FINE, "closing the selector", e);
        }
    }

    /** Everything still waiting in the line ends as "the prober was closed". */
    void failLine() {
        Attempt a;
        while ((a = line.pollFirst()) != null) {
            finish(a, CLOSED_PROBER);
        }
    }
}
