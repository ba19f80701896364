package dev.portdeck.probe.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** Every path on the agent's server: /metrics, /probe, /sd, /-/healthy, /-/ready and a short index at /. */
final class AgentRoutes implements HttpHandler {

    static final String INDEX = """
            portdeck agent
              /metrics     every allocation's reachability, the servers' resources, the panel's state
              /probe       ?target=HOST:PORT&module=tcp: one probe now (blackbox_exporter's multi-target contract)
              /sd          every allocation as Prometheus http_sd_configs JSON
              /-/healthy   200 while the agent runs
              /-/ready     200 once the first discovery and the first round are done""";

    private final MetricsEndpoint metrics;
    private final HttpHandler healthy;
    private final ProbeEndpoint probe;
    private final DiscoveryEndpoint discovery;
    private final BooleanSupplier ready;

    AgentRoutes(MetricsEndpoint metrics, HttpHandler healthy, ProbeEndpoint probe, DiscoveryEndpoint discovery,
            BooleanSupplier ready) {
        this.metrics = metrics;
        this.healthy = healthy;
        this.probe = probe;
        this.discovery = discovery;
        this.ready = ready;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                HttpReplies.text(exchange, 405, "Method Not Allowed");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> HttpReplies.text(exchange, 200, INDEX);
                case "/metrics" -> metrics.handle(exchange);
                case "/-/healthy" -> healthy.handle(exchange);
                case "/probe" -> probe.handle(exchange);
                case "/sd" -> discovery.handle(exchange);
                case "/-/ready" -> {
                    if (ready.getAsBoolean()) {
                        HttpReplies.text(exchange, 200, "portdeck agent is ready.");
                    } else {
                        HttpReplies.text(exchange, 503, "portdeck agent is not ready: the first discovery or the"
                                + " first round of probes is not done yet.");
                    }
                }
                default -> HttpReplies.text(exchange, 404, "404 page not found");
            }
        } finally {
            exchange.close();
        }
    }
}
