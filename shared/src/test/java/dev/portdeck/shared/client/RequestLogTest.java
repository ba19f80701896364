package dev.portdeck.shared.client;

import static dev.portdeck.shared.client.Fixtures.KEY;
import static dev.portdeck.shared.client.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void eachRequestIsLoggedWithMethodPathStatusAndTimeButNeverTheKey() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("portdeck.client");
        Level before = log.getLevel();
        log.setLevel(Level.FINE);
        log.addHandler(capture);
        try (MockWebServer panel = new MockWebServer()) {
            panel.enqueue(ok(Fixtures.ALLOCATIONS));
            URI url = URI.create(panel.url("/").toString());
            try (PanelClient c = new PanelClient(new PanelConfig(url, ApiKey.of(KEY), Duration.ofSeconds(2),
                    Duration.ofSeconds(2), false))) {
                c.allocations("d3aac109");
            }
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("GET /api/client/servers/d3aac109/network/allocations 200 \\d+ ms")),
                lines.toString());
        assertFalse(String.join("\n", lines).contains(KEY));
        assertFalse(String.join("\n", lines).contains("Bearer"));
    }
}
