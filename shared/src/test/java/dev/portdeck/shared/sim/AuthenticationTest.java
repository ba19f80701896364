package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.client.ApiKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 401 for a missing or unknown key, 403 for an application key, per flavor. */
class AuthenticationTest {

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void aMissingOrWrongKeyIs401(Flavor flavor) {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withDemoListeners(false))) {
            SimHttp.Answer none = new SimHttp(sim, null).get("/api/client");
            SimHttp.Answer wrong = new SimHttp(sim, ApiKey.of(flavor.clientKeyPrefix() + "not-a-real-key")).get("/api/client");
            for (SimHttp.Answer answer : new SimHttp.Answer[] {none, wrong}) {
                assertEquals(401, answer.status());
                assertEquals(flavor == Flavor.DOCUMENTED ? "InvalidCredentialsException" : "AuthenticationException",
                        answer.errorCode());
            }
            assertTrue(!wrong.text().contains("not-a-real-key"), "the key must not be echoed");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void anApplicationKeyGetsPterodactylsApplicationKeyMessage(Flavor flavor) {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withDemoListeners(false))) {
            assertEquals(ApiKey.Kind.APPLICATION, sim.applicationKey().kind());
            SimHttp.Answer answer = new SimHttp(sim, sim.applicationKey()).get("/api/client");
            assertEquals(403, answer.status());
            assertEquals("You are attempting to use an application API key on an endpoint that requires a client API key.",
                    answer.errorDetail());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void clientKeysCarryTheFlavorsPrefix(Flavor flavor) {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withDemoListeners(false))) {
            assertTrue(sim.clientKey().reveal().startsWith(flavor == Flavor.PELICAN ? "pacc_" : "ptlc_"));
            assertEquals(ApiKey.Kind.CLIENT, sim.readOnlyKey().kind());
            assertTrue(!sim.clientKey().toString().contains(sim.clientKey().reveal()));
        }
    }
}
