package dev.portdeck.tui.cli.probing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.tui.cli.Cli;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `portdeck probe --server/--all`: targets from a panel (MockWebServer) whose allocations sit on loopback. */
class ProbePanelTargetsTest {

    @TempDir
    Path home;

    private final MockWebServer panel = new MockWebServer();
    private ServerSocket listening;
    private int open;
    private int closed;

    @BeforeEach
    void start() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        open = listening.getLocalPort();
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = gone.getLocalPort();
        }
        panel.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request.getPath());
            }
        });
        panel.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        panel.shutdown();
        listening.close();
    }

    private MockResponse answer(String path) {
        if (path.startsWith("/api/client/servers/3c9ea119")) {
            String wildcard = "{\"object\":\"allocation\",\"attributes\":{\"id\":%d,\"ip\":\"0.0.0.0\",\"ip_alias\":%s,"
                    + "\"port\":%d,\"notes\":null,\"is_default\":%s}}";
            String allocations = wildcard.formatted(31, "\"localhost\"", open, true) + ","
                    + wildcard.formatted(32, "null", closed, false);
            return json(200, "{\"object\":\"server\",\"attributes\":{\"identifier\":\"3c9ea119\",\"uuid\":"
                    + "\"3c9ea119-0000-4000-8000-000000000000\",\"name\":\"wild\",\"node\":\"Node 1\",\"status\":null,"
                    + "\"is_suspended\":false,\"feature_limits\":{\"databases\":0,\"allocations\":4,\"backups\":0},"
                    + "\"relationships\":{\"allocations\":{\"object\":\"list\",\"data\":[" + allocations + "]}}},"
                    + "\"meta\":{\"is_server_owner\":true,\"user_permissions\":[\"*\"]}}");
        }
        if (path.startsWith("/api/client/servers/1a7ce997/network/allocations")) {
            return json(200, "{\"object\":\"list\",\"data\":[" + allocation(1, open, true) + ","
                    + allocation(2, closed, false) + "]}");
        }
        if (path.startsWith("/api/client/servers/1a7ce997")) {
            return json(200, "{\"object\":\"server\",\"attributes\":" + server("1a7ce997", "mc-survival", open, closed)
                    + ",\"meta\":{\"is_server_owner\":true,\"user_permissions\":[\"*\"]}}");
        }
        if (path.startsWith("/api/client/servers/")) {
            return json(404, "{\"errors\":[{\"code\":\"NotFoundHttpException\",\"status\":\"404\","
                    + "\"detail\":\"The requested resource could not be found on the server.\"}]}");
        }
        if (path.startsWith("/api/client?") || path.equals("/api/client")) {
            return json(200, "{\"object\":\"list\",\"data\":[{\"object\":\"server\",\"attributes\":"
                    + server("1a7ce997", "mc-survival", open, closed) + "},{\"object\":\"server\",\"attributes\":"
                    + server("2b8df008", "lobby", open, -1) + "}],\"meta\":{\"pagination\":{\"total\":2,\"count\":2,"
                    + "\"per_page\":100,\"current_page\":1,\"total_pages\":1,\"links\":{}}}}");
        }
        return json(404, "{}");
    }

    private static String allocation(long id, int port, boolean primary) {
        return "{\"object\":\"allocation\",\"attributes\":{\"id\":" + id + ",\"ip\":\"127.0.0.1\",\"ip_alias\":null,"
                + "\"port\":" + port + ",\"notes\":null,\"is_default\":" + primary + "}}";
    }

    private static String server(String id, String name, int primaryPort, int secondPort) {
        String allocations = allocation(id.equals("1a7ce997") ? 1 : 3, primaryPort, true)
                + (secondPort > 0 ? "," + allocation(2, secondPort, false) : "");
        return "{\"identifier\":\"" + id + "\",\"uuid\":\"" + id + "-0000-4000-8000-000000000000\",\"name\":\"" + name
                + "\",\"node\":\"Node 1\",\"status\":null,\"is_suspended\":false,"
                + "\"feature_limits\":{\"databases\":0,\"allocations\":4,\"backups\":0},"
                + "\"relationships\":{\"allocations\":{\"object\":\"list\",\"data\":[" + allocations + "]}}}";
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private Cli cli() {
        return new Cli(home).panel(panel.url("/").toString());
    }

    @Test
    void serverProbesEachOfItsAllocationsLabelledWithTheServer() {
        Cli.Run run = cli().run("probe", "--ascii", "--server", "1a7ce997");
        assertEquals(ExitCode.FAILURE, run.exit(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("\\s+TARGET\\s+LABEL\\s+ADDRESS\\s+STATE\\s+DETAIL"), run.toString());
        assertTrue(lines.get(1).matches("\\+\\s+127\\.0\\.0\\.1:" + open + "\\s+mc-survival #1 primary\\s+127\\.0\\.0\\.1\\s+open.*"),
                run.toString());
        assertTrue(lines.get(2).matches("x\\s+127\\.0\\.0\\.1:" + closed + "\\s+mc-survival #2\\s+127\\.0\\.0\\.1\\s+closed.*"),
                run.toString());
        assertFalse(run.out().contains(Cli.KEY) || run.err().contains(Cli.KEY));
    }

    @Test
    void allProbesEveryServersAllocationsAndJsonCarriesTheLabel() {
        Cli.Run run = cli().run("probe", "--all", "--json");
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.toString());
        assertTrue(lines.get(0).contains("\"state\":\"open\"") && lines.get(0).endsWith(",\"label\":\"mc-survival #1 primary\"}"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"state\":\"closed\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"label\":\"lobby #3 primary\""), lines.get(2));
    }

    @Test
    void anAllocationOnEveryAddressIsProbedAtItsAliasOrSkippedWithAReason() {
        Cli.Run run = cli().run("probe", "--json", "--server", "3c9ea119");
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.toString());
        assertTrue(lines.get(0).startsWith("{\"host\":\"localhost\",\"port\":" + open + ",\"address\":\"127.0.0.1\""),
                lines.get(0));
        assertTrue(run.err().contains("skipped 0.0.0.0:" + closed + " of wild: it binds every address and has no alias"),
                run.err());
        assertEquals(ExitCode.OK, run.exit(), "the one probed allocation is open");
    }

    @Test
    void anUnknownServerIsNotFoundInOneSentence() {
        Cli.Run run = cli().run("probe", "--server", "ffffffff");
        assertEquals(ExitCode.NOT_FOUND, run.exit(), run.toString());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void withoutAPanelConfiguredServerIsAUsageErrorThatSaysHowToConfigureOne() {
        Cli.Run run = new Cli(home).run("probe", "--server", "1a7ce997");
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("portdeck login"), run.err());
    }

    @Test
    void aBadOptionIsRefusedBeforeThePanelIsAsked() {
        Cli.Run run = cli().run("probe", "--all", "--count", "0");
        assertEquals(ExitCode.USAGE, run.exit(), run.toString());
        assertTrue(run.err().contains("--count must be at least 1"), run.err());
        assertEquals(0, panel.getRequestCount(), "nothing is sent for a usage error");
    }
}
