package dev.portdeck.shared.client;

import static dev.portdeck.shared.client.Fixtures.KEY;
import static dev.portdeck.shared.client.Fixtures.error;
import static dev.portdeck.shared.client.Fixtures.json;
import static dev.portdeck.shared.client.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.Forbidden;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RateLimited;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unauthorized;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.shared.model.AssignRequest;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal of the contract and of real panels, and every way an answer can fail to be the API. */
class PanelClientErrorsTest {

    @AutoClose
    PanelStandIn panel;

    @BeforeEach
    void start() throws Exception {
        panel = new PanelStandIn();
    }

    private <T extends Throwable> T fails(Class<T> type, Function<PanelClient, Object> action) {
        try (PanelClient c = panel.client()) {
            T e = assertThrows(type, () -> action.apply(c));
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            return e;
        }
    }

    /** Each documented and real-panel refusal keeps the panel's detail and gets its reason. */
    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "400|TooManyAllocationsException|This server has reached its allocation limit.|LIMIT_REACHED",
        "400|DisplayException|Cannot assign additional allocations to this server: limit has been reached.|LIMIT_REACHED",
        "409|AllocationNotAvailableException|The requested allocation is not available or already in use.|ALLOCATION_NOT_AVAILABLE",
        "503|NoAvailableAllocationsException|No available allocations found on this node.|NO_FREE_ALLOCATIONS",
        "400|NoAutoAllocationSpaceAvailableException|Cannot assign additional allocation: no more space available on node.|NO_FREE_ALLOCATIONS",
        "409|ServerStateConflictException|This server is currently in an unsupported state, please try again later.|SERVER_STATE_CONFLICT",
        "400|SomethingNewException|The panel has a new rule.|OTHER",
    })
    void assigningMapsEveryRefusal(int status, String code, String detail, RefusalReason reason) {
        panel.enqueue(json(status, error(code, status, detail)));
        Refused e = fails(Refused.class, c -> c.assign("d3aac109", AssignRequest.auto()));
        assertEquals(detail, e.getMessage());
        assertEquals(detail, e.detail());
        assertEquals(code, e.code());
        assertEquals(reason, e.reason());
        assertEquals(status, e.httpStatus());
    }

    @ParameterizedTest(name = "{1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "400|CannotDeletePrimaryAllocationException|Cannot remove the primary allocation. Set another allocation as primary first.|PRIMARY_UNDELETABLE",
        "400|DisplayException|You cannot delete the primary allocation for this server.|PRIMARY_UNDELETABLE",
        "400|DisplayException|You cannot delete allocations for this server: no allocation limit is set.|NO_ALLOCATION_LIMIT_SET",
        "400|ConflictingServerStateException|Server must be stopped to remove allocations.|SERVER_MUST_BE_STOPPED",
    })
    void deletingTheWrongAllocationShowsThePanelsReason(int status, String code, String detail, RefusalReason reason) {
        panel.enqueue(json(status, error(code, status, detail)));
        Refused e = fails(Refused.class, c -> {
            c.remove("d3aac109", 15);
            return null;
        });
        assertEquals(detail, e.getMessage());
        assertEquals(reason, e.reason());
    }

    @Test
    void changingThePrimaryOfARunningServerIsRefusedWithTheContractsSentence() {
        panel.enqueue(json(400, error("ConflictingServerStateException", 400,
                "Server must be stopped to change the primary allocation.")));
        Refused e = fails(Refused.class, c -> c.setPrimary("d3aac109", 16));
        assertEquals(RefusalReason.SERVER_MUST_BE_STOPPED, e.reason());
        assertEquals("Server must be stopped to change the primary allocation.", e.getMessage());
    }

    @Test
    void aValidationErrorNamesTheFieldFromMetaSourceField() {
        panel.enqueue(json(422, """
                {"errors":[{"code":"ValidationException","status":"422","detail":"The notes must not be greater than 256 characters.",
                 "meta":{"source_field":"notes","rule":"max"}}]}"""));
        Refused e = fails(Refused.class, c -> c.setNotes("d3aac109", 17, "short"));
        assertEquals(RefusalReason.VALIDATION, e.reason());
        assertEquals("notes", e.field());
        assertEquals("The notes must not be greater than 256 characters.", e.getMessage());
    }

    @Test
    void aRejectedKeyNamesThePanel() {
        panel.enqueue(json(401, error("InvalidCredentialsException", 401, "Unauthenticated.")));
        Unauthorized e = fails(Unauthorized.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().startsWith("the panel at " + panel.url + " rejected the API key"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"allocation.read", "allocation.create", "allocation.update", "allocation.delete"})
    void aMissingPermissionIsNamedFromTheEndpoint(String permission) {
        panel.enqueue(json(403, error("InsufficientPermissionsException", 403, "This action is unauthorized.")));
        Forbidden e = fails(Forbidden.class, c -> {
            switch (permission) {
                case "allocation.read" -> c.allocations("d3aac109");
                case "allocation.create" -> c.assign("d3aac109", AssignRequest.auto());
                case "allocation.update" -> c.setNotes("d3aac109", 17, "x");
                default -> c.remove("d3aac109", 17);
            }
            return null;
        });
        assertEquals(permission, e.permission());
        assertTrue(e.getMessage().contains("lacks the " + permission + " permission"), e.getMessage());
        assertTrue(e.getMessage().contains("This action is unauthorized."), e.getMessage());
    }

    @Test
    void anApplicationKeyGetsTheClientKeyHint() {
        panel.enqueue(json(403, error("AccessDeniedHttpException", 403,
                "You are attempting to use an application API key on an endpoint that requires a client API key.")));
        Forbidden e = fails(Forbidden.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().contains("client key (ptlc_/pacc_)"), e.getMessage());
    }

    @Test
    void notFoundSaysWhichServerOrAllocation() {
        String detail = "The requested resource does not exist on this server.";
        panel.enqueue(json(404, error("NotFoundHttpException", 404, detail)));
        NotFound server = fails(NotFound.class, c -> c.allocations("deadbeef"));
        assertEquals("server deadbeef", server.what());
        assertTrue(server.getMessage().startsWith("Server deadbeef was not found on " + panel.url), server.getMessage());

        panel.enqueue(json(404, error("NotFoundHttpException", 404, detail)));
        NotFound alloc = fails(NotFound.class, c -> c.setPrimary("d3aac109", 99));
        assertEquals("allocation 99 of server d3aac109", alloc.what());
    }

    @Test
    void aProxysHtml502IsNotTheApi() {
        panel.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                .setBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertEquals("the panel answered HTTP 502 with an HTML page, not the API", e.getMessage());
        assertEquals(502, e.httpStatus());
        assertEquals("text/html", e.contentType());
        assertTrue(e.snippet().contains("502 Bad Gateway"));
    }

    @Test
    void anEmptyBodyIsNotTheApi() {
        panel.enqueue(new MockResponse().setResponseCode(200));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().startsWith("the panel answered HTTP 200 with an empty body, not the API"),
                e.getMessage());
    }

    @Test
    void brokenJsonIsNotTheApi() {
        panel.enqueue(json(200, "{\"object\":\"list\",\"data\":[{\"object\":"));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().startsWith("the panel answered HTTP 200 with broken JSON, not the API"),
                e.getMessage());
    }

    @Test
    void jsonOfTheWrongShapeIsNotTheApi() {
        panel.enqueue(ok("{\"hello\":\"world\"}"));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().contains("JSON that is not the panel API"), e.getMessage());
    }

    @Test
    void anAllocationWithAnImpossiblePortOrNoIpIsNotTheApi() {
        panel.enqueue(ok("{\"object\":\"list\",\"data\":[" + Fixtures.allocation(15, 0, null, true) + "]}"));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().contains("port 0 is outside 1-65535"), e.getMessage());
        panel.enqueue(ok("{\"object\":\"list\",\"data\":[" + Fixtures.allocation(15, 70000, null, true) + "]}"));
        assertTrue(fails(NotTheApi.class, c -> c.allocations("d3aac109")).getMessage().contains("port 70000"));
        panel.enqueue(ok("{\"object\":\"list\",\"data\":["
                + Fixtures.allocation(15, 25565, null, true).replace("45.86.168.218", "") + "]}"));
        assertTrue(fails(NotTheApi.class, c -> c.allocations("d3aac109")).getMessage().contains("without an \"ip\""));
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        panel.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "https://panel.example.com/auth/login"));
        NotTheApi e = fails(NotTheApi.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().contains("redirect to https://panel.example.com/auth/login"), e.getMessage());
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aServerErrorWithAnEnvelopeIsUnreachableWithTheDetail() {
        panel.enqueue(json(500, error("HttpException", 500, "An unexpected error was encountered.")));
        Unreachable e = fails(Unreachable.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().contains("HTTP 500: An unexpected error was encountered."), e.getMessage());
    }

    @Test
    void rateLimitingIsWaitedOutThenRetried() {
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts.")).setHeader("Retry-After", "0"));
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts.")).setHeader("Retry-After", "0"));
        panel.enqueue(ok(Fixtures.allocation(18, 25568, null, false)));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertEquals(18, c.assign("d3aac109", AssignRequest.auto()).id());
        }
        assertEquals(3, panel.getRequestCount());
    }

    @Test
    void rateLimitingThatPersistsGivesUpAfterTheBoundedRetries() {
        for (int i = 0; i < 3; i++) {
            panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts."))
                    .setHeader("Retry-After", "0"));
        }
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            RateLimited e = assertThrows(RateLimited.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("kept limiting requests after 2 retries (HTTP 429)"), e.getMessage());
        }
        assertEquals(3, panel.getRequestCount());
    }

    @Test
    void aRetryAfterLongerThanTheBudgetFailsAtOnce() {
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts.")).setHeader("Retry-After", "60"));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            RateLimited e = assertThrows(RateLimited.class, () -> c.allocations("d3aac109"));
            assertEquals(Duration.ofSeconds(60), e.retryAfter());
            assertTrue(e.getMessage().contains("wait 60 s"), e.getMessage());
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void anAbsurdRetryAfterIsStillARateLimitInOneSentence() {
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts."))
                .setHeader("Retry-After", "9223372036854775807"));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            RateLimited e = assertThrows(RateLimited.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("wait more than 100 years"), e.getMessage());
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aLongRetryAfterSaysTheRealWait() {
        panel.enqueue(json(429, error("ThrottleRequestsException", 429, "Too Many Attempts."))
                .setHeader("Retry-After", "99999999"));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            RateLimited e = assertThrows(RateLimited.class, () -> c.allocations("d3aac109"));
            assertTrue(e.getMessage().contains("asks to wait 1158 days"), e.getMessage());
            assertEquals(Duration.ofSeconds(99999999), e.retryAfter());
        }
    }

    @Test
    void aGetIsRetriedAfterTheConnectionDropped() {
        panel.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        panel.enqueue(ok(Fixtures.ALLOCATIONS));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertEquals(3, c.allocations("d3aac109").size());
        }
        assertEquals(2, panel.getRequestCount());
    }

    @Test
    void aPostThatReachedThePanelIsNeverReplayed() {
        panel.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        panel.enqueue(ok(Fixtures.allocation(18, 25568, null, false)));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            Unreachable e = assertThrows(Unreachable.class, () -> c.assign("d3aac109", AssignRequest.auto()));
            assertTrue(e.getMessage().contains("may still have done it"), e.getMessage());
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aDeleteThatReachedThePanelIsNeverReplayed() {
        panel.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        panel.enqueue(new MockResponse().setResponseCode(204));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofSeconds(5))) {
            assertThrows(Unreachable.class, () -> c.remove("d3aac109", 18));
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aSlowPanelTimesOutNamingTheUrl() {
        panel.enqueue(ok(Fixtures.ALLOCATIONS).setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS));
        try (PanelClient c = panel.client(RetryPolicy.NONE, Duration.ofMillis(300))) {
            Unreachable e = assertThrows(Unreachable.class, () -> c.allocations("d3aac109"));
            assertEquals("the panel at " + panel.url + " did not answer within 0.3 s (--read-timeout)", e.getMessage());
        }
    }

    @Test
    void aPostWhoseAnswerTimesOutIsNotReplayedAndSaysItMayHaveHappened() {
        panel.enqueue(ok(Fixtures.allocation(18, 25568, null, false)).setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS));
        panel.enqueue(ok(Fixtures.allocation(19, 25569, null, false)));
        try (PanelClient c = panel.client(RetryPolicy.DEFAULT, Duration.ofMillis(300))) {
            Unreachable e = assertThrows(Unreachable.class, () -> c.assign("d3aac109", AssignRequest.auto()));
            assertEquals("the panel at " + panel.url + " did not answer within 0.3 s (--read-timeout) (the panel may still"
                    + " have done it: check before trying again)", e.getMessage());
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void aClosedPortIsUnreachableNamingTheUrl() throws Exception {
        panel.shutdown();
        Unreachable e = fails(Unreachable.class, c -> c.allocations("d3aac109"));
        assertTrue(e.getMessage().startsWith("cannot connect to the panel at " + panel.url), e.getMessage());
        assertEquals(0, e.httpStatus());
    }

    @Test
    void aConnectionThatIsNeverAcceptedTimesOutNamingTheUrl() throws Exception {
        // A listening socket whose accept queue is full drops further SYNs, so connect() waits: loopback only.
        try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.io.IOException queueFull) {
                        s.close();
                        break;
                    }
                }
                URI slow = URI.create("http://127.0.0.1:" + full.getLocalPort());
                try (PanelClient c = new PanelClient(new PanelConfig(slow, ApiKey.of(KEY), Duration.ofMillis(300),
                        Duration.ofSeconds(1), false), RetryPolicy.NONE)) {
                    Unreachable e = assertThrows(Unreachable.class, () -> c.allocations("d3aac109"));
                    assertEquals("the panel at " + slow + " did not accept a connection within 0.3 s (--connect-timeout)",
                            e.getMessage());
                }
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void invalidInputIsRefusedBeforeAnythingIsSent() {
        try (PanelClient c = panel.client()) {
            assertField("notes", () -> c.setNotes("d3aac109", 17, "x".repeat(256)));
            assertField("port", () -> c.assign("d3aac109", new AssignRequest(null, 0)));
            assertField("port", () -> c.assign("d3aac109", new AssignRequest(null, 65536)));
            assertField("ip", () -> c.assign("d3aac109", new AssignRequest("game.example.com", 25565)));
            assertField("ip", () -> c.assign("d3aac109", new AssignRequest("45.86.168.300", 25565)));
            assertField("allocation", () -> c.remove("d3aac109", 0));
            assertField("server", () -> c.allocations(" "));
        }
        assertEquals(0, panel.getRequestCount());
    }

    @Test
    void notesOfExactly255CharactersAreSent() {
        panel.enqueue(ok(Fixtures.allocation(17, 25567, "n", false)));
        try (PanelClient c = panel.client()) {
            c.setNotes("d3aac109", 17, "é".repeat(255));
        }
        assertEquals(1, panel.getRequestCount());
    }

    @Test
    void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
        PanelConfig remote = new PanelConfig(URI.create("http://panel.example.com"), ApiKey.of(KEY),
                Duration.ofSeconds(1), Duration.ofSeconds(1), false);
        InvalidInput e = assertThrows(InvalidInput.class, () -> new PanelClient(remote));
        assertTrue(e.getMessage().contains("--allow-insecure-http"));
    }

    @Test
    void anAmbiguousNameListsTheCandidatesShortIds() {
        panel.enqueue(ok(Fixtures.serverPage(1, 1, 3, "aaaaaaa1", "aaaaaaa2", "bbbbbbb3")));
        InvalidInput e = fails(InvalidInput.class, c -> c.resolve("srv-aaaa"));
        assertEquals("\"srv-aaaa\" matches 2 servers: aaaaaaa1 (srv-aaaaaaa1), aaaaaaa2 (srv-aaaaaaa2);"
                + " name one by its short id", e.getMessage());
    }

    @Test
    void anUnknownNameIsNotFound() {
        panel.enqueue(ok(Fixtures.serverPage(1, 1, 1, "aaaaaaa1")));
        NotFound e = fails(NotFound.class, c -> c.resolve("lobby"));
        assertTrue(e.getMessage().startsWith("no server called \"lobby\" among the 1 servers"), e.getMessage());
    }

    @Test
    void aShortIdThatIsNotFoundFallsBackToNamesThenReportsTheId() {
        panel.enqueue(json(404, error("NotFoundHttpException", 404, "The requested resource does not exist on this server.")));
        panel.enqueue(ok(Fixtures.serverPage(1, 1, 1, "aaaaaaa1")));
        NotFound e = fails(NotFound.class, c -> c.resolve("deadbeef"));
        assertEquals("server deadbeef", e.what());
        assertEquals(2, panel.getRequestCount());
    }

    private static void assertField(String field, Executable call) {
        InvalidInput e = assertThrows(InvalidInput.class, call);
        assertEquals(field, e.field());
    }

    @Test
    void anErrorStatusWithAnEmptyErrorListIsNotTheApi() {
        panel.enqueue(json(418, "{\"errors\":[]}"));
        PanelException e = fails(PanelException.class, c -> c.allocations("d3aac109"));
        assertInstanceOf(NotTheApi.class, e);
        assertTrue(e.getMessage().startsWith("the panel answered HTTP 418 with JSON that is not the panel API"),
                e.getMessage());
    }
}
