package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The http and https checks against MockWebServer (a real HTTP server), with a self-signed certificate for https. */
class HttpCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    @AutoClose
    private static final Prober prober = new Prober(16);

    private static Outcome probe(Check check, MockWebServer server) throws Exception {
        return prober.probe(new Target("127.0.0.1", server.getPort(), null, check), TIMEOUT)
                .get(15, TimeUnit.SECONDS).outcome();
    }

    @Test
    void headReportsTheStatusAndTheServerHeader() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(200).setHeader("Server", "nginx/1.25.3"));
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.HTTP, server));
            assertEquals(new Service("HTTP", "200 OK", "nginx/1.25.3", null, null, null), open.service());
            assertNotNull(open.appLatency(), "request to the end of the headers");
            var request = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("HEAD", request.getMethod());
            assertEquals("/", request.getPath());
            assertEquals("127.0.0.1:" + server.getPort(), request.getHeader("Host"));
        }
    }

    @Test
    void anIpv6TargetIsAskedWithABracketedHost() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getByName("::1"), 0);
            server.enqueue(new MockResponse().setResponseCode(200));
            Outcome outcome = prober.probe(new Target("::1", server.getPort(), null, Check.HTTP), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            assertInstanceOf(Outcome.Open.class, outcome);
            assertEquals("[::1]:" + server.getPort(), server.takeRequest(5, TimeUnit.SECONDS).getHeader("Host"));
        }
    }

    @Test
    void aRefusedHeadIsAskedAgainWithGet() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(405));
            server.enqueue(new MockResponse().setStatus("HTTP/1.1 302 Found").setHeader("Server", "Dynmap"));
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.HTTP, server));
            assertEquals("302 Found", open.service().name());
            assertEquals("Dynmap", open.service().version());
            assertEquals(List.of("HEAD", "GET"), List.of(server.takeRequest().getMethod(), server.takeRequest().getMethod()));
        }
    }

    @Test
    void aServerThatHangsAfterTheHeadersStillAnswersAtOnce() throws Exception {
        try (Fixtures.Tcp server = new Fixtures.Tcp((s, in, out) -> {
            in.readNBytes(4); // the request has come
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            Fixtures.hang(in);
        })) {
            long start = System.nanoTime();
            Outcome outcome = prober.probe(new Target("127.0.0.1", server.port(), null, Check.HTTP), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("200 OK", assertInstanceOf(Outcome.Open.class, outcome).service().name());
            assertTrue(millis < TIMEOUT.toMillis(), "the body is never waited for: " + millis + " ms");
        }
    }

    @Test
    void aServerThatNeverAnswersIsUnresponsive() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            Outcome.Unresponsive u = assertInstanceOf(Outcome.Unresponsive.class, probe(Check.HTTP, server));
            assertEquals("no HTTP reply in time", u.reason());
        }
    }

    @Test
    void httpsReportsTheSelfSignedCertificateAndItsDaysLeft(@TempDir Path dir) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(SelfSignedTls.context(dir).getSocketFactory(), false);
            server.enqueue(new MockResponse().setStatus("HTTP/1.1 204 No Content").setHeader("Server", "panel-web"));
            Outcome.Open open = assertInstanceOf(Outcome.Open.class, probe(Check.HTTPS, server));
            Service s = open.service();
            assertEquals("HTTPS", s.game());
            assertEquals("204 No Content", s.name());
            assertEquals("panel-web", s.version());
            Certificate c = s.certificate();
            assertEquals("CN=portdeck-test,O=portdeck", c.subject());
            assertTrue(c.selfSigned());
            long days = c.daysLeft(Instant.now());
            assertTrue(days == 29 || days == 30, "a 30-day certificate: " + days);
            assertEquals("HEAD", server.takeRequest(5, TimeUnit.SECONDS).getMethod());
        }
    }

    @Test
    void httpsAgainstPlainHttpIsAFailedHandshake() throws Exception {
        // what a plain web server does with a TLS ClientHello: a 400 and the end of the connection
        try (Fixtures.Tcp plain = new Fixtures.Tcp((s, in, out) -> {
            in.readNBytes(5);
            out.write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            Outcome outcome = prober.probe(new Target("127.0.0.1", plain.port(), null, Check.HTTPS), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            String reason = assertInstanceOf(Outcome.Unresponsive.class, outcome).reason();
            assertTrue(reason.startsWith("TLS handshake failed: "), reason);
        }
    }

    @Test
    void httpsWhoseServerNeverShakesHandsIsUnresponsive() throws Exception {
        try (Fixtures.Tcp hung = new Fixtures.Tcp((s, in, out) -> Fixtures.hang(in))) {
            Outcome outcome = prober.probe(new Target("127.0.0.1", hung.port(), null, Check.HTTPS), TIMEOUT)
                    .get(15, TimeUnit.SECONDS).outcome();
            assertEquals("no TLS handshake in time", assertInstanceOf(Outcome.Unresponsive.class, outcome).reason());
        }
    }
}
