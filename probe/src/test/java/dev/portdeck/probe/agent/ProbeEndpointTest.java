package dev.portdeck.probe.agent;

import static dev.portdeck.probe.agent.AgentHarness.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.sim.DemoWorld;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /probe keeps blackbox_exporter's multi-target contract: texts, status codes, content types, the timeout header. */
class ProbeEndpointTest {

    private static AgentHarness h;

    @BeforeAll
    static void start() {
        h = new AgentHarness(DemoWorld.builder().node("n", "127.0.0.2", null, java.util.List.of()).build());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aListeningTargetIsASuccessWithItsAddressFamily() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HttpResponse<String> r = h.get("/probe?target=127.0.0.1:" + listener.getLocalPort() + "&module=tcp");
            assertEquals(200, r.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
            String body = r.body().replace("\n" + "probe_success ", "\nprobe_success{} ")
                    .replace("\nprobe_ip_protocol ", "\nprobe_ip_protocol{} ");
            assertEquals(1.0, sample(body, "probe_success"), r.body());
            assertEquals(4.0, sample(body, "probe_ip_protocol"), r.body());
            assertTrue(r.body().contains("\nprobe_duration_seconds "), r.body());
            assertTrue(r.body().contains("\nprobe_ip_addr_hash "), r.body());
            assertTrue(r.body().contains("portdeck_probe_outcome{outcome=\"open\"} 1"), r.body());
            assertTrue(r.body().contains("\nportdeck_probe_connect_seconds "), r.body());
        }
    }

    @Test
    void aClosedPortOrAnUnreadableTargetIsA200WithProbeSuccessZero() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpResponse<String> refused = h.get("/probe?target=127.0.0.1:" + closed);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("\nprobe_success 0"), refused.body());
        assertTrue(refused.body().contains("portdeck_probe_outcome{outcome=\"closed\"} 1"), refused.body());
        for (String target : new String[] {"nonsense", "127.0.0.1", "127.0.0.1:0", "::1:80", "127.0.0.1:99999"}) {
            HttpResponse<String> r = h.get("/probe?target=" + java.net.URLEncoder.encode(target,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), target);
            assertTrue(r.body().contains("\nprobe_success 0"), target + ": " + r.body());
        }
    }

    @Test
    void anIpv6TargetInBracketsReportsProtocolSix() throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            try {
                listener.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            } catch (IOException noV6) {
                org.junit.jupiter.api.Assumptions.abort("this machine has no ::1: " + noV6.getMessage());
            }
            HttpResponse<String> r = h.get("/probe?target=%5B::1%5D:" + listener.getLocalPort());
            assertTrue(r.body().contains("\nprobe_success 1"), r.body());
            assertTrue(r.body().contains("\nprobe_ip_protocol 6"), r.body());
        }
    }

    @Test
    void anUnknownModuleIsRefusedWithBlackboxsText() {
        HttpResponse<String> r = h.get("/probe?target=127.0.0.1:1&module=x");
        assertEquals(400, r.statusCode());
        assertEquals("Unknown module \"x\"\n", r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        HttpResponse<String> quoted = h.get("/probe?target=127.0.0.1:1&module=a%22b%0Ac");
        assertEquals("Unknown module \"a\\\"b\\nc\"\n", quoted.body());
        assertEquals(400, h.get("/probe?target=127.0.0.1:1&module=TCP").statusCode(), "module names are exact");
    }

    @Test
    void aMissingTargetIsRefusedWithBlackboxsText() {
        for (String query : new String[] {"", "?module=tcp", "?target="}) {
            HttpResponse<String> r = h.get("/probe" + query);
            assertEquals(400, r.statusCode(), query);
            assertEquals("Target parameter is missing\n", r.body(), query);
        }
    }

    @Test
    void theScrapeTimeoutHeaderLimitsTheProbeAndABrokenOneIsA500() {
        ProbeEndpoint endpoint = new ProbeEndpoint(null, Duration.ofSeconds(2), io.prometheus.metrics.model.snapshots.Labels.EMPTY);
        assertEquals(Duration.ofMillis(500), endpoint.timeout("1"), "1 s minus blackbox's 0.5 s offset");
        assertEquals(Duration.ofSeconds(2), endpoint.timeout("10"), "capped by --timeout");
        assertEquals(Duration.ofSeconds(2), endpoint.timeout(null), "no header: the module's timeout");
        assertEquals(Duration.ofSeconds(2), endpoint.timeout("0.2"), "below the offset: the module's timeout");
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/probe?target=127.0.0.1:1"))
                .header("X-Prometheus-Scrape-Timeout-Seconds", "soon").build());
        assertEquals(500, r.statusCode());
        assertTrue(r.body().startsWith("Failed to parse timeout from Prometheus header: "), r.body());
    }

    @Test
    void aSilentTargetFailsWithinTheScrapeTimeoutMinusTheOffset() throws IOException {
        try (SilentPort silent = SilentPort.open()) {
            HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/probe?target=127.0.0.1:" + silent.port()))
                    .header("X-Prometheus-Scrape-Timeout-Seconds", "1.2").build());
            assertTrue(r.body().contains("portdeck_probe_outcome{outcome=\"filtered\"} 1"), r.body());
            String body = r.body().replace("\nprobe_duration_seconds ", "\nprobe_duration_seconds{} ");
            double took = sample(body, "probe_duration_seconds");
            assertTrue(took >= 0.65 && took < 1.2, "gave up after 1.2 - 0.5 s, not " + took + " s");
        }
    }

    @Test
    void openMetricsIsServedWhenAsked() {
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.uri("/probe?target=127.0.0.1:1"))
                .header("Accept", "application/openmetrics-text; version=1.0.0").build());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(r.body().endsWith("# EOF\n"), r.body());
    }

    @Test
    void debugShowsWhatHappenedAsText() {
        HttpResponse<String> r = h.get("/probe?target=127.0.0.1:1&debug=true");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("Probe of 127.0.0.1:1 with module tcp: closed"), r.body());
        assertTrue(r.body().contains("probe_success 0"), r.body());
    }

    @Test
    void otherPathsAndMethodsAreRefused() {
        assertEquals(404, h.get("/nothing").statusCode());
        HttpResponse<String> post = h.send(HttpRequest.newBuilder(h.uri("/probe?target=127.0.0.1:1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, post.statusCode());
        assertNull(sample(h.get("/").body(), "probe_success"));
        assertEquals(200, h.get("/-/healthy").statusCode());
    }
}
