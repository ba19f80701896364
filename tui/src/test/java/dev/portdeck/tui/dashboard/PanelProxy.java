package dev.portdeck.tui.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portdeck.shared.sim.PanelSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * The simulator behind a slow or broken path, as real panels sit behind proxies: a MockWebServer on a free loopback
 * port that forwards every request to the simulator, except where a rule says to wait first, to answer late (the
 * change is made, the answer comes after the client gave up), or never to answer.
 */
final class PanelProxy implements AutoCloseable {

    private record Rule(String method, Pattern path, Duration before, Duration after, boolean hang) {
        boolean matches(RecordedRequest r) {
            return r.getMethod().equals(method) && path.matcher(r.getPath()).find();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient forward = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final URI target;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean listWithoutAllocations;

    private PanelProxy(URI target) {
        this.target = target;
    }

    static PanelProxy before(PanelSimulator sim) throws IOException {
        PanelProxy proxy = new PanelProxy(sim.url());
        proxy.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return proxy.handle(request);
            }
        });
        proxy.server.start(InetAddress.getLoopbackAddress(), 0);
        return proxy;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** Requests matching `method` and `path` (a regex) wait `before`, then go through. */
    PanelProxy delay(String method, String path, Duration before) {
        rules.add(new Rule(method, Pattern.compile(path), before, Duration.ZERO, false));
        return this;
    }

    /** They go through at once (the panel acts), but the answer comes `after` later. */
    PanelProxy answerLate(String method, String path, Duration after) {
        rules.add(new Rule(method, Pattern.compile(path), Duration.ZERO, after, false));
        return this;
    }

    /** They are never answered (the connection stays open). */
    PanelProxy hang(String method, String path) {
        rules.add(new Rule(method, Pattern.compile(path), Duration.ZERO, Duration.ZERO, true));
        return this;
    }

    /** The server list comes without relationships.allocations, as some panels send it. */
    PanelProxy listWithoutAllocations() {
        listWithoutAllocations = true;
        return this;
    }

    void clear() {
        rules.clear();
    }

    private MockResponse handle(RecordedRequest request) throws InterruptedException {
        Rule rule = rules.stream().filter(r -> r.matches(request)).findFirst().orElse(null);
        if (rule != null && rule.hang()) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if (rule != null) {
            Thread.sleep(rule.before().toMillis());
        }
        MockResponse answer = forwarded(request);
        if (rule != null && !rule.after().isZero()) {
            answer.setHeadersDelay(rule.after().toMillis(), TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private MockResponse forwarded(RecordedRequest request) {
        byte[] body = request.getBody().readByteArray();
        String type = request.getHeader("Content-Type");
        RequestBody out = body.length == 0 && !List.of("POST", "PUT", "PATCH").contains(request.getMethod()) ? null
                : RequestBody.create(body, type == null ? null : MediaType.parse(type));
        Request.Builder b = new Request.Builder().url(target + request.getPath()).method(request.getMethod(), out);
        for (String h : List.of("Authorization", "Accept")) {
            if (request.getHeader(h) != null) {
                b.header(h, request.getHeader(h));
            }
        }
        try (Response r = forward.newCall(b.build()).execute()) {
            String text = r.body() == null ? "" : r.body().string();
            if (listWithoutAllocations && request.getPath().matches("/api/client(\\?.*)?")) {
                text = withoutAllocations(text);
            }
            MockResponse m = new MockResponse().setResponseCode(r.code()).setBody(text);
            r.headers().names().stream().filter(n -> !n.equalsIgnoreCase("Content-Length")
                    && !n.equalsIgnoreCase("Transfer-Encoding")).forEach(n -> m.setHeader(n, r.header(n)));
            return m;
        } catch (IOException e) {
            return new MockResponse().setResponseCode(502).setBody("proxy: " + e.getMessage());
        }
    }

    private static String withoutAllocations(String list) throws IOException {
        JsonNode root = JSON.readTree(list);
        for (JsonNode server : root.path("data")) {
            ((ObjectNode) server.path("attributes")).remove("relationships");
        }
        return JSON.writeValueAsString(root);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        forward.dispatcher().executorService().shutdown();
        forward.connectionPool().evictAll();
    }
}
