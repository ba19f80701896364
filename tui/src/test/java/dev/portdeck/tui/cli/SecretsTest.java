package dev.portdeck.tui.cli;

import static dev.portdeck.tui.cli.PanelFixtures.ALLOCATIONS;
import static dev.portdeck.tui.cli.PanelFixtures.allocation;
import static dev.portdeck.tui.cli.PanelFixtures.error;
import static dev.portdeck.tui.cli.PanelFixtures.json;
import static dev.portdeck.tui.cli.PanelFixtures.ok;
import static dev.portdeck.tui.cli.PanelFixtures.page;
import static dev.portdeck.tui.cli.PanelFixtures.server;
import static dev.portdeck.tui.cli.PanelFixtures.serverAttributes;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key must appear nowhere a person or a log collector could read it, whatever the command and outcome. */
class SecretsTest {

    @TempDir
    Path xdg;

    /** Answers every endpoint; `fail` turns every answer into an error envelope that might tempt an echo. */
    private static Dispatcher panel(boolean fail) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (fail) {
                    return json(403, error("InsufficientPermissionsException", 403, "This action is unauthorized."));
                }
                String path = r.getPath();
                if (path.startsWith("/api/client?")) {
                    return ok(page(1, 1, 1, serverAttributes("d3aac109", "Survival", "Node 1", 4, null, false)));
                }
                if (path.endsWith("/resources")) {
                    return ok("{\"object\":\"stats\",\"attributes\":{\"current_state\":\"offline\",\"resources\":{}}}");
                }
                if (r.getMethod().equals("DELETE")) {
                    return new MockResponse().setResponseCode(204);
                }
                if (path.endsWith("/network/allocations") && r.getMethod().equals("GET")) {
                    return ok(ALLOCATIONS);
                }
                if (path.contains("/network/allocations")) {
                    return ok(allocation(21, 25581, "n", false));
                }
                return ok(server("d3aac109", "Survival"));
            }
        };
    }

    private static final List<List<String>> COMMANDS = List.of(
            List.of("servers"), List.of("servers", "--json", "--state"),
            List.of("alloc", "list", "d3aac109"), List.of("alloc", "list", "Survival", "--json"),
            List.of("alloc", "add", "d3aac109", "--port", "25568", "--exact"), List.of("alloc", "add", "d3aac109"),
            List.of("alloc", "primary", "d3aac109", "16"), List.of("alloc", "notes", "d3aac109", "17", "hi"),
            List.of("alloc", "notes", "d3aac109", "17", "--clear"), List.of("alloc", "rm", "d3aac109", "17", "--yes"),
            List.of("login"), List.of("--help"), List.of("alloc", "add", "--help"));

    @Test
    void theKeyAppearsInNoOutputAndNoLogOfAnyCommand() throws Exception {
        List<String> logs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logs.add(r.getLoggerName() + " " + new java.util.logging.SimpleFormatter().format(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        List<String> seen = new ArrayList<>();
        try {
            for (boolean fail : new boolean[] {false, true}) {
                try (MockWebServer server = new MockWebServer()) {
                    server.setDispatcher(panel(fail));
                    server.start();
                    for (List<String> command : COMMANDS) {
                        for (boolean verbose : new boolean[] {false, true}) {
                            List<String> args = new ArrayList<>(command);
                            if (verbose) {
                                args.add("--verbose");
                            }
                            if (command.get(0).equals("login")) {
                                args.addAll(List.of("--panel", server.url("/").toString(), "--profile", "p" + seen.size()));
                            }
                            Cli cli = new Cli(xdg).panel(server.url("/").toString())
                                    .prompt(new ScriptedPrompt(false, Cli.KEY));
                            Cli.Run r = cli.run(args.toArray(String[]::new));
                            seen.add(args + "\n" + r);
                        }
                    }
                }
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        for (String run : seen) {
            assertFalse(run.contains(Cli.KEY), run);
            assertFalse(run.contains("Zq8sV3ry"), run);
        }
        for (String line : logs) {
            assertFalse(line.contains(Cli.KEY) || line.contains("Zq8sV3ry"), line);
        }
        assertFalse(logs.isEmpty(), "the verbose runs logged requests");
    }
}
