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
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /metrics}: exactly what the registries say, in the text format or OpenMetrics as the official client
 * writes them, with two savings at 10,000 allocations: the allocations' and the servers' families come from {@link
 * AllocationExposition}, each written and compressed once per change, so a scrape writes and compresses only the
 * families that changed since and the panel's few ({@link GzipPieces} joins the pieces into one gzip stream); and gzip
 * runs at its fastest level (a quarter of the default's CPU for a fifth more bytes). The body is the one the client's
 * own handler writes for the registry holding everything: every family in the order of its name. Everything else (a
 * query such as {@code name[]=} or {@code debug=}, an escaping scheme asked for, a format other than the two texts)
 * goes to the client's own handler.
 */
final class MetricsEndpoint {

    private static final byte[] OPENMETRICS_END = "# EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOTHING = new byte[0];

    private final AllocationExposition written;
    private final PrometheusRegistry rest;
    private final MetricsHandler library;
    private final ExpositionFormats formats;
    private final boolean preferUncompressed;

    /** One family's piece of a response, by the name it sorts under. */
    private record Part(String prometheusName, GzipPieces.Piece piece) {
    }

    /**
     * @param written    the families written once per change (the allocations', the servers')
     * @param rest       every other collector (the panel's), written for each scrape
     * @param everything both, for the client's own handler
     */
    MetricsEndpoint(AllocationExposition written, PrometheusRegistry rest, PrometheusRegistry everything) {
        PrometheusProperties config = PrometheusProperties.get();
        this.written = written;
        this.rest = rest;
        this.library = new MetricsHandler(config, everything);
        this.formats = ExpositionFormats.init(config);
        this.preferUncompressed = config.getExporterHttpServerProperties().isPreferUncompressedResponse();
    }

    void handle(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        ExpositionFormatWriter writer = formats.findWriter(accept);
        boolean openMetrics = writer instanceof OpenMetricsTextFormatWriter;
        boolean text = writer instanceof PrometheusTextFormatWriter || openMetrics;
        if (!text || exchange.getRequestURI().getRawQuery() != null || accept != null && accept.contains("escaping")) {
            library.handle(exchange);
            return;
        }
        EscapingScheme escaping = EscapingScheme.fromAcceptHeader(accept, EscapingScheme.DEFAULT);
        List<Part> parts = new ArrayList<>();
        for (AllocationExposition.Family f : written.written(writer, escaping).families()) {
            parts.add(new Part(f.prometheusName(), f.piece()));
        }
        for (MetricSnapshot family : rest.scrape()) {
            parts.add(new Part(family.getMetadata().getPrometheusName(),
                    AllocationExposition.piece(writer, escaping, family, 1024)));
        }
        parts.sort(Comparator.comparing(Part::prometheusName)); // the order of the client's one sorted list
        List<GzipPieces.Piece> pieces = new ArrayList<>(parts.size() + 1);
        parts.forEach(p -> pieces.add(p.piece()));
        pieces.add(GzipPieces.last(openMetrics ? OPENMETRICS_END : NOTHING));
        send(exchange, writer.getContentType(), pieces);
    }

    private void send(HttpExchange exchange, String contentType, List<GzipPieces.Piece> pieces) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean bodyless = "HEAD".equals(exchange.getRequestMethod());
        if (!preferUncompressed && acceptsGzip(exchange) && !bodyless) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                GzipPieces.write(out, pieces.toArray(GzipPieces.Piece[]::new));
            }
            return;
        }
        long length = pieces.stream().mapToLong(GzipPieces.Piece::length).sum();
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        exchange.sendResponseHeaders(200, bodyless ? -1 : length);
        if (!bodyless) {
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = exchange.getResponseBody()) {
                for (GzipPieces.Piece piece : pieces) {
                    GzipPieces.inflateTo(out, piece, buffer);
                }
            }
        }
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
