package dev.portdeck.shared.client;

import static dev.portdeck.shared.client.Fixtures.error;
import static dev.portdeck.shared.client.Fixtures.json;
import static dev.portdeck.shared.client.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.error.RateLimited;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A panel that answers with lies, tricks or floods gets one sentence back, never a wrong model or a hang. */
class HostilePanelTest {

    @AutoClose
    PanelStandIn panel;

    @BeforeEach
    void start() throws Exception {
        panel = new PanelStandIn();
    }

    private static String allocations(String attributes) {
        return "{\"object\":\"list\",\"data\":[{\"object\":\"allocation\",\"attributes\":" + attributes + "}]}";
    }

    private NotTheApi notTheApi(String attributes) {
        panel.enqueue(ok(allocations(attributes)));
        try (PanelClient c = panel.client()) {
            return assertThrows(NotTheApi.class, () -> c.allocations("d3aac109"));
        }
    }

    @Test
    void anIpThatIsNotAnAddressIsNotTheApi() {
        NotTheApi e = notTheApi("""
                {"id":99,"ip":"127.0.0.1\\r\\u001b[2KRemove unused allocation 99","ip_alias":null,"port":80,
                 "notes":null,"is_default":true}""");
        assertTrue(e.getMessage().contains("is not an IP address"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00.0.0.0", "::0", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0", "[::]"})
    void everySpellingOfEveryAddressIsReadAndProbedAtTheAlias(String ip) {
        panel.enqueue(ok(allocations("{\"id\":1,\"ip\":\"" + ip + "\",\"ip_alias\":\"game.example.com\",\"port\":25565,"
                + "\"notes\":null,\"is_default\":true}")));
        try (PanelClient c = panel.client()) {
            Allocation a = c.allocations("d3aac109").get(0);
            assertTrue(a.bindsEveryAddress(), ip);
            assertEquals("game.example.com", a.probeHost());
        }
    }

    @Test
    void numbersBeyondTheirRangeAreNotTheApiInsteadOfWrapping() {
        assertTrue(notTheApi("""
                {"id":18446744073709551631,"ip":"127.0.0.1","ip_alias":null,"port":80,"notes":null,"is_default":false}""")
                .getMessage().contains("\"id\""));
        assertTrue(notTheApi("""
                {"id":15,"ip":"127.0.0.1","ip_alias":null,"port":4294967376,"notes":null,"is_default":false}""")
                .getMessage().contains("port"));
    }

    @Test
    void fieldsOfTheWrongTypeAreNotTheApiInsteadOfBlank() {
        assertTrue(notTheApi("""
                {"id":15,"ip":"127.0.0.1","ip_alias":null,"port":80,"notes":{"text":"x"},"is_default":false}""")
                .getMessage().contains("\"notes\""));
        assertTrue(notTheApi("""
                {"id":15,"ip":"127.0.0.1","ip_alias":null,"port":80,"notes":null,"is_default":"yes"}""")
                .getMessage().contains("\"is_default\""));
        assertTrue(notTheApi("""
                {"id":15,"ip":"127.0.0.1","ip_alias":[1],"port":80,"notes":null,"is_default":false}""")
                .getMessage().contains("\"ip_alias\""));
    }

    @Test
    void aServerIdentifierThatCouldTravelInAUrlPathIsNotTheApi() {
        panel.enqueue(ok(Fixtures.server("../../x", "Survival", 3, null, "*")));
        try (PanelClient c = panel.client()) {
            NotTheApi e = assertThrows(NotTheApi.class, () -> c.server("d3aac109"));
            assertTrue(e.getMessage().contains("is not a short id"), e.getMessage());
        }
    }

    @Test
    void transfersAndNodeMaintenanceAreRead() {
        panel.enqueue(ok(Fixtures.server("d3aac109", "Survival", 3, null, "*")
                .replace("\"is_transferring\":false", "\"is_transferring\":true,\"is_node_under_maintenance\":true")));
        try (PanelClient c = panel.client()) {
            var s = c.server("d3aac109");
            assertTrue(s.transferring());
            assertTrue(s.nodeUnderMaintenance());
            assertNull(s.status());
            assertEquals("node under maintenance", s.blockedBy());
        }
    }

    @Test
    void aHugeBodyIsTooLargeNotBrokenJson() {
        Buffer big = new Buffer();
        big.writeUtf8("{\"object\":\"list\",\"data\":[");
        String item = Fixtures.allocation(1, 25565, "x".repeat(200), false) + ",";
        while (big.size() < 20L * 1024 * 1024) {
            big.writeUtf8(item);
        }
        panel.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setChunkedBody(big, 1 << 20));
        try (PanelClient c = panel.client()) {
            NotTheApi e = assertThrows(NotTheApi.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
        }
    }

    @Test
    void aPanelTricklingItsAnswerIsCutOffByTheReadTimeoutAndNotAskedAgain() {
        panel.enqueue(ok(Fixtures.ALLOCATIONS).throttleBody(1, 200, TimeUnit.MILLISECONDS));
        panel.enqueue(ok(Fixtures.ALLOCATIONS));
        long start = System.nanoTime();
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(1))) {
            Unreachable e = assertThrows(Unreachable.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("did not answer within 1 s (--read-timeout)"), e.getMessage());
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 15, "a trickled body of ~700 bytes at 5 a second would take minutes; took " + seconds + " s");
        assertEquals(1, panel.getRequestCount(), "a GET that used up its whole time is not tried again");
    }

    @Test
    void theRateLimitHeadersOfEveryAnswerAreKeptForPollers() {
        panel.enqueue(ok(Fixtures.ALLOCATIONS).setHeader("X-RateLimit-Limit", "720").setHeader("X-RateLimit-Remaining", "700"));
        panel.enqueue(ok(Fixtures.ALLOCATIONS).setHeader("X-RateLimit-Limit", "720").setHeader("X-RateLimit-Remaining", "18"));
        try (PanelClient c = panel.client()) {
            assertTrue(c.rateLimit().latest().isEmpty());
            c.allocations("d3aac109");
            assertEquals(700, c.rateLimit().latest().orElseThrow().remaining());
            assertEquals(Duration.ofSeconds(2), c.rateLimit().pace(Duration.ofSeconds(2)), "plenty left: no change");
            c.allocations("d3aac109");
            assertEquals(18, c.rateLimit().latest().orElseThrow().remaining());
            assertEquals(Duration.ofSeconds(20), c.rateLimit().pace(Duration.ofSeconds(2)), "2.5% left: ten times slower");
        }
    }

    @Test
    void pelicansCreationLimitIsToldApartFromThePerUserApiLimit() {
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts."))
                .setHeader("Retry-After", "55").setHeader("X-RateLimit-Limit", "2").setHeader("X-RateLimit-Remaining", "0"));
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts."))
                .setHeader("Retry-After", "55").setHeader("X-RateLimit-Limit", "256").setHeader("X-RateLimit-Remaining", "0"));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            RateLimited creation = assertThrows(RateLimited.class, () -> c.assign("d3aac109", AssignRequest.auto()));
            assertTrue(creation.getMessage().contains("allows only 2 new allocations per minute per server"),
                    creation.getMessage());
            assertFalse(creation.getMessage().contains("APP_API_CLIENT_RATELIMIT"), "no setting raises that limit");
            RateLimited api = assertThrows(RateLimited.class, () -> c.allocations("d3aac109"));
            assertTrue(api.getMessage().contains("256 requests a minute per panel user"), api.getMessage());
            assertTrue(api.getMessage().contains("raise APP_API_CLIENT_RATELIMIT"), api.getMessage());
        }
    }

    @Test
    void anIpAllowListRefusalSaysSoInsteadOfBlamingAPermission() {
        panel.enqueue(json(403, error("AccessDeniedHttpException", 403,
                "This IP address (203.0.113.9) does not have permission to access the API using these credentials.")));
        try (PanelClient c = panel.client()) {
            Forbidden e = assertThrows(Forbidden.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("from this machine's address"), e.getMessage());
            assertNull(e.permission());
        }
    }

    @Test
    void twoFactorAuthenticationRequiredIsAnAuthenticationProblem() {
        panel.enqueue(json(400, error("TwoFactorAuthRequiredException", 400,
                "Two-factor authentication is required on this account in order to access this endpoint.")));
        try (PanelClient c = panel.client()) {
            Unauthorized e = assertThrows(Unauthorized.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("requires two-factor authentication"), e.getMessage());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void aDaemonConnectionFailureBlamesTheNodeNotThePanel() {
        panel.enqueue(json(504, error("DaemonConnectionException", 504,
                "Could not establish a connection to the machine running this server. Please try again.")));
        try (PanelClient c = panel.client()) {
            Unreachable e = assertThrows(Unreachable.class, () -> c.resources("d3aac109"));
            assertTrue(e.getMessage().contains("cannot reach the node (Wings) that runs server d3aac109"), e.getMessage());
        }
    }

    @Test
    void notFoundSaysWhichKindOfMissing() {
        panel.enqueue(json(404, error("NotFoundHttpException", 404, "The requested resource could not be found on the server.")));
        panel.enqueue(json(404, error("NotFoundHttpException", 404, "The requested resource does not exist on this server.")));
        try (PanelClient c = panel.client()) {
            NotFound allocation = assertThrows(NotFound.class, () -> c.setPrimary("d3aac109", 99));
            assertTrue(allocation.getMessage().endsWith("it does not exist or belongs to another server"),
                    allocation.getMessage());
            NotFound server = assertThrows(NotFound.class, () -> c.server("d3aac109"));
            assertTrue(server.getMessage().endsWith("or this API key's user may not open it"), server.getMessage());
        }
    }

    @Test
    void autoAllocationSwitchedOffSaysWhatToAskTheAdminFor() {
        panel.enqueue(json(400, error("AutoAllocationNotEnabledException", 400,
                "Server auto-allocation is not enabled for this instance.")));
        try (PanelClient c = panel.client()) {
            Refused e = assertThrows(Refused.class, () -> c.assign("d3aac109", AssignRequest.auto()));
            assertEquals(RefusalReason.AUTO_ALLOCATION_DISABLED, e.reason());
            assertTrue(e.getMessage().startsWith("Server auto-allocation is not enabled for this instance: "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("PTERODACTYL_CLIENT_ALLOCATIONS_ENABLED=true"), e.getMessage());
            assertTrue(e.getMessage().contains("port range"), e.getMessage());
        }
    }

    @Test
    void aKeyWithALineBreakOrNonAsciiIsRefusedWithoutRepeatingIt() {
        for (String bad : new String[] {"ptlc_abc\nXdef", "ptlc_abcé", "ptlc_ab c"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> ApiKey.of(bad));
            assertEquals("key", e.field());
            assertFalse(e.getMessage().contains("ptlc_ab"), e.getMessage());
        }
        assertEquals(ApiKey.of("ptlc_abc"), ApiKey.of("  ptlc_abc\n"), "a pasted trailing newline is fine");
    }
}
