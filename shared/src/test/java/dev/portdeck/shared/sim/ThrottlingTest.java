package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-key request limit and Pelican's per-server creation limit: 429 with Retry-After and X-RateLimit-*. */
class ThrottlingTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aKeyOverItsLimitGets429WithRetryAfter(Flavor flavor) {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor)
                .withDemoListeners(false).withRateLimit(RateLimit.perMinute(3)))) {
            SimHttp http = new SimHttp(sim, sim.clientKey());
            for (int i = 0; i < 3; i++) {
                SimHttp.Answer ok = http.get("/api/client");
                assertEquals(200, ok.status());
                assertEquals("3", ok.headers().firstValue("X-RateLimit-Limit").orElseThrow());
                assertEquals(Integer.toString(2 - i), ok.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            }
            SimHttp.Answer limited = http.get("/api/client");
            assertEquals(429, limited.status());
            assertEquals("ThrottleRequestsException", limited.errorCode());
            assertEquals("Too Many Attempts.", limited.errorDetail());
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
            assertEquals(200, http.as(sim.readOnlyKey()).get("/api/client").status(), "the limit is per key");
        }
    }

    @Test
    void theWindowReopensAfterRetryAfter() throws InterruptedException {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false)
                .withRateLimit(new RateLimit(1, Duration.ofMillis(300))))) {
            SimHttp http = new SimHttp(sim, sim.clientKey());
            assertEquals(200, http.get("/api/client").status());
            assertEquals(429, http.get("/api/client").status());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int status;
            do {
                Thread.sleep(50);
                status = http.get("/api/client").status();
            } while (status == 429 && System.nanoTime() < deadline);
            assertEquals(200, status);
        }
    }

    @Test
    void theDemoDefaultDoesNotLimit() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            SimHttp http = new SimHttp(sim, sim.clientKey());
            for (int i = 0; i < 100; i++) {
                assertEquals(200, http.get("/api/client").status());
            }
        }
    }

    @Test
    void pelicanThrottlesAllocationCreationsToTwoPerMinutePerServer() {
        DemoWorld world = AllocationRulesTest.world(java.util.List.of(30001, 30002, 30003, 30004, 30005));
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.PELICAN)
                .withWorld(world).withDemoListeners(false))) {
            sim.setAutoAllocationEnabled(true);
            SimHttp http = new SimHttp(sim, sim.clientKey());
            String alpha = sim.serverId("Alpha");
            sim.setAllocationLimit(alpha, 10);
            assertEquals(200, http.post(SimHttp.allocations(alpha), "{}").status());
            assertEquals(200, http.post(SimHttp.allocations(alpha), "{}").status());
            SimHttp.Answer third = http.post(SimHttp.allocations(alpha), "{}");
            assertEquals(429, third.status());
            assertTrue(third.headers().firstValue("Retry-After").isPresent());
            assertEquals("2", third.headers().firstValue("X-RateLimit-Limit").orElseThrow(), "how clients tell it apart");
            assertEquals(4, sim.server(alpha).allocations().size());
            assertEquals(200, http.get(SimHttp.allocations(alpha)).status(), "reading is not throttled");
            assertEquals(200, http.post(SimHttp.allocations(sim.serverId("Beta")), "{}").status(), "per server");
        }
    }

    @Test
    void otherFlavorsDoNotThrottleCreationsUnlessAsked() {
        DemoWorld world = AllocationRulesTest.world(java.util.List.of(30001, 30002, 30003, 30004, 30005));
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(Flavor.PTERODACTYL)
                .withWorld(world).withDemoListeners(false))) {
            sim.setAutoAllocationEnabled(true);
            SimHttp http = new SimHttp(sim, sim.clientKey());
            String alpha = sim.serverId("Alpha");
            sim.setAllocationLimit(alpha, 10);
            for (int i = 0; i < 4; i++) {
                assertEquals(200, http.post(SimHttp.allocations(alpha), "{}").status());
            }
        }
    }
}
