package dev.portdeck.probe;

import dev.portdeck.probe.check.Conversation;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes on one Selector thread ("portdeck-probe-selector"), with deadlines of our own (a min-heap; the kernel's
 * ~127 s connect timeout never matters), at most {@link #maxInFlight()} sockets open at once, and {@code SO_LINGER 0}
 * so a sweep leaves no TIME_WAIT behind. A {@link Check#TCP} target is a bare non-blocking connect; every other check
 * is a {@link dev.portdeck.probe.check.Conversation} carried by an {@link Exchange} on the same thread and within the
 * same deadline (see docs/checks.md for what each check sends). New UDP questions to one address are spaced by
 * {@link Settings#udpGap()}. Host names are resolved first on a small executor with a timeout; IP literals skip it.
 * Thread-safe; results and listeners are delivered on the selector thread, so listeners must return quickly.
 */
public final class Prober implements AutoCloseable {

    public static final Duration DEFAULT_DNS_TIMEOUT = HostResolver.DEFAULT_TIMEOUT;
    /** Between two new UDP questions to one address: at most 500 a second reach one host. */
    public static final Duration DEFAULT_UDP_GAP = Duration.ofMillis(2);
    /** The plain udp check's datagram: one zero byte, as Java's NIO cannot send an empty datagram. */
    public static final byte[] DEFAULT_UDP_PAYLOAD = {0};
    public static final int MAX_UDP_PAYLOAD = 512;

    /**
     * How a prober works.
     *
     * @param maxInFlight at most this many probes hold a socket at once
     * @param dnsTimeout  how long a host name may take to resolve
     * @param udpGap      the least time between two new UDP questions to one address (zero: no pacing)
     * @param udpPayload  what the plain {@code udp} check sends, 1 to {@link #MAX_UDP_PAYLOAD} bytes
     */
    public record Settings(int maxInFlight, Duration dnsTimeout, Duration udpGap, byte[] udpPayload) {

        public Settings {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
            }
            if (udpGap == null || udpGap.isNegative()) {
                throw new IllegalArgumentException("the UDP gap must be zero or more, not " + udpGap);
            }
            if (udpPayload == null || udpPayload.length < 1 || udpPayload.length > MAX_UDP_PAYLOAD) {
                throw new IllegalArgumentException("the UDP payload must be 1 to " + MAX_UDP_PAYLOAD + " bytes");
            }
            udpPayload = udpPayload.clone();
        }

        /** The cap from the open-files limit, the default DNS timeout, UDP gap and payload. */
        public static Settings defaults() {
            return new Settings(DescriptorBudget.defaultMaxInFlight(), DEFAULT_DNS_TIMEOUT, DEFAULT_UDP_GAP,
                    DEFAULT_UDP_PAYLOAD);
        }

        public Settings withMaxInFlight(int cap) {
            return new Settings(cap, dnsTimeout, udpGap, udpPayload);
        }

        public Settings withUdpGap(Duration gap) {
            return new Settings(maxInFlight, dnsTimeout, gap, udpPayload);
        }

        public Settings withUdpPayload(byte[] payload) {
            return new Settings(maxInFlight, dnsTimeout, udpGap, payload);
        }

        @Override
        public byte[] udpPayload() {
            return udpPayload.clone();
        }
    }

    private static final Logger LOG = Logger.getLogger("portdeck.probe");
    private static final int START_BATCH = 256;
    private static final int MAX_RETRIES = 20;
    /** Built up front: at the descriptor limit even loading a class can fail. */
    private static final Outcome CLOSED_PROBER = new Outcome.LocalError("the prober was closed");
    private static final Outcome OUT_OF_DESCRIPTORS = new Outcome.LocalError(
            "the JDK failed near the open-files limit (out of file descriptors?)");

    private final int maxInFlight;
    private final byte[] udpPayload;
    private final Selector selector;
    private final Thread loop;
    private final HostResolver resolver;
    private final Queue<Attempt> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupArmed = new AtomicBoolean();
    private volatile boolean closed;

    // Confined to the selector thread.
    private final PriorityQueue<Attempt> deadlines = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));
    private final ByteBuffer probeByte = ByteBuffer.allocateDirect(1);
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(64 * 1024); // one read or datagram of any exchange
    private final PriorityQueue<Attempt> paced = new PriorityQueue<>((a, b) -> Long.compare(a.sendAt, b.sendAt));
    private final UdpPacer pacer;
    private final Deque<Attempt> deferred = new ArrayDeque<>();
    private int inFlight;
    private int cap;
    private boolean capToReport;
    private long readyAt;

    /** A prober with the in-flight cap derived from the process's open-files limit. */
    public Prober() {
        this(DescriptorBudget.defaultMaxInFlight(), DEFAULT_DNS_TIMEOUT);
    }

    public Prober(int maxInFlight) {
        this(maxInFlight, DEFAULT_DNS_TIMEOUT);
    }

    public Prober(int maxInFlight, Duration dnsTimeout) {
        this(new Settings(maxInFlight, dnsTimeout, DEFAULT_UDP_GAP, DEFAULT_UDP_PAYLOAD));
    }

    public Prober(Settings settings) {
        this.maxInFlight = settings.maxInFlight();
        this.cap = maxInFlight;
        this.udpPayload = settings.udpPayload();
        this.pacer = new UdpPacer(settings.udpGap().toNanos());
        Duration dnsTimeout = settings.dnsTimeout();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector: " + e.getMessage(), e);
        }
        this.resolver = new HostResolver(dnsTimeout);
        preloadClasses();
        this.loop = daemon(this::run, "portdeck-probe-selector");
        loop.start();
    }

    /** The default cap for this process: below the open-files limit with headroom. */
    public static int defaultMaxInFlight() {
        return DescriptorBudget.defaultMaxInFlight();
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Probe one target; the future completes on the selector thread and never exceptionally. */
    public CompletableFuture<ProbeResult> probe(Target target, Duration timeout) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        submit(target, timeout, new HashMap<>(), result::complete);
        return result;
    }

    /**
     * Probe every target once, at most {@link #maxInFlight()} at a time; each result also goes to {@code listener}
     * (may be null) as it arrives. The list is in the order of {@code targets}. A host name is resolved once per sweep.
     */
    public CompletableFuture<List<ProbeResult>> sweep(List<Target> targets, Duration timeout, ProbeListener listener) {
        CompletableFuture<List<ProbeResult>> all = new CompletableFuture<>();
        ProbeResult[] results = new ProbeResult[targets.size()];
        AtomicInteger remaining = new AtomicInteger(targets.size());
        if (targets.isEmpty()) {
            all.complete(List.of());
            return all;
        }
        Map<String, CompletableFuture<InetAddress>> resolved = new HashMap<>();
        for (int i = 0; i < results.length; i++) {
            int slot = i;
            submit(targets.get(i), timeout, resolved, r -> {
                results[slot] = r;
                tell(listener, r);
                if (remaining.decrementAndGet() == 0) {
                    all.complete(List.of(results));
                }
            });
        }
        return all;
    }

    private void submit(Target target, Duration timeout, Map<String, CompletableFuture<InetAddress>> resolved,
            Consumer<ProbeResult> done) {
        Instant asked = Instant.now();
        if (closed) {
            done.accept(new ProbeResult(target, null, new Outcome.LocalError("the prober is closed"), asked));
            return;
        }
        long timeoutNanos = Math.max(1, timeout.toNanos());
        Conversation conversation = null;
        if (target.check() != Check.TCP) {
            if (target.check() == Check.HTTPS) {
                TlsLayer.prepare(); // the SSL context costs tens of milliseconds: here, not on the selector thread
            }
            conversation = Conversation.first(target.check(), target.host(), target.port(), udpPayload);
        }
        Conversation first = conversation;
        CompletableFuture<InetAddress> address = resolved.computeIfAbsent(target.host(), resolver::resolve);
        if (address.isDone() && !address.isCompletedExceptionally()) {
            enqueue(attempt(target, address.join(), timeoutNanos, done, first));
            return;
        }
        address.whenComplete((a, error) -> {
            Attempt attempt = attempt(target, a, timeoutNanos, done, first);
            if (error != null) {
                // Delivered by the selector thread too: listeners hear from one thread, never the caller's.
                attempt.started = asked;
                attempt.known = new Outcome.DnsError(resolver.reason(target.host(), error));
            }
            enqueue(attempt);
        });
    }

    private static Attempt attempt(Target target, InetAddress address, long timeoutNanos,
            Consumer<ProbeResult> done, Conversation conversation) {
        Attempt attempt = new Attempt(target, address, timeoutNanos, done);
        if (conversation != null && address != null) {
            attempt.exchange = new Exchange(conversation, target.host(), address, target.port(), timeoutNanos);
        }
        return attempt;
    }

    private void enqueue(Attempt attempt) {
        queued.add(attempt);
        if (closed) {
            failQueued(); // the loop may already be gone
        } else if (wakeupArmed.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void failQueued() {
        Attempt a;
        while ((a = queued.poll()) != null) {
            finish(a, CLOSED_PROBER);
        }
    }

    // ---- the selector thread ----

    private void run() {
        warmUp();
        try {
            while (!closed) {
                wakeupArmed.set(false);
                releasePaced(System.nanoTime());
                startQueued();
                long now = System.nanoTime();
                expire(now);
                long waitMillis = waitMillis(now);
                readyAt = 0;
                if (waitMillis < 0) {
                    selector.selectNow(this::onReady);
                } else {
                    selector.select(this::onReady, waitMillis);
                }
            }
        } catch (IOException | RuntimeException | LinkageError | InternalError e) {
            LOG.log(Level.WARNING, "the probe selector stopped", e);
        } finally {
            shutDown();
        }
    }

    /** Everything the selector thread may need is loaded now: near the fd limit a class file may not open. */
    private static void preloadClasses() {
        Duration d = Duration.ZERO;
        List<Outcome> all = List.of(new Outcome.Open(d), new Outcome.Closed(), new Outcome.Filtered(d),
                new Outcome.Unreachable(""), new Outcome.DnsError(""), OUT_OF_DESCRIPTORS);
        for (Exception e : List.of(new java.net.ConnectException("Connection refused"),
                new java.net.NoRouteToHostException(), new java.net.BindException(), new IOException())) {
            ConnectFailure.classify(e, d);
        }
        new ProbeResult(Target.of("127.0.0.1", 1), null, all.get(0), Instant.EPOCH).addressText();
        new Attempt(null, null, 0, r -> { }).hashCode();
    }

    /** Load the socket classes before the first probe, so its connect time is not charged with class loading. */
    private static void warmUp() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.INET)) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            LOG.log(Level.FINE, "warm-up socket", e);
        }
    }

    private void startQueued() {
        // Bounded batches, so completions are noticed (and timed) between starts instead of after thousands of them.
        for (int started = 0; started < START_BATCH && inFlight < cap; started++) {
            Attempt attempt = deferred.isEmpty() ? queued.poll() : deferred.poll();
            if (attempt == null) {
                return;
            }
            if (attempt.known != null) {
                finish(attempt, attempt.known);
            } else if (attempt.exchange != null) {
                startExchange(attempt);
            } else {
                start(attempt);
            }
        }
    }

    /**
     * The process ran out of descriptors although we stayed under our cap (something else holds them): wait for our
     * own sockets to close and lower the cap to what fit, instead of blaming targets. Bounded retries per attempt.
     */
    private boolean deferForDescriptors(Attempt a, IOException e) {
        if (a.channel != null || inFlight == 0 || a.retries >= MAX_RETRIES
                || !String.valueOf(e.getMessage()).contains("Too many open files")) {
            return false;
        }
        a.retries++;
        a.startNanos = 0;
        deferred.addFirst(a);
        if (cap > inFlight) {
            cap = Math.max(1, inFlight);
            capToReport = true; // logged once our sockets are closed: logging itself may need a file
        }
        return true;
    }

    private void start(Attempt a) {
        a.started = Instant.now();
        try {
            a.channel = SocketChannel.open(a.address instanceof Inet4Address
                    ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
            inFlight++;
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
        inFlight++;
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
            deferred.addLast(paced.poll());
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
            LOG.log(Level.FINE, "SO_LINGER on a probe socket", e); // already reset or closed: nothing lingers
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

    /** -1: do not block (work waits in the queue and there is room); 0: block until woken; else until the next deadline. */
    private long waitMillis(long now) {
        if (inFlight < cap && (!queued.isEmpty() || !deferred.isEmpty())) {
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

    private void finish(Attempt a, Outcome outcome) {
        a.finished = true;
        if (a.channel != null) {
            inFlight--;
            try {
                a.channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a probe socket", e);
            }
        } else if (a.exchange != null && a.exchange.close()) {
            inFlight--;
        }
        if (capToReport && inFlight == 0) {
            capToReport = false;
            reportLoweredCap();
        }
        ProbeResult result = new ProbeResult(a.target, a.address, outcome,
                a.started == null ? Instant.now() : a.started);
        try {
            a.done.accept(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a probe consumer failed", e);
        }
    }

    private void reportLoweredCap() {
        int lowered = cap;
        try {
            LOG.warning(() -> "ran out of file descriptors: probing at most " + lowered + " ports at once from now on"
                    + " (raise `ulimit -n` for more)");
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
        while (!deferred.isEmpty()) {
            finish(deferred.poll(), CLOSED_PROBER);
        }
        while (!paced.isEmpty()) {
            finish(paced.poll(), CLOSED_PROBER);
        }
        failQueued();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the selector", e);
        }
    }

    private static void tell(ProbeListener listener, ProbeResult result) {
        if (listener == null) {
            return;
        }
        try {
            listener.onResult(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a probe listener failed", e);
        }
    }

    /** Stops the selector thread (closing every socket still open) and the resolver threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        selector.wakeup();
        resolver.close();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** One connect in flight or waiting for a slot. */
    private static final class Attempt {
        final Target target;
        final InetAddress address;
        final long timeoutNanos;
        final Consumer<ProbeResult> done;
        Instant started;
        long startNanos;
        long deadline;
        SocketChannel channel;
        Outcome known; // decided before any connect (a name that did not resolve)
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
}
