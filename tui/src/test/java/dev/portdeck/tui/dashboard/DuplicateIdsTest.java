package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import java.net.InetAddress;
import java.net.URI;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A panel that repeats an allocation id cannot trap the selection on the first of them. */
class DuplicateIdsTest {

    private static String allocation(int port, String notes) {
        return "{\"object\":\"allocation\",\"attributes\":{\"id\":7,\"ip\":\"127.0.0.1\",\"ip_alias\":null,\"port\":"
                + port + ",\"notes\":\"" + notes + "\",\"is_default\":" + (port == 30001) + "}}";
    }

    private static String server() {
        return "{\"object\":\"server\",\"attributes\":{\"identifier\":\"dup00001\",\"uuid\":"
                + "\"dup00001-0000-0000-0000-000000000000\",\"name\":\"Twins\",\"node\":\"n-1\",\"status\":null,"
                + "\"is_suspended\":false,\"feature_limits\":{\"allocations\":5},\"relationships\":{\"allocations\":"
                + "{\"object\":\"list\",\"data\":[" + allocation(30001, "first") + "," + allocation(30002, "second")
                + "," + allocation(30003, "third") + "]}}}}";
    }

    @Test
    void jMovesPastRowsThatShareAnId() throws Exception {
        try (MockWebServer panel = new MockWebServer()) {
            panel.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String body = r.getPath().startsWith("/api/client/servers/dup00001/resources")
                            ? "{\"object\":\"stats\",\"attributes\":{\"current_state\":\"running\",\"is_suspended\":false,"
                                    + "\"resources\":{}}}"
                            : r.getPath().startsWith("/api/client/servers/dup00001") ? server()
                            : "{\"object\":\"list\",\"data\":[" + server() + "],\"meta\":{\"pagination\":{\"total\":1,"
                                    + "\"count\":1,\"per_page\":50,\"current_page\":1,\"total_pages\":1,\"links\":{}}}}";
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
                }
            });
            panel.start(InetAddress.getLoopbackAddress(), 0);
            URI url = URI.create("http://127.0.0.1:" + panel.getPort());
            try (DeckHarness h = DeckHarness.on(new PanelClient(PanelConfig.of(url, ApiKey.of("ptlc_" + "d".repeat(43)))),
                    new TerminalSize(120, 30))) {
                h.open("Twins");
                h.await("127.0.0.1:30003");
                h.press('j');
                h.await("#7 127.0.0.1:30002");
                h.press('j');
                assertTrue(h.await("#7 127.0.0.1:30003").contains("third"), "the third of three rows with id 7");
                h.press('k', 'k');
                h.await("#7 127.0.0.1:30001");
            }
        }
    }
}
