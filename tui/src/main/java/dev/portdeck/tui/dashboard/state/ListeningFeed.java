package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.client.IpLiteral;
import java.net.InetAddress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What listens on this machine at the watched addresses and ports (`ss -tulpn`, read from /proc): once per probe
 * round, at most every {@link #MIN_GAP_MILLIS}, and at once when the watched set changes, on a thread of its own, so
 * neither the GUI thread nor the probes wait for it. Nothing is read while nothing is watched. (The kernel writes out
 * every socket of the machine for /proc/net/tcp*: tens of milliseconds where thousands of connections are open.)
 * A round after the first remembers the owners found before ({@link ListeningSnapshot#next()}): it costs one read of
 * /proc/net, not another pass over every process. The answers reach the GUI thread through `ui`, one map per read.
 */
public final class ListeningFeed implements AutoCloseable {

    /** Sockets change rarely: a short probe interval must not turn this into a busy loop. */
    static final long MIN_GAP_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");

    private final ExecutorService reader;
    private final Executor ui;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Map<Target, InetAddress> used = new ConcurrentHashMap<>();
    private volatile Set<Target> targets = Set.of();
    private volatile long lastRead = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(MIN_GAP_MILLIS);
    private volatile Consumer<Map<Target, Listening>> sink = answers -> { };
    private final Supplier<ListeningSnapshot> first;
    private ListeningSnapshot snapshot; // the reader thread's

    /** This machine's sockets ({@link ListeningSnapshot#take()}). */
    public ListeningFeed(Executor ui) {
        this(ui, ListeningSnapshot::take);
    }

    /** Sockets read from the snapshot `first` gives, then from its {@link ListeningSnapshot#next()}s. */
    public ListeningFeed(Executor ui, Supplier<ListeningSnapshot> first) {
        this.ui = ui;
        this.first = first;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portdeck-listening");
            t.setDaemon(true);
            return t;
        });
    }

    /** Where the answers go (on the GUI thread). */
    void start(Consumer<Map<Target, Listening>> answers) {
        this.sink = answers;
    }

    /** The targets to answer for from now on; read at once when they changed (another server opened). */
    void watch(Collection<Target> now) {
        Set<Target> next = Set.copyOf(now);
        boolean changed = !next.equals(targets);
        targets = next;
        used.keySet().retainAll(targets);
        request(changed);
    }

    /** A probe round ended (any thread): the addresses the probes connected to, and a read when one is due. */
    void probed(Map<Target, StatsSnapshot> changes) {
        changes.forEach((t, st) -> {
            if (st.last() != null && st.last().address() != null) {
                used.put(t, st.last().address());
            }
        });
        request(false);
    }

    private void request(boolean now) {
        if (targets.isEmpty() || (!now && System.nanoTime() - lastRead < TimeUnit.MILLISECONDS.toNanos(MIN_GAP_MILLIS))
                || !busy.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.execute(this::read);
        } catch (RejectedExecutionException closing) {
            busy.set(false);
        }
    }

    private void read() {
        try {
            Map<Target, Endpoint> endpoints = endpoints(targets);
            if (endpoints.isEmpty()) {
                return; // nothing to ask yet: the next request reads at once
            }
            lastRead = System.nanoTime();
            snapshot = snapshot == null ? first.get() : snapshot.next();
            Map<Endpoint, Listening> found = snapshot.lookupAll(new LinkedHashSet<>(endpoints.values()));
            Map<Target, Listening> answers = new HashMap<>();
            endpoints.forEach((t, e) -> answers.put(t, found.get(e)));
            Consumer<Map<Target, Listening>> to = sink;
            ui.execute(() -> to.accept(answers));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "reading this machine's sockets", e);
        } finally {
            busy.set(false);
        }
    }

    /** The address a probe used (a name resolved), else the target's own IP literal; none before a name resolved. */
    private Map<Target, Endpoint> endpoints(Collection<Target> all) {
        Map<Target, Endpoint> endpoints = new HashMap<>();
        for (Target t : all) {
            InetAddress address = used.get(t);
            if (address == null) {
                address = IpLiteral.parse(t.host()).orElse(null);
            }
            if (address != null) {
                endpoints.put(t, new Endpoint(address, t.port()));
            }
        }
        return endpoints;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
