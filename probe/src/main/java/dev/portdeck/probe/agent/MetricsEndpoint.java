package dev.portdeck.probe.agent;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /metrics}: exactly what the registries say, in the text format or OpenMetrics as the official client
 * writes them, with two savings at 10,000 allocations: the allocations' families come from {@link
 * AllocationExposition}, written and compressed once per round, so a scrape writes and compresses only the panel's
 * and the servers' families ({@link GzipPieces} joins the two into one gzip stream); and gzip runs at its fastest
 * level (a quarter of the default's CPU for a fifth more bytes). The body is the one the client's own handler writes for the registry holding everything:
 * a scrape's families are sorted by name, and the allocations' ({@code portdeck_allocation_*}) come before the rest.
 * Everything else (a query such as {@code name[]=} or {@code debug=}, an escaping scheme asked for, a format other
 * than the two texts) goes to the client's own handler.
 */
final class MetricsEndpoint {

    private final AllocationExposition allocations;
    private final PrometheusRegistry rest;
    private final PrometheusRegistry everything;
    private final MetricsHandler library;
    private final ExpositionFormats formats;
    private final boolean preferUncompressed;
    private volatile int lastRestSize = 1 << 16;

    /**
     * @param allocations the allocations' families
     * @param rest        every other collector (the panel's, the servers')
     * @param everything  both, for the client's own handler
     */
    MetricsEndpoint(AllocationExposition allocations, PrometheusRegistry rest, PrometheusRegistry everything) {
        PrometheusProperties config = PrometheusProperties.get();
        this.allocations = allocations;
        this.rest = rest;
        this.everything = everything;
        this.library = new MetricsHandler(config, everything);
        this.formats = ExpositionFormats.init(config);
        this.preferUncompressed = config.getExporterHttpServerProperties().isPreferUncompressedResponse();
    }

    void handle(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        ExpositionFormatWriter writer = formats.findWriter(accept);
        boolean text = writer instanceof PrometheusTextFormatWriter || writer instanceof OpenMetricsTextFormatWriter;
        if (!text || exchange.getRequestURI().getRawQuery() != null || accept != null && accept.contains("escaping")) {
            library.handle(exchange);
            return;
        }
        EscapingScheme escaping = EscapingScheme.fromAcceptHeader(accept, EscapingScheme.DEFAULT);
        AllocationExposition.Written head = allocations.written(writer, escaping);
        MetricSnapshots others = rest.scrape();
        ByteArrayOutputStream tail = new ByteArrayOutputStream(lastRestSize + 1024);
        if (sortsAfter(others, head.lastName())) {
            writer.write(tail, others, escaping);
        } else {
            head = null; // a family that sorts among the allocations': the whole scrape in one piece, in order
            writer.write(tail, everything.scrape(), escaping);
        }
        lastRestSize = tail.size();
        send(exchange, writer.getContentType(), head, tail);
    }

    private void send(HttpExchange exchange, String contentType, AllocationExposition.Written head,
            ByteArrayOutputStream tail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean bodyless = "HEAD".equals(exchange.getRequestMethod());
        if (!preferUncompressed && acceptsGzip(exchange) && !bodyless) {
            GzipPieces.Compressing rest = new GzipPieces.Compressing(tail.size() / 8, true);
            tail.writeTo(rest);
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                List<GzipPieces.Piece> pieces = new ArrayList<>(head == null ? List.of() : head.pieces());
                pieces.add(rest.piece());
                GzipPieces.write(out, pieces.toArray(GzipPieces.Piece[]::new));
            }
            return;
        }
        long length = (head == null ? 0 : head.length()) + tail.size();
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        exchange.sendResponseHeaders(200, bodyless ? -1 : length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                if (head != null) {
                    head.writePlainTo(out);
                }
                tail.writeTo(out);
            }
        }
    }

    /** Whether every family in {@code snapshots} sorts after {@code name}, as in the client's one sorted list. */
    private static boolean sortsAfter(MetricSnapshots snapshots, String name) {
        for (MetricSnapshot s : snapshots) {
            if (s.getMetadata().getPrometheusName().compareTo(name) <= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        List<String> encodings = exchange.getRequestHeaders().get("Accept-Encoding");
        if (encodings == null) {
            return false;
        }
        for (String header : encodings) {
            for (String encoding : header.split(",")) {
                if (encoding.strip().equalsIgnoreCase("gzip")) {
                    return true;
                }
            }
        }
        return false;
    }
}
