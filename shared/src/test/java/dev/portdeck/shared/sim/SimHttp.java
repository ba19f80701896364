package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.client.ApiKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny client for the simulator's tests: real HTTP through java.net.http, JSON through Jackson. */
final class SimHttp {

    /** One answer: status, headers, raw text, and the JSON (null for an empty or non-JSON body). */
    record Answer(int status, HttpHeaders headers, String text, JsonNode json) {

        /** `errors[0].code` of the error envelope. */
        String errorCode() {
            return json.path("errors").path(0).path("code").asText();
        }

        String errorDetail() {
            return json.path("errors").path(0).path("detail").asText();
        }

        JsonNode attributes() {
            return json.path("attributes");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final ApiKey key;

    SimHttp(PanelSimulator sim, ApiKey key) {
        this(sim.url(), key);
    }

    SimHttp(URI base, ApiKey key) {
        this.base = base;
        this.key = key;
    }

    SimHttp as(ApiKey other) {
        return new SimHttp(base, other);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "Application/vnd.pterodactyl.v1+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key.reveal());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body(), parse(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Path of a server's allocations. */
    static String allocations(String server) {
        return "/api/client/servers/" + server + "/network/allocations";
    }
}
