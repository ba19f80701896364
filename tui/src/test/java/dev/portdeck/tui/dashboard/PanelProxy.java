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
import java.util.concurrent.atomic.AtomicInteger;
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

    private record Rule(String method, Pattern path, Duration before, Duration after, boolean hang, int status) {
        boolean matches(RecordedRequest r) {
            return r.getMethod().equals(method) && path.matcher(r.getPath()).find();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient forward = new OkHttpClient.Builder().readTimeout(30, TimeUnit.SECONDS).build();
    private final URI target;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean withoutAllocations;
    private volatile boolean closed;
    private volatile Duration resourcesCache = Duration.ZERO;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(int status, String body, long atNanos) {
    }

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
        rules.add(new Rule(method, Pattern.compile(path), before, Duration.ZERO, false, 0));
        return this;
    }

    /** They go through at once (the panel acts), but the answer comes `after` later. */
    PanelProxy answerLate(String method, String path, Duration after) {
        rules.add(new Rule(method, Pattern.compile(path), Duration.ZERO, after, false, 0));
        return this;
    }

    /** They are never answered (the connection stays open). */
    PanelProxy hang(String method, String path) {
        rules.add(new Rule(method, Pattern.compile(path), Duration.ZERO, Duration.ZERO, true, 0));
        return this;
    }

    /** They get the proxy's own error page with `status` (e.g. 502) and never reach the panel. */
    PanelProxy fail(String method, String path, int status) {
        rules.add(new Rule(method, Pattern.compile(path), Duration.ZERO, Duration.ZERO, false, status));
        return this;
    }

    /** The server list and each server come without relationships.allocations, as some panels send them. */
    PanelProxy withoutAllocations() {
        withoutAllocations = true;
        return this;
    }

    /** `/resources` answers are kept for `ttl`, as the panels cache them (about 20 s): a stop shows late. */
    PanelProxy cacheResources(Duration ttl) {
        resourcesCache = ttl;
        return this;
    }

    void clear() {
        rules.clear();
    }

    /** How many requests for exactly `path` (e.g. `/api/client/servers/1a7ce997/resources`) came in so far. */
    int requests(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    private MockResponse handle(RecordedRequest request) throws InterruptedException {
        counts.computeIfAbsent(request.getPath(), p -> new AtomicInteger()).incrementAndGet();
        Rule rule = rules.stream().filter(r -> r.matches(request)).findFirst().orElse(null);
        if (rule != null && rule.hang()) {
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if (rule != null && rule.status() > 0) {
            return new MockResponse().setResponseCode(rule.status()).setHeader("Content-Type", "text/html")
                    .setBody("<html><body><h1>" + rule.status() + " Bad Gateway</h1>nginx</body></html>");
        }
        if (rule != null) {
            long end = System.nanoTime() + rule.before().toNanos();
            while (!closed && System.nanoTime() < end) {
                Thread.sleep(10); // a closing proxy does not keep its callers waiting
            }
        }
        MockResponse answer = request.getPath().endsWith("/resources") && !resourcesCache.isZero()
                ? cached(request) : forwarded(request);
        if (rule != null && !rule.after().isZero()) {
            answer.setHeadersDelay(rule.after().toMillis(), TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private MockResponse cached(RecordedRequest request) {
        Cached c = cache.get(request.getPath());
        if (c == null || System.nanoTime() - c.atNanos() > resourcesCache.toNanos()) {
            MockResponse fresh = forwarded(request);
            String body = fresh.getBody() == null ? "" : fresh.getBody().readUtf8();
            c = new Cached(Integer.parseInt(fresh.getStatus().split(" ")[1]), body, System.nanoTime());
            cache.put(request.getPath(), c);
        }
        return new MockResponse().setResponseCode(c.status()).setHeader("Content-Type", "application/json")
                .setBody(c.body());
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
            if (withoutAllocations && request.getPath().matches("/api/client(/servers/[^/?]+)?(\\?.*)?")) {
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

    private static String withoutAllocations(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root.path("attributes").isObject()) {
            ((ObjectNode) root.path("attributes")).remove("relationships");
        }
        for (JsonNode server : root.path("data")) {
            ((ObjectNode) server.path("attributes")).remove("relationships");
        }
        return JSON.writeValueAsString(root);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.shutdown();
        forward.dispatcher().executorService().shutdown();
        forward.connectionPool().evictAll();
    }
}
