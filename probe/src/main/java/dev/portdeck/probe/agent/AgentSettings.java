package dev.portdeck.probe.agent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the agent runs; every value has the command line's default in {@link #defaults()}.
 *
 * @param listen      where /metrics, /probe, /sd and /-/ready are served (default 127.0.0.1:9477)
 * @param interval    time between the starts of two probing rounds (default 15 s)
 * @param timeout     how long one probe may take (default 2 s); also the /probe modules' timeout
 * @param rediscover  time between two discoveries (default 5 min); SIGHUP asks for one at once
 * @param vantage     the constant {@code vantage} label of every series, or null for none
 * @param servers     --server refs to narrow discovery to (empty: every server the key sees)
 * @param panelRate   requests a minute the agent may send to the panel (default 60)
 * @param resources   whether to poll each server's /resources (power state, network counters, uptime)
 * @param listening   whether to look each round at what is bound on this machine (portdeck_allocation_listening)
 * @param maxInFlight connects in flight at once, or null for the prober's default (from the open-files limit)
 */
public record AgentSettings(InetSocketAddress listen, Duration interval, Duration timeout, Duration rediscover,
                            String vantage, List<String> servers, int panelRate, boolean resources,
                            boolean listening, Integer maxInFlight) {

    public static final int DEFAULT_PORT = 9477;
    public static final int DEFAULT_PANEL_RATE = 60;
    /** The panel caches /resources for about 20 s: asking a server more often learns nothing. */
    public static final Duration MIN_RESOURCES_INTERVAL = Duration.ofSeconds(30);

    public AgentSettings {
        Objects.requireNonNull(listen, "listen");
        requirePositive(interval, "--interval");
        requirePositive(timeout, "--timeout");
        requirePositive(rediscover, "--rediscover");
        servers = List.copyOf(servers);
        if (panelRate < 1) {
            throw new IllegalArgumentException("--panel-rate must be at least 1 request a minute, not " + panelRate);
        }
        if (maxInFlight != null && maxInFlight < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + maxInFlight);
        }
        if (vantage != null && vantage.isBlank()) {
            vantage = null;
        }
    }

    public static AgentSettings defaults() {
        return new AgentSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT),
                Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofMinutes(5), null, List.of(),
                DEFAULT_PANEL_RATE, true, true, null);
    }

    public AgentSettings withListen(InetSocketAddress address) {
        return new AgentSettings(address, interval, timeout, rediscover, vantage, servers, panelRate, resources,
                listening, maxInFlight);
    }

    public AgentSettings withTiming(Duration newInterval, Duration newTimeout, Duration newRediscover) {
        return new AgentSettings(listen, newInterval, newTimeout, newRediscover, vantage, servers, panelRate, resources,
                listening, maxInFlight);
    }

    public AgentSettings withVantage(String name) {
        return new AgentSettings(listen, interval, timeout, rediscover, name, servers, panelRate, resources,
                listening, maxInFlight);
    }

    public AgentSettings withServers(List<String> refs) {
        return new AgentSettings(listen, interval, timeout, rediscover, vantage, refs, panelRate, resources,
                listening, maxInFlight);
    }

    public AgentSettings withPanelRate(int perMinute, boolean pollResources) {
        return new AgentSettings(listen, interval, timeout, rediscover, vantage, servers, perMinute, pollResources,
                listening, maxInFlight);
    }

    public AgentSettings withListening(boolean lookHere) {
        return new AgentSettings(listen, interval, timeout, rediscover, vantage, servers, panelRate, resources,
                lookHere, maxInFlight);
    }

    public AgentSettings withMaxInFlight(Integer cap) {
        return new AgentSettings(listen, interval, timeout, rediscover, vantage, servers, panelRate, resources,
                listening, cap);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than zero");
        }
    }
}
