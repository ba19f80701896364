package dev.portdeck.probe.agent;

import dev.portdeck.probe.Monitor;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RetryPolicy;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RateLimited;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `portdeck agent`: watches every allocation the key sees, all the time, and speaks Prometheus. The fourth way to drive
 * the probe engine (after the dashboard, `probe` and the tests), not a second engine.
 *
 * <p>Threads: "portdeck-agent-panel" discovers (every --rediscover and on {@link #rediscover()}) and polls /resources
 * inside the panel budget; the {@link Monitor}'s thread runs the rounds and records each result into the metrics
 * (the {@link Prober}'s selector thread does the connects); the Prometheus client's HTTP threads serve /metrics,
 * /probe, /sd and the health pages. When the panel is down or rate-limiting, probing goes on with the allocations
 * last read, portdeck_panel_up is 0, and the log says why once.
 */
public final class Agent implements AutoCloseable {

    /**
     * The client's retries for the agent's panel: none after a 429 (the agent's own pacing stops every request until
     * Retry-After, and says so), one after a connection that broke before anything was done.
     */
    public static final RetryPolicy PANEL_RETRIES = new RetryPolicy(0, Duration.ZERO, 1, Duration.ofMillis(250));

    /** How soon a failed discovery is tried again (or --rediscover, when that is shorter). */
    static final Duration DISCOVERY_RETRY = Duration.ofSeconds(30);

    private final AgentSettings settings;
    private final AgentLog log;
    private final PanelClient client;
    private final Prober prober;
    private final Monitor monitor;
    private final PanelMetrics panelMetrics;
    private final AllocationMetrics allocationMetrics;
    private final ServerMetrics serverMetrics;
    private final ListeningMetrics listeningMetrics; // null with --no-listening
    private final PanelPacer pacer;
    private final Discovery discovery;
    private final ResourcesSchedule resources;
    private final Thread panelThread;
    private final RoundReport rounds;
    private final Object wake = new Object();
    private final AgentServer server;

    private volatile Inventory inventory; // null until the first discovery
    private volatile Map<Target, WatchedAllocation> byTarget = Map.of();
    private volatile boolean rediscoverAsked;
    private volatile boolean closed;

    // Confined to the panel thread.
    private String panelDown; // why, while the panel is down
    private long nextDiscovery;

    private Agent(PanelClient client, AgentSettings settings, AgentLog log, String version, AllocationChecks checks) {
        this.settings = settings;
        this.log = log;
        this.client = client;
        Labels constLabels = settings.vantage() == null ? Labels.EMPTY : Labels.of("vantage", settings.vantage());
        PrometheusRegistry writtenOnChange = new PrometheusRegistry();
        PrometheusRegistry rest = new PrometheusRegistry();
        AllocationExposition exposition = new AllocationExposition(settings.interval());
        this.panelMetrics = new PanelMetrics(rest, constLabels, version);
        this.allocationMetrics = new AllocationMetrics(constLabels, exposition.changes());
        writtenOnChange.register(allocationMetrics);
        exposition.add(allocationMetrics);
        this.listeningMetrics = settings.listening() ? new ListeningMetrics(constLabels, exposition.changes()) : null;
        if (listeningMetrics != null) {
            writtenOnChange.register(listeningMetrics);
            exposition.add(listeningMetrics);
        }
        this.serverMetrics = new ServerMetrics(constLabels, exposition.changes());
        writtenOnChange.register(serverMetrics);
        exposition.add(serverMetrics);
        PrometheusRegistry everything = new PrometheusRegistry();
        everything.register((MultiCollector) () -> writtenOnChange.scrape());
        everything.register((MultiCollector) () -> rest.scrape());
        this.pacer = new PanelPacer(settings.panelRate(), panelMetrics, client.rateLimit()::latest);
        this.discovery = new Discovery(client, pacer, settings.servers(), checks, Clock.systemUTC());
        this.resources = new ResourcesSchedule(settings.interval().compareTo(AgentSettings.MIN_RESOURCES_INTERVAL) > 0
                ? settings.interval() : AgentSettings.MIN_RESOURCES_INTERVAL);
        this.prober = settings.maxInFlight() == null ? new Prober() : new Prober(settings.maxInFlight());
        this.monitor = new Monitor(prober, settings.interval(), settings.timeout(), 0); // Prometheus keeps history
        this.panelThread = new Thread(this::runPanel, "portdeck-agent-panel");
        panelThread.setDaemon(true);
        RoundReport rounds = new RoundReport(log, allocationMetrics, listeningMetrics, panelMetrics);
        this.rounds = rounds;
        monitor.addListener(round -> {
            rounds.record(round, byTarget);
            monitor.runNext(exposition::prepare); // once the round's results are unreachable
        });
        AgentRoutes routes = new AgentRoutes(new MetricsEndpoint(exposition, rest, everything), new HealthyHandler(),
                new ProbeEndpoint(prober, settings.timeout(), constLabels), new DiscoveryEndpoint(() -> inventory),
                this::ready);
        try {
            this.server = AgentServer.start(settings.listen(), routes);
        } catch (IOException | RuntimeException e) {
            monitor.close();
            prober.close();
            String at = settings.listen().getAddress().getHostAddress() + ":" + settings.listen().getPort();
            throw new IllegalStateException("cannot listen on " + at + ": " + describe(e), e);
        }
    }

    /**
     * Starts watching: binds the HTTP server (an IllegalStateException saying why when it cannot), then discovers and
     * probes in the background. The caller keeps ownership of {@code client}, best made with {@link #PANEL_RETRIES}.
     */
    public static Agent start(PanelClient client, AgentSettings settings, AgentLog log, String version) {
        return start(client, settings, log, version, AllocationChecks.auto());
    }

    /** As {@link #start(PanelClient, AgentSettings, AgentLog, String)}, with the rule that picks each check. */
    public static Agent start(PanelClient client, AgentSettings settings, AgentLog log, String version,
            AllocationChecks checks) {
        Agent agent = new Agent(client, settings, log, version, checks);
        String host = agent.address().getAddress().getHostAddress();
        agent.log.info("agent started", AgentLog.fields("listen", (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + ":" + agent.address().getPort(), "vantage", settings.vantage(), "interval", seconds(settings.interval()),
                "timeout", seconds(settings.timeout()), "rediscover", seconds(settings.rediscover()),
                "panel_rate_per_minute", settings.panelRate()));
        agent.panelThread.start();
        return agent;
    }

    /** Where the HTTP server listens (the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(settings.listen().getAddress(), server.port());
    }

    /** What the last successful discovery found, or null before the first. */
    public Inventory inventory() {
        return inventory;
    }

    /** The first discovery and the first round are done (what /-/ready says). */
    public boolean ready() {
        Inventory current = inventory;
        return current != null && (rounds.firstRoundDone() || current.probeable().isEmpty());
    }

    /** Discover again now (SIGHUP), without waiting for --rediscover. */
    public void rediscover() {
        rediscoverAsked = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void runPanel() {
        nextDiscovery = System.nanoTime();
        while (!closed) {
            try {
                long now = System.nanoTime();
                if (rediscoverAsked || now - nextDiscovery >= 0) {
                    boolean asked = rediscoverAsked;
                    rediscoverAsked = false;
                    discover(asked);
                } else if (!settings.resources() || !pollResources(now)) {
                    long until = Math.min(nextDiscovery - now, settings.resources() ? resources.untilDue(now) : Long.MAX_VALUE);
                    synchronized (wake) {
                        if (!rediscoverAsked && until > 0) {
                            wake.wait(Math.max(1, until / 1_000_000));
                        }
                    }
                }
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("unexpected failure in the panel loop", AgentLog.fields("error", e.toString()));
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private void discover(boolean asked) throws InterruptedException {
        if (asked) {
            log.info("discovering again (SIGHUP)");
        }
        try {
            Inventory found = discovery.discover();
            panelAnswered();
            apply(found);
            nextDiscovery = System.nanoTime() + settings.rediscover().toNanos();
        } catch (PanelException e) {
            panelFailed(e);
            Duration retry = settings.rediscover().compareTo(DISCOVERY_RETRY) < 0 ? settings.rediscover() : DISCOVERY_RETRY;
            if (e instanceof RateLimited limited && limited.retryAfter() != null
                    && limited.retryAfter().compareTo(retry) < 0) {
                retry = limited.retryAfter(); // the panel said when to come back
            }
            nextDiscovery = System.nanoTime() + retry.toNanos();
        }
    }

    private void apply(Inventory found) {
        Inventory before = inventory;
        List<WatchedAllocation> probeable = found.probeable();
        allocationMetrics.retain(probeable);
        if (listeningMetrics != null) {
            listeningMetrics.retain(probeable);
        }
        serverMetrics.discovered(found.servers());
        Map<Target, WatchedAllocation> targets = new HashMap<>();
        probeable.forEach(w -> targets.put(w.target(), w));
        byTarget = targets;
        monitor.setTargets(probeable.stream().map(WatchedAllocation::target).toList());
        inventory = found;
        resources.servers(found.servers().stream().map(Server::identifier).toList());
        panelMetrics.discovered(found.at(), probeable.size());
        new DiscoveryReport(log).report(before, found);
    }

    private boolean pollResources(long now) throws InterruptedException {
        String id = resources.next(now);
        if (id == null) {
            return false;
        }
        try {
            serverMetrics.resources(id, pacer.call(() -> client.resources(id)));
            panelAnswered();
            resources.answered(id, log);
        } catch (PanelException e) {
            if (meansPanelDown(e)) {
                panelFailed(e);
            } else {
                panelAnswered();
                resources.failed(id, e, log);
            }
        }
        return true;
    }

    /** No answer, not the API, a rejected key, or a 429: the panel as a whole is not usable right now. */
    static boolean meansPanelDown(PanelException e) {
        return e instanceof Unreachable && e.httpStatus() == 0 || e instanceof NotTheApi || e instanceof RateLimited
                || e instanceof Unauthorized;
    }

    private void panelAnswered() {
        panelMetrics.panelUp(true);
        if (panelDown != null) {
            log.info("panel up again", AgentLog.fields("was", panelDown));
            panelDown = null;
        }
    }

    private void panelFailed(PanelException e) {
        panelMetrics.panelUp(false);
        String why = e.getMessage();
        if (panelDown == null) {
            log.warn("panel down; probing goes on with the allocations last read",
                    AgentLog.fields("reason", why, "status", e.httpStatus() == 0 ? null : e.httpStatus()));
        }
        panelDown = why;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        panelThread.interrupt();
        server.close();
        monitor.close();
        prober.close();
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toMillis() / 1000 + "s" : d.toMillis() + "ms";
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
