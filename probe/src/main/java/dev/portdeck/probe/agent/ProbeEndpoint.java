package dev.portdeck.probe.agent;

import com.sun.net.httpserver.HttpExchange;
import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.Target;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /probe?target=HOST:PORT&module=NAME}: blackbox_exporter's multi-target contract, so a Prometheus job
 * written for blackbox works against portdeck. The modules are the checks (tcp, udp, minecraft, ...; default tcp).
 * Same texts and codes as blackbox: 400 {@code Unknown module "x"}, 400 {@code Target parameter is missing}, 500 for
 * an unreadable {@code X-Prometheus-Scrape-Timeout-Seconds}; the probe's timeout is that header minus 0.5 s, capped
 * by --timeout. A target that cannot be read or reached is a 200 with {@code probe_success 0}.
 */
final class ProbeEndpoint {

    /** blackbox_exporter's --timeout-offset default: time left for Prometheus to receive the answer. */
    static final double TIMEOUT_OFFSET_SECONDS = 0.5;

    private final Prober prober;
    private final Duration moduleTimeout;
    private final Labels constLabels;
    private final ExpositionFormats formats = ExpositionFormats.init();

    ProbeEndpoint(Prober prober, Duration moduleTimeout, Labels constLabels) {
        this.prober = prober;
        this.moduleTimeout = moduleTimeout;
        this.constLabels = constLabels;
    }

    void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = HttpReplies.query(exchange);
        String moduleName = HttpReplies.first(params, "module");
        Check module = moduleName.isEmpty() ? Check.TCP : Check.parse(moduleName);
        if (module == null || !module.word().equals(moduleName.isEmpty() ? "tcp" : moduleName)) {
            HttpReplies.text(exchange, 400, "Unknown module " + AgentLog.quoted(moduleName));
            return;
        }
        Duration timeout;
        try {
            timeout = timeout(exchange.getRequestHeaders().getFirst("X-Prometheus-Scrape-Timeout-Seconds"));
        } catch (NumberFormatException e) {
            HttpReplies.text(exchange, 500, "Failed to parse timeout from Prometheus header: " + e.getMessage());
            return;
        }
        String target = HttpReplies.first(params, "target");
        if (target.isEmpty()) {
            HttpReplies.text(exchange, 400, "Target parameter is missing");
            return;
        }
        long start = System.nanoTime();
        ProbeResult result = probe(target, module, timeout);
        double took = (System.nanoTime() - start) / 1e9;
        PrometheusRegistry registry = metrics(result, took);
        if ("true".equals(HttpReplies.first(params, "debug"))) {
            String text = "Probe of " + target + " with module " + module.word() + ": " + describe(result) + "\n\n"
                    + "Metrics that would have been returned:\n"
                    + formats.getPrometheusTextFormatWriter().toDebugString(registry.scrape());
            HttpReplies.send(exchange, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.write(body, registry.scrape());
        HttpReplies.send(exchange, 200, writer.getContentType(), body.toByteArray());
    }

    /** The header minus the offset, capped by the module's timeout; the module's timeout when there is no header. */
    Duration timeout(String header) {
        double seconds = 0;
        if (header != null && !header.isBlank()) {
            seconds = Double.parseDouble(header.strip());
        }
        if (seconds == 0) {
            seconds = 120;
        }
        double max = seconds - TIMEOUT_OFFSET_SECONDS;
        double module = moduleTimeout.toNanos() / 1e9;
        double chosen = (module < max && module > 0) || max < 0 ? module : max;
        return Duration.ofNanos(Math.max(1_000_000L, (long) (chosen * 1e9)));
    }

    /** A ProbeResult, or null when the target is not HOST:PORT. */
    private ProbeResult probe(String text, Check module, Duration timeout) {
        Target target = parse(text, module);
        if (target == null) {
            return null;
        }
        try {
            return prober.probe(target, timeout).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    static Target parse(String text, Check module) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return null;
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            return null; // an IPv6 address needs brackets
        }
        try {
            int port = Integer.parseInt(t.substring(colon + 1));
            return host.isEmpty() || port < 1 || port > 65535 ? null : new Target(host, port, null, module);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private PrometheusRegistry metrics(ProbeResult result, double took) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(registry, "probe_success", "Displays whether or not the probe was a success")
                .set(result != null && result.outcome().isOpen() ? 1 : 0);
        gauge(registry, "probe_duration_seconds", "Returns how long the probe took to complete in seconds").set(took);
        if (result == null) {
            return registry;
        }
        if (result.address() != null) {
            gauge(registry, "probe_ip_protocol", "Specifies whether probe ip protocol is IP4 or IP6")
                    .set(result.address() instanceof Inet6Address ? 6 : 4);
            gauge(registry, "probe_ip_addr_hash", "Specifies the hash of IP address. It's useful to detect if the IP"
                    + " address changes.").set(fnv1a32(result.addressText()) & 0xffffffffL);
        }
        Duration connect = result.outcome() instanceof Outcome.Open open ? open.latency()
                : result.outcome() instanceof Outcome.Unresponsive u ? u.latency() : null;
        if (connect != null) {
            gauge(registry, "portdeck_probe_connect_seconds",
                    "Time to complete the TCP handshake (or the first UDP reply)").set(connect.toNanos() / 1e9);
        }
        if (result.outcome() instanceof Outcome.Open open) {
            if (open.appLatency() != null) {
                gauge(registry, "portdeck_probe_service_round_trip_seconds",
                        "The service's own round trip (Minecraft ping/pong, the A2S reply, ...)")
                        .set(open.appLatency().toNanos() / 1e9);
            }
            if (open.service() != null && open.service().players() != null) {
                gauge(registry, "portdeck_probe_players", "Players online as the game server said")
                        .set(open.service().players());
            }
            if (open.service() != null && open.service().maxPlayers() != null) {
                gauge(registry, "portdeck_probe_max_players", "Player slots as the game server said")
                        .set(open.service().maxPlayers());
            }
        }
        Gauge outcome = Gauge.builder().name("portdeck_probe_outcome")
                .help("1 for what the probe found: open, unresponsive, open|filtered, closed, filtered, unreachable,"
                        + " dns-error or local-error").labelNames("outcome").constLabels(constLabels)
                .withoutExemplars().register(registry);
        outcome.labelValues(result.outcome().word()).set(1);
        return registry;
    }

    private Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(name).help(help).constLabels(constLabels).withoutExemplars().register(registry);
    }

    private static String describe(ProbeResult result) {
        if (result == null) {
            return "not a HOST:PORT target (IPv6 addresses in brackets: [2001:db8::1]:25565)";
        }
        Outcome o = result.outcome();
        String detail;
        if (o instanceof Outcome.Open open) {
            detail = "connected in " + open.latency().toNanos() / 1e6 + " ms";
        } else if (o instanceof Outcome.Unresponsive u) {
            detail = u.reason();
        } else if (o instanceof Outcome.OpenOrFiltered f) {
            detail = "no answer within " + f.waited().toMillis() + " ms";
        } else if (o instanceof Outcome.Filtered f) {
            detail = "no answer within " + f.waited().toMillis() + " ms";
        } else if (o instanceof Outcome.Unreachable u) {
            detail = u.reason();
        } else if (o instanceof Outcome.DnsError d) {
            detail = d.reason();
        } else if (o instanceof Outcome.LocalError l) {
            detail = l.reason();
        } else {
            detail = "refused";
        }
        return o.word() + " (" + detail + ")" + (result.address() == null ? "" : " at " + result.addressText());
    }

    /** FNV-1a, 32 bits, of the address text: blackbox_exporter's probe_ip_addr_hash. */
    static int fnv1a32(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }
}
