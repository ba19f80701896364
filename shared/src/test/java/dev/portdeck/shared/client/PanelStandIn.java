package dev.portdeck.shared.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** A MockWebServer in the panel's place, at a URL as a user types it, and clients of it with the test key. */
final class PanelStandIn implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    final URI url;

    PanelStandIn() throws IOException {
        server.start();
        url = URI.create(server.url("/").toString().replaceAll("/$", ""));
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    int getRequestCount() {
        return server.getRequestCount();
    }

    /** A client with no retries and a 5 s read timeout. */
    PanelClient client() {
        return client(RetryPolicy.NONE, Duration.ofSeconds(5));
    }

    PanelClient client(RetryPolicy retry, Duration readTimeout) {
        return Fixtures.client(url, retry, readTimeout);
    }

    /** Stops answering: the port refuses connections from now on. */
    void shutdown() throws IOException {
        server.shutdown();
    }

    @Override
    public void close() throws IOException {
        shutdown();
    }
}
