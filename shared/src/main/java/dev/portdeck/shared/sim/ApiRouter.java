package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** HTTP in and out: faults, routing, the API key, the per-key rate limit, and writing JSON or the error envelope. */
final class ApiRouter implements HttpHandler {

    private static final Logger LOG = Logger.getLogger("portdeck.sim.http");
    private static final String PREFIX = "/api/client";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final ClientApi api;
    private final Flavor flavor;
    private final Map<String, SimKey> keys;
    private final Throttle perKey;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile String baseUrl = "";

    ApiRouter(ClientApi api, Flavor flavor, Map<String, SimKey> keys, RateLimit rateLimit) {
        this.api = api;
        this.flavor = flavor;
        this.keys = keys;
        this.perKey = new Throttle(rateLimit);
    }

    void baseUrl(String url) {
        baseUrl = url;
    }

    void inject(Fault fault) {
        faults.add(fault);
    }

    long requestCount() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            byte[] body = readBody(exchange.getRequestBody());
            Fault fault = faults.poll();
            if (fault != null) {
                FaultPages.write(exchange, fault);
                return;
            }
            try {
                answer(exchange, serve(exchange, body));
            } catch (ApiError e) {
                exchange.getResponseHeaders().putAll(asHeaders(e.headers));
                writeJson(exchange, e.status, JsonShapes.error(e));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "simulator failed on " + exchange.getRequestURI().getPath(), e);
                writeJson(exchange, 500, JsonShapes.error(new ApiError(500, "HttpException", "An unexpected error was encountered while processing this request, please try again.")));
            }
        }
    }

    private ClientApi.Reply serve(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            throw ApiError.notFound();
        }
        ClientApi.Request request = new ClientApi.Request(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                segments(path.substring(PREFIX.length())), query(exchange.getRequestURI().getRawQuery()),
                JsonShapes.parse(body), baseUrl);
        ClientApi.Endpoint endpoint = api.route(request);
        SimKey key = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!perKey.isOff()) {
            Throttle.Verdict v = perKey.hit(key.key().reveal(), System.nanoTime());
            if (!v.allowed()) {
                throw perKey.refusal(v);
            }
            exchange.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(v.limit()));
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", Integer.toString(v.remaining()));
        }
        return endpoint.serve(key);
    }

    private SimKey authenticate(String authorization) {
        String secret = authorization == null ? "" : authorization.strip();
        if (secret.regionMatches(true, 0, "Bearer ", 0, 7)) {
            secret = secret.substring(7).strip();
        } else {
            secret = "";
        }
        SimKey key = keys.get(secret);
        if (key == null) {
            throw flavor == Flavor.DOCUMENTED
                    ? new ApiError(401, "InvalidCredentialsException", "The API key provided is not valid.")
                    : new ApiError(401, "AuthenticationException", "Unauthenticated.");
        }
        if (key.application()) {
            throw new ApiError(403, "AccessDeniedHttpException",
                    "You are attempting to use an application API key on an endpoint that requires a client API key.");
        }
        return key;
    }

    private static List<String> segments(String rest) {
        List<String> out = new ArrayList<>();
        for (String s : rest.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES);
        in.transferTo(OutputStream.nullOutputStream()); // drain the rest so the connection stays usable
        return body;
    }

    private static void answer(HttpExchange exchange, ClientApi.Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        writeJson(exchange, reply.status(), reply.body());
    }

    private static void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JsonShapes.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, List<String>> asHeaders(Map<String, String> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }
}
