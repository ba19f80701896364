package dev.portdeck.probe;

import dev.portdeck.probe.check.Conversation;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Probes on selector threads ("portdeck-probe-selector", then "-2", ... one per core by default), with deadlines of our
 * own (a min-heap per thread; the kernel's ~127 s connect timeout never matters), at most {@link #maxInFlight()}
 * sockets open at once across all of them, and {@code SO_LINGER 0} so a sweep leaves no TIME_WAIT behind. A sweep
 * wakes the threads in turn, one per batch of {@value SelectorLoop#START_BATCH} targets, so a large sweep has every
 * thread at work from its first batches while a small round stays on the first thread. A {@link Check#TCP} target is a bare non-blocking connect; every other check is a
 * {@link dev.portdeck.probe.check.Conversation} carried by an {@link Exchange} on the thread that started it and
 * within the same deadline (see docs/checks.md for what each check sends). New UDP questions to one address are spaced
 * by {@link Settings#udpGap()}, whichever thread asks. Host names are resolved first on a small executor with a
 * timeout; IP literals skip it. Thread-safe; results and listeners are delivered on a selector thread (a sweep's
 * listener one call at a time), so listeners must return quickly.
 */
public final class Prober implements AutoCloseable {

    public static final Duration DEFAULT_DNS_TIMEOUT = HostResolver.DEFAULT_TIMEOUT;
    /** Between two new UDP questions to one address: at most 500 a second reach one host. */
    public static final Duration DEFAULT_UDP_GAP = Duration.ofMillis(2);
    /** The plain udp check's datagram: one zero byte, as Java's NIO cannot send an empty datagram. */
    public static final byte[] DEFAULT_UDP_PAYLOAD = {0};
    public static final int MAX_UDP_PAYLOAD = 512;
    /** Beyond a few threads the kernel's own loopback work, not the JVM, limits a sweep. */
    public static final int MAX_SELECTOR_THREADS = 4;

    /**
     * How a prober works.
     *
     * @param maxInFlight at most this many probes hold a socket at once
     * @param dnsTimeout  how long a host name may take to resolve
     * @param udpGap      the least time between two new UDP questions to one address (zero: no pacing)
     * @param udpPayload  what the plain {@code udp} check sends, 1 to {@link #MAX_UDP_PAYLOAD} bytes
     * @param selectorThreads how many selector threads share the work (and the cap), 1 to {@link #MAX_SELECTOR_THREADS}
     */
    public record Settings(int maxInFlight, Duration dnsTimeout, Duration udpGap, byte[] udpPayload,
            int selectorThreads) {

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
            if (selectorThreads < 1 || selectorThreads > MAX_SELECTOR_THREADS) {
                throw new IllegalArgumentException("selectorThreads must be 1 to " + MAX_SELECTOR_THREADS + ", not "
                        + selectorThreads);
            }
            udpPayload = udpPayload.clone();
        }

        /** The cap from the open-files limit, the default DNS timeout, UDP gap and payload, a thread per core. */
        public static Settings defaults() {
            return new Settings(DescriptorBudget.defaultMaxInFlight(), DEFAULT_DNS_TIMEOUT, DEFAULT_UDP_GAP,
                    DEFAULT_UDP_PAYLOAD, defaultSelectorThreads());
        }

        public Settings withMaxInFlight(int cap) {
            return new Settings(cap, dnsTimeout, udpGap, udpPayload, selectorThreads);
        }

        public Settings withUdpGap(Duration gap) {
            return new Settings(maxInFlight, dnsTimeout, gap, udpPayload, selectorThreads);
        }

        public Settings withUdpPayload(byte[] payload) {
            return new Settings(maxInFlight, dnsTimeout, udpGap, payload, selectorThreads);
        }

        public Settings withSelectorThreads(int threads) {
            return new Settings(maxInFlight, dnsTimeout, udpGap, udpPayload, threads);
        }

        @Override
        public byte[] udpPayload() {
            return udpPayload.clone();
        }
    }


    private static final int NO_WAKE = -1;

    private final int maxInFlight;
    private final byte[] udpPayload;
    private final HostResolver resolver;
    private final Deque<Attempt> line = new ConcurrentLinkedDeque<>();
    private final List<SelectorLoop> loops;
    private volatile boolean closed;

    /** A prober with the in-flight cap derived from the process's open-files limit. */
    public Prober() {
        this(DescriptorBudget.defaultMaxInFlight(), DEFAULT_DNS_TIMEOUT);
    }

    public Prober(int maxInFlight) {
        this(maxInFlight, DEFAULT_DNS_TIMEOUT);
    }

    public Prober(int maxInFlight, Duration dnsTimeout) {
        this(new Settings(maxInFlight, dnsTimeout, DEFAULT_UDP_GAP, DEFAULT_UDP_PAYLOAD, defaultSelectorThreads()));
    }

    public Prober(Settings settings) {
        this.maxInFlight = settings.maxInFlight();
        this.udpPayload = settings.udpPayload();
        InFlightCap cap = new InFlightCap(maxInFlight);
        UdpPacer pacer = new UdpPacer(settings.udpGap().toNanos());
        int threads = Math.min(settings.selectorThreads(), maxInFlight);
        List<SelectorLoop> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = i == 0 ? "portdeck-probe-selector" : "portdeck-probe-selector-" + (i + 1);
            started.add(new SelectorLoop(name, i == 0, line, cap, pacer, () -> closed));
        }
        for (int i = 0; i < threads; i++) {
            started.get(i).follow(threads > 1 ? started.get((i + 1) % threads) : null);
        }
        this.loops = List.copyOf(started);
        this.resolver = new HostResolver(settings.dnsTimeout());
        preloadClasses();
        loops.forEach(SelectorLoop::start);
    }

    /** The default cap for this process: below the open-files limit with headroom. */
    public static int defaultMaxInFlight() {
        return DescriptorBudget.defaultMaxInFlight();
    }

    /** One selector thread per core, up to {@link #MAX_SELECTOR_THREADS}. */
    public static int defaultSelectorThreads() {
        return Math.max(1, Math.min(MAX_SELECTOR_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Probe one target; the future completes on a selector thread and never exceptionally. */
    public CompletableFuture<ProbeResult> probe(Target target, Duration timeout) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        submit(target, timeout, new HashMap<>(), result::complete, 0);
        return result;
    }

    /**
     * Probe every target once, at most {@link #maxInFlight()} at a time; each result also goes to {@code listener}
     * (may be null) as it arrives, one call at a time. The list is in the order of {@code targets}. A host name is
     * resolved once per sweep.
     */
    public CompletableFuture<List<ProbeResult>> sweep(List<Target> targets, Duration timeout, ProbeListener listener) {
        CompletableFuture<List<ProbeResult>> all = new CompletableFuture<>();
        if (targets.isEmpty()) {
            all.complete(List.of());
            return all;
        }
        ListenerTurns turns = new ListenerTurns(listener, new ProbeResult[targets.size()], all);
        Map<String, CompletableFuture<InetAddress>> resolved = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            int slot = i;
            // A loop is woken once per batch, not for each target (a big sweep queues faster), and each batch wakes
            // the next loop in turn: a sweep of many batches has every loop at work from its start, while a round
            // within one batch stays on the first.
            int batch = i / SelectorLoop.START_BATCH;
            int wake = i % SelectorLoop.START_BATCH == 0 ? batch % loops.size()
                    : i == targets.size() - 1 ? 0 : NO_WAKE;
            submit(targets.get(i), timeout, resolved, r -> turns.arrived(slot, r), wake);
        }
        return all;
    }

    private void submit(Target target, Duration timeout, Map<String, CompletableFuture<InetAddress>> resolved,
            Consumer<ProbeResult> done, int wake) {
        if (closed) {
            done.accept(new ProbeResult(target, null, new Outcome.LocalError("the prober is closed"), Instant.now()));
            return;
        }
        long timeoutNanos = Math.max(1, timeout.toNanos());
        Conversation first = target.check() == Check.TCP ? null
                : Conversation.first(target.check(), target.host(), target.port(), udpPayload);
        CompletableFuture<InetAddress> address = resolved.computeIfAbsent(target.host(), resolver::resolve);
        CompletableFuture<Void> ready = CheckPreparation.readyFor(target.check());
        if (ready.isDone() && address.isDone() && !address.isCompletedExceptionally()) {
            enqueue(attempt(target, address.join(), timeoutNanos, done, first), wake);
            return;
        }
        Instant asked = Instant.now();
        // The check's parser loading, or the name resolving: queued when both are done, while the rest go ahead.
        ready.whenComplete((loaded, failed) -> address.whenComplete((a, error) -> {
            Attempt attempt = attempt(target, a, timeoutNanos, done, first);
            if (error != null) {
                // Delivered by a selector thread too: listeners hear from selector threads, never the caller's.
                attempt.started = asked;
                attempt.known = new Outcome.DnsError(resolver.reason(target.host(), error));
            }
            enqueue(attempt, 0);
        }));
    }

    private static Attempt attempt(Target target, InetAddress address, long timeoutNanos,
            Consumer<ProbeResult> done, Conversation conversation) {
        Attempt attempt = new Attempt(target, address, timeoutNanos, done);
        if (conversation != null && address != null) {
            attempt.exchange = new Exchange(conversation, target.host(), address, target.port(), timeoutNanos);
        }
        return attempt;
    }

    /** Queues the attempt and wakes loop {@code wake}, if it is not {@link #NO_WAKE}. */
    private void enqueue(Attempt attempt, int wake) {
        line.addLast(attempt);
        if (closed) {
            loops.get(0).failLine(); // the loops may already be gone
        } else if (wake != NO_WAKE) {
            loops.get(wake).wake();
        }
    }

    /** Everything the selector threads may need is loaded now: near the fd limit a class file may not open. */
    private static void preloadClasses() {
        Duration d = Duration.ZERO;
        List<Outcome> all = List.of(new Outcome.Open(d), new Outcome.Closed(), new Outcome.Filtered(d),
                new Outcome.Unreachable(""), new Outcome.DnsError(""), SelectorLoop.OUT_OF_DESCRIPTORS);
        for (Exception e : List.of(new java.net.ConnectException("Connection refused"),
                new java.net.NoRouteToHostException(), new java.net.BindException(), new IOException())) {
            ConnectFailure.classify(e, d);
        }
        new ProbeResult(Target.of("127.0.0.1", 1), null, all.get(0), Instant.EPOCH).addressText();
        new Attempt(null, null, 0, r -> { }).hashCode();
    }

    /** Stops the selector thread (closing every socket still open) and the resolver threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        resolver.close();
        try {
            for (SelectorLoop loop : loops) {
                loop.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
