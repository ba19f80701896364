package dev.portdeck.probe.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /sd}: Prometheus' http_sd_configs format, one group per allocation with the same labels as its series,
 * {@code __meta_portdeck_notes} (the allocation's notes, for relabelling), and {@code __param_module} set to its check, so a multi-target job (this agent's or another's /probe, or a
 * blackbox_exporter with modules of those names) asks each port the right question. Before the first discovery the
 * answer is 503, so a Prometheus keeps the list it had rather than dropping every target.
 */
final class DiscoveryEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Inventory> inventory;

    DiscoveryEndpoint(Supplier<Inventory> inventory) {
        this.inventory = inventory;
    }

    void handle(HttpExchange exchange) throws IOException {
        Inventory current = inventory.get();
        if (current == null) {
            HttpReplies.text(exchange, 503, "no discovery yet: the agent has not read the panel's allocations");
            return;
        }
        HttpReplies.send(exchange, 200, "application/json", JSON.writeValueAsBytes(groups(current.probeable())));
    }

    static ArrayNode groups(List<WatchedAllocation> allocations) {
        ArrayNode groups = JSON.createArrayNode();
        for (WatchedAllocation w : allocations) {
            ObjectNode group = groups.addObject();
            group.putArray("targets").add(w.target().toString());
            ObjectNode labels = group.putObject("labels");
            String[] values = w.labelValues();
            for (int i = 0; i < values.length; i++) {
                labels.put(WatchedAllocation.LABEL_NAMES.get(i), values[i]);
            }
            labels.put("__param_module", w.check().word());
            // Notes are free text that changes: a __meta_ label, which relabelling may copy and otherwise drops.
            labels.put("__meta_portdeck_notes", w.allocation().notes() == null ? "" : w.allocation().notes());
        }
        return groups;
    }
}
