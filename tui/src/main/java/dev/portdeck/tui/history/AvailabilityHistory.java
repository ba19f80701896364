package dev.portdeck.tui.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.probe.local.Diagnosis;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The allocations' history as Prometheus keeps it from portdeck agents: 24 h and 7 d availability, "down since", and
 * how many vantage points see each one up. Four instant queries over Prometheus' HTTP API, whatever the number of
 * allocations. Synchronous and thread-safe: call it from a worker thread, never from a UI thread.
 */
public final class AvailabilityHistory implements AutoCloseable {

    static final String DAY = "avg by (server, allocation) (avg_over_time(portdeck_allocation_up[24h]))";
    static final String WEEK = "avg by (server, allocation) (avg_over_time(portdeck_allocation_up[7d]))";
    /** Every agent's latest answer: one series per allocation and vantage point (agent). */
    static final String UP = "portdeck_allocation_up";
    /** Only portdeck_allocation_up names the server: the join adds it to the down allocations' change times. */
    static final String DOWN_SINCE = "min by (server, allocation) ((portdeck_allocation_last_change_timestamp_seconds"
            + " * on (instance, allocation) group_left (server) (portdeck_allocation_up == bool 0)) > 0)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl base;
    private final OkHttpClient http;

    /** @param prometheus the server's base URL, e.g. http://127.0.0.1:9090 (a path prefix such as /prometheus is kept) */
    public AvailabilityHistory(URI prometheus, Duration timeout) {
        HttpUrl url = HttpUrl.get(prometheus);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + prometheus);
        }
        this.base = url;
        this.http = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout)
                .followRedirects(false).build();
    }

    /**
     * Every allocation any agent reports, keyed by server short id and allocation id.
     *
     * @throws HistoryUnavailable when Prometheus cannot be reached or refuses a query, in one sentence
     */
    public Map<Key, Availability> all() {
        Map<Key, Double> day = values(DAY);
        Map<Key, Double> week = values(WEEK);
        Map<Key, List<Diagnosis.Vantage>> points = points();
        Map<Key, Double> downSince = values(DOWN_SINCE);
        Map<Key, Availability> all = new LinkedHashMap<>();
        Set<Key> keys = new java.util.LinkedHashSet<>(points.keySet());
        keys.addAll(day.keySet());
        for (Key k : keys) {
            Double since = downSince.get(k);
            List<Diagnosis.Vantage> seen = points.getOrDefault(k, List.of());
            all.put(k, new Availability(k.server(), k.allocation(), day.get(k), week.get(k),
                    since == null ? null : Instant.ofEpochMilli(Math.round(since * 1000)),
                    (int) seen.stream().filter(Diagnosis.Vantage::up).count(), seen.size(), seen));
        }
        return all;
    }

    /** Each allocation's vantage points, by name (the `vantage` label, else the agent's `instance`), sorted. */
    Map<Key, List<Diagnosis.Vantage>> points() {
        Map<Key, List<Diagnosis.Vantage>> points = new HashMap<>();
        for (JsonNode series : query(UP)) {
            JsonNode metric = series.path("metric");
            Key key = key(metric);
            if (key == null) {
                continue;
            }
            String name = metric.path("vantage").asText("");
            name = name.isEmpty() ? metric.path("instance").asText("?") : name;
            boolean up = Double.parseDouble(series.path("value").path(1).asText("NaN")) == 1.0;
            points.computeIfAbsent(key, k -> new ArrayList<>()).add(new Diagnosis.Vantage(name, up));
        }
        points.values().forEach(list -> list.sort(Comparator.comparing(Diagnosis.Vantage::name)));
        return points;
    }

    private static Key key(JsonNode metric) {
        String allocation = metric.path("allocation").asText("");
        return allocation.matches("\\d{1,18}") ? new Key(metric.path("server").asText(""), Long.parseLong(allocation))
                : null; // not a portdeck series
    }

    /** Which allocation a line is about. */
    public record Key(String server, long allocation) {
    }

    /** One instant query: the value of each (server, allocation) series it returns. */
    Map<Key, Double> values(String promql) {
        JsonNode result = query(promql);
        Map<Key, Double> values = new HashMap<>();
        for (JsonNode series : result) {
            Key key = key(series.path("metric"));
            if (key != null) {
                values.put(key, Double.parseDouble(series.path("value").path(1).asText("NaN")));
            }
        }
        return values;
    }

    private JsonNode query(String promql) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/query").addQueryParameter("query", promql).build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            JsonNode json = parse(body);
            if (json == null || !"success".equals(json.path("status").asText())) {
                String error = json == null ? "" : json.path("error").asText("");
                throw new HistoryUnavailable("Prometheus at " + redacted() + " answered HTTP " + response.code()
                        + (error.isEmpty() ? ", not its query API" : ": " + error));
            }
            return json.path("data").path("result");
        } catch (IOException e) {
            throw new HistoryUnavailable("cannot reach Prometheus at " + redacted() + ": " + e.getMessage());
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The URL without a user:password part. */
    private String redacted() {
        return base.newBuilder().username("").password("").build().toString();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Prometheus could not be asked; the dashboard shows the sentence and goes on without history. */
    public static final class HistoryUnavailable extends RuntimeException {
        public HistoryUnavailable(String sentence) {
            super(sentence);
        }
    }
}
