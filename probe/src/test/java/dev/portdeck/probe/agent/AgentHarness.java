package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.fail;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.SimulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated panel, a client for it and an agent watching it on a free loopback port, with fast timings. Public for
 * the tui module's tests of what Prometheus remembers.
 */
public final class AgentHarness implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(300);
    static final Duration TIMEOUT = Duration.ofMillis(800);

    public final PanelSimulator panel;
    final PanelClient client;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    public final Agent agent;
    private final java.util.List<Agent> others = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AgentHarness(DemoWorld world) {
        this(SimulatorOptions.defaults().withWorld(world), settings());
    }

    public AgentHarness(DemoWorld world, AllocationChecks checks) {
        this(SimulatorOptions.defaults().withWorld(world), settings(), AgentLog.Format.LOGFMT, checks);
    }

    AgentHarness(SimulatorOptions options, AgentSettings settings) {
        this(options, settings, AgentLog.Format.LOGFMT, AllocationChecks.auto());
    }

    public AgentHarness(SimulatorOptions options, AgentSettings settings, AgentLog.Format format,
            AllocationChecks checks) {
        panel = PanelSimulator.start(options);
        client = new PanelClient(PanelConfig.of(panel.url(), panel.clientKey()), Agent.PANEL_RETRIES);
        AgentLog log = new AgentLog(new PrintWriter(new OutputStreamWriter(logBytes, StandardCharsets.UTF_8), true), format);
        agent = Agent.start(client, settings, log, "test", checks);
    }

    /** One more agent on the same panel (another vantage point, another rule); closed with the harness. */
    public Agent anotherAgent(AgentSettings settings, AllocationChecks checks) {
        Agent another = Agent.start(client, settings, new AgentLog(new PrintWriter(new OutputStreamWriter(logBytes,
                StandardCharsets.UTF_8), true), AgentLog.Format.LOGFMT), "test", checks);
        others.add(another);
        return another;
    }

    /** Loopback on a free port, rounds every 300 ms, probes of 800 ms, discovery every 2 s. */
    public static AgentSettings settings() {
        return AgentSettings.defaults()
                .withListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withTiming(INTERVAL, TIMEOUT, Duration.ofSeconds(2))
                .withPanelRate(600, true);
    }

    String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    URI uri(String pathAndQuery) {
        InetSocketAddress at = agent.address();
        return URI.create("http://127.0.0.1:" + at.getPort() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("GET " + request.uri() + " failed: " + e, e);
        }
    }

    public String metrics() {
        return get("/metrics").body();
    }

    public void awaitReady() {
        await("the agent is ready", agent::ready, Duration.ofSeconds(20));
    }

    /** The value of the one sample of {@code name} whose labels contain every {@code label="value"} given. */
    static Double sample(String exposition, String name, String... labelPairs) {
        Double found = null;
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(exposition);
        while (m.find()) {
            String labels = m.group(1);
            boolean all = true;
            for (String pair : labelPairs) {
                all &= labels.contains(pair);
            }
            if (all) {
                if (found != null) {
                    throw new AssertionError("more than one " + name + " with " + String.join(",", labelPairs));
                }
                found = Double.parseDouble(m.group(2));
            }
        }
        return found;
    }

    public static void await(String what, BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
        fail("not within " + within.toSeconds() + " s: " + what);
    }

    @Override
    public void close() {
        others.forEach(Agent::close);
        agent.close();
        client.close();
        panel.close();
    }
}
