package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A queued fault answers exactly one request with what a broken proxy would send, then the API is back. */
class FaultInjectionTest {

    @Test
    void aBadGatewayPageAnswersOneRequestThenTheApiIsBack() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            SimHttp http = new SimHttp(sim, sim.clientKey());
            sim.injectFault(Fault.BAD_GATEWAY_HTML);
            SimHttp.Answer broken = http.get("/api/client");
            assertEquals(502, broken.status());
            assertTrue(broken.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(broken.text().contains("<title>502 Bad Gateway</title>"));
            assertEquals(200, http.get("/api/client").status());
        }
    }

    @Test
    void emptyAndTruncatedBodiesAreNotJson() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            SimHttp http = new SimHttp(sim, sim.clientKey());
            sim.injectFault(Fault.EMPTY_BODY);
            sim.injectFault(Fault.TRUNCATED_JSON);
            sim.injectFault(Fault.SERVICE_UNAVAILABLE_HTML);
            SimHttp.Answer empty = http.get("/api/client");
            assertEquals(200, empty.status());
            assertEquals("", empty.text());
            SimHttp.Answer truncated = http.get("/api/client");
            assertEquals(null, truncated.json());
            assertEquals(503, http.get("/api/client").status());
            assertEquals(3, sim.requestCount());
        }
    }
}
