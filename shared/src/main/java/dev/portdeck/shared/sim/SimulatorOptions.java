package dev.portdeck.shared.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link PanelSimulator}. Start from {@link #defaults()} and change what a test needs with the withers.
 *
 * @param listen         where the HTTP API listens; must be a loopback address (port 0 = ephemeral)
 * @param flavor         which panel to imitate
 * @param rateLimit      per-key request limit over the whole client API ({@link RateLimit#OFF} by default)
 * @param creationLimit  per-server limit on allocation creations; null = the flavor's (Pelican 2/min, others off)
 * @param demoListeners  open real TCP listeners for the world's open ports (and reserve its closed ones)
 * @param world          the servers, nodes and ports to start with
 * @param powerTransition how long "starting"/"stopping" last after a power signal (zero = immediate)
 */
public record SimulatorOptions(
        InetSocketAddress listen,
        Flavor flavor,
        RateLimit rateLimit,
        RateLimit creationLimit,
        boolean demoListeners,
        DemoWorld world,
        Duration powerTransition) {

    public SimulatorOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(powerTransition, "powerTransition");
        if (listen.getAddress() == null || !listen.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the demo panel listens on loopback only, not on " + listen);
        }
    }

    /** 127.0.0.1 on an ephemeral port, documented flavor, no rate limit, demo listeners on, the standard demo world. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Flavor.DOCUMENTED,
                RateLimit.OFF, null, true, DemoWorld.standard(), Duration.ZERO);
    }

    public SimulatorOptions withListen(InetSocketAddress address) {
        return new SimulatorOptions(address, flavor, rateLimit, creationLimit, demoListeners, world, powerTransition);
    }

    public SimulatorOptions withFlavor(Flavor f) {
        return new SimulatorOptions(listen, f, rateLimit, creationLimit, demoListeners, world, powerTransition);
    }

    public SimulatorOptions withRateLimit(RateLimit limit) {
        return new SimulatorOptions(listen, flavor, limit, creationLimit, demoListeners, world, powerTransition);
    }

    public SimulatorOptions withCreationLimit(RateLimit limit) {
        return new SimulatorOptions(listen, flavor, rateLimit, limit, demoListeners, world, powerTransition);
    }

    public SimulatorOptions withDemoListeners(boolean open) {
        return new SimulatorOptions(listen, flavor, rateLimit, creationLimit, open, world, powerTransition);
    }

    public SimulatorOptions withWorld(DemoWorld w) {
        return new SimulatorOptions(listen, flavor, rateLimit, creationLimit, demoListeners, w, powerTransition);
    }

    public SimulatorOptions withPowerTransition(Duration d) {
        return new SimulatorOptions(listen, flavor, rateLimit, creationLimit, demoListeners, world, d);
    }

    /** The creation limit in force: the explicit one, else Pelican's 2 per minute per server, else none. */
    public RateLimit effectiveCreationLimit() {
        if (creationLimit != null) {
            return creationLimit;
        }
        return flavor == Flavor.PELICAN ? RateLimit.perMinute(2) : RateLimit.OFF;
    }
}
