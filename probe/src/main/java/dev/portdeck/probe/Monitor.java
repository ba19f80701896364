package dev.portdeck.probe;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Probes a changing set of targets in rounds (every `interval`), keeps a {@link StatsSnapshot} per target, and tells
 * listeners once per round (coalesced: one call carries every target that changed), on a thread of its own.
 *
 * <p>Threads: "portdeck-probe-monitor" starts rounds, records results into each target's {@link History} and calls
 * the listeners; the {@link Prober}'s selector thread does the connects. A round that is still running when the
 * next one is due is not doubled: the tick is skipped. {@link #addEarlyListener early listeners} hear the targets
 * that answered while the round still waits for the slow ones (a screen shows the open ports at once, not after
 * the longest timeout).
 */
public final class Monitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("portdeck.probe.monitor");
    /** How long results that arrived during a round wait to be passed on together to the early listeners. */
    static final Duration EARLY_BATCH = Duration.ofMillis(50);

    private final Prober prober;
    private final boolean ownsProber;
    private final Duration timeout;
    private final int window;
    private final ScheduledExecutorService clock;
    private final List<Consumer<Map<Target, StatsSnapshot>>> listeners = new CopyOnWriteArrayList<>();
    private final List<ProbeListener> resultListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<Target, StatsSnapshot>>> earlyListeners = new CopyOnWriteArrayList<>();
    /** Results of the running round not yet recorded, from the selector threads; passed on after EARLY_BATCH. */
    private final Queue<ProbeResult> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean passDue = new AtomicBoolean();
    private final Map<Target, StatsSnapshot> snapshots = new ConcurrentHashMap<>();
    private volatile Set<Target> targets = Set.of();
    private volatile boolean paused;
    private volatile boolean closed;

    // Confined to the monitor thread.
    private final Map<Target, History> histories = new HashMap<>();
    /** With a window of 0: the targets probed at least once (their results are handed on, not kept). */
    private final Set<Target> probed = new HashSet<>();
    private final Set<Target> toldEarly = new HashSet<>();
    private boolean roundRunning;
    /** A round was asked for while one ran: the targets it did not cover are probed when it ends. */
    private boolean newcomersWait;

    private ScheduledFuture<?> ticking; // guarded by this
    private Duration interval; // guarded by this

    public Monitor(Duration interval, Duration timeout) {
        this(new Prober(), true, interval, timeout, History.DEFAULT_WINDOW);
    }

    /**
     * A monitor that uses (and does not close) the given prober, keeping {@code window} results per target; with a
     * window of 0 it keeps nothing and hands on each target's latest result alone ({@link StatsSnapshot#latestOnly}):
     * at 10,000 targets a round's statistics were a sixth of what it allocated.
     */
    public Monitor(Prober prober, Duration interval, Duration timeout, int window) {
        this(prober, false, interval, timeout, window);
    }

    private Monitor(Prober prober, boolean ownsProber, Duration interval, Duration timeout, int window) {
        requirePositive(interval, "interval");
        requirePositive(timeout, "timeout");
        if (window < 0) {
            throw new IllegalArgumentException("the window cannot be negative, not " + window);
        }
        this.prober = prober;
        this.ownsProber = ownsProber;
        this.timeout = timeout;
        this.window = window;
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, r -> Prober.daemon(r, "portdeck-probe-monitor"));
        executor.setRemoveOnCancelPolicy(true);
        this.clock = executor;
        setInterval(interval);
    }

    /** Replace the set of targets; history of targets that stay is kept. New targets are probed right away. */
    public void setTargets(Collection<Target> targets) {
        Set<Target> next = Collections.unmodifiableSet(new LinkedHashSet<>(targets));
        Set<Target> before = this.targets;
        this.targets = next;
        snapshots.keySet().retainAll(next);
        run(() -> {
            histories.keySet().retainAll(this.targets);
            probed.retainAll(this.targets);
            snapshots.keySet().retainAll(this.targets); // a round may have finished in between
        });
        if (!paused && !before.containsAll(next)) {
            probeNow();
        }
    }

    /** The targets being monitored, in the order given. */
    public Set<Target> targets() {
        return targets;
    }

    /** Receives the snapshots of the targets that changed since the last call; never on the caller's thread. */
    public void addListener(Consumer<Map<Target, StatsSnapshot>> listener) {
        listeners.add(listener);
    }

    /**
     * Receives the snapshots of targets as their results arrive during a round (gathered for {@link #EARLY_BATCH}),
     * and those of the rest when the round ends: each target once a round, on the monitor's thread. A round's slow
     * targets (timeouts) then no longer hold back the ones that answered.
     */
    public void addEarlyListener(Consumer<Map<Target, StatsSnapshot>> listener) {
        earlyListeners.add(listener);
    }

    /** Receives every single result as it arrives, on the prober's selector thread: must return quickly. */
    public void addResultListener(ProbeListener listener) {
        resultListeners.add(listener);
    }

    /**
     * Start a round now; while one is running, the targets it does not cover (added since) get one when it ends.
     * Works while paused too.
     */
    public void probeNow() {
        run(this::startRound);
    }

    /**
     * Runs {@code task} on the monitor's thread once the task running there now (a listener, say) has returned: for
     * work after a round that should not keep the round's results alive. At 10,000 targets, writing the agent's
     * families inside its listener kept 10,000 results reachable, and the young collections that the writing brought
     * on copied them all and spilled into the old generation.
     */
    public void runNext(Runnable task) {
        run(task);
    }

    /** Pause or resume the rounds; a paused monitor keeps its statistics. */
    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public boolean isPaused() {
        return paused;
    }

    public synchronized void setInterval(Duration interval) {
        requirePositive(interval, "interval");
        this.interval = interval;
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (!closed) {
            long millis = interval.toMillis();
            ticking = clock.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized Duration interval() {
        return interval;
    }

    /**
     * The current snapshot of one target, or null if it is not monitored (an empty one before its first probe, and
     * always with a window of 0: such a monitor only hands its results on).
     */
    public StatsSnapshot snapshot(Target target) {
        StatsSnapshot snapshot = snapshots.get(target);
        if (snapshot == null && targets.contains(target)) {
            return new History(target, 1).snapshot();
        }
        return snapshot;
    }

    private void tick() {
        if (!paused) {
            startRound();
        }
    }

    private void startRound() {
        startRound(List.copyOf(targets));
    }

    private void startRound(List<Target> round) {
        if (roundRunning) {
            newcomersWait = true;
        }
        if (closed || roundRunning || round.isEmpty()) {
            return;
        }
        roundRunning = true;
        ProbeListener each = resultListeners.isEmpty() && earlyListeners.isEmpty() ? null : this::arrived;
        try {
            prober.sweep(round, timeout, each).whenComplete((results, error) -> run(() -> finishRound(results)));
        } catch (RuntimeException e) {
            // A prober closing under us must not leave the monitor believing a round still runs, and stop for good.
            roundRunning = false;
            throw e;
        }
    }

    /** Selector thread: one result; the early listeners hear it within EARLY_BATCH. */
    private void arrived(ProbeResult r) {
        resultListeners.forEach(l -> l.onResult(r));
        if (earlyListeners.isEmpty()) {
            return;
        }
        arrived.add(r);
        if (passDue.compareAndSet(false, true)) {
            try {
                clock.schedule(() -> tell(earlyListeners, recordArrived()), EARLY_BATCH.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                LOG.fine("monitor closed; early results dropped");
            }
        }
    }

    /** Monitor thread: records the results that arrived so far this round; returns their snapshots. */
    private Map<Target, StatsSnapshot> recordArrived() {
        passDue.set(false);
        Map<Target, StatsSnapshot> early = new LinkedHashMap<>();
        for (ProbeResult r = arrived.poll(); r != null; r = arrived.poll()) {
            if (targets.contains(r.target()) && toldEarly.add(r.target())) {
                early.put(r.target(), record(r));
            }
        }
        return early;
    }

    private void finishRound(List<ProbeResult> results) {
        roundRunning = false;
        Map<Target, StatsSnapshot> late = new LinkedHashMap<>(recordArrived()); // arrived since the last pass
        Set<Target> current = targets;
        Map<Target, StatsSnapshot> changed = new LinkedHashMap<>();
        for (ProbeResult r : results == null ? List.<ProbeResult>of() : results) {
            if (!current.contains(r.target())) {
                continue; // removed while the round ran
            }
            if (toldEarly.contains(r.target())) {
                StatsSnapshot recorded = window == 0 ? StatsSnapshot.latestOnly(r) : snapshots.get(r.target());
                if (recorded != null) {
                    changed.put(r.target(), recorded);
                }
            } else {
                StatsSnapshot snapshot = record(r);
                changed.put(r.target(), snapshot);
                if (!earlyListeners.isEmpty()) { // the agent has none: 10,000 entries a round for nobody
                    late.put(r.target(), snapshot);
                }
            }
        }
        toldEarly.clear();
        tell(listeners, changed);
        tell(earlyListeners, late);
        if (newcomersWait && !closed) { // targets added while this round ran: theirs now, not at the next tick
            newcomersWait = false;
            startRound(current.stream().filter(t -> !probed(t)).toList());
        }
    }

    /**
     * With a window of 0 the result is handed on and not kept: 10,000 snapshots kept from one round to the next were
     * most of what the agent's young collections copied, and overflowing the survivor space they filled the old
     * generation (a full collection every 80 s).
     */
    private StatsSnapshot record(ProbeResult r) {
        if (window == 0) {
            probed.add(r.target());
            return StatsSnapshot.latestOnly(r);
        }
        History history = histories.computeIfAbsent(r.target(), t -> new History(t, window));
        history.record(r);
        StatsSnapshot snapshot = history.snapshot();
        snapshots.put(r.target(), snapshot);
        return snapshot;
    }

    private boolean probed(Target target) {
        return window == 0 ? probed.contains(target) : snapshots.containsKey(target);
    }

    private static void tell(List<Consumer<Map<Target, StatsSnapshot>>> to, Map<Target, StatsSnapshot> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<Target, StatsSnapshot> update = Collections.unmodifiableMap(changed);
        for (Consumer<Map<Target, StatsSnapshot>> listener : to) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a monitor listener failed", e);
            }
        }
    }

    private void run(Runnable task) {
        try {
            clock.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.fine("monitor closed; task dropped");
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, not " + d);
        }
    }

    /** Stops the monitor thread and, if this monitor created it, the prober (its selector and sockets). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (ticking != null) {
                ticking.cancel(false);
            }
        }
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsProber) {
            prober.close();
        }
    }
}
