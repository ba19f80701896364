package dev.portdeck.shared.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Egg;
import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.StartupVariable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The panel's JSON (Fractal-style `{"object","attributes"}`) to model records; a missing field is NotTheApi. */
final class ModelReader {

    private final int status;
    private final String contentType;

    ModelReader(int status, String contentType) {
        this.status = status;
        this.contentType = contentType;
    }

    Allocation allocation(JsonNode item) {
        JsonNode a = attributes(item, "allocation");
        long port = requireLong(a, "port");
        if (port < 1 || port > 65535) {
            throw notTheApi("an allocation's port " + port + " is outside 1-65535"); // not a probe target either
        }
        String ip = requireText(a, "ip");
        if (ip.isBlank()) {
            throw notTheApi("an allocation without an \"ip\"");
        }
        return new Allocation(requireLong(a, "id"), ip, blankToNull(a.get("ip_alias")), (int) port,
                nullableText(a.get("notes")), a.path("is_default").asBoolean(false));
    }

    List<Allocation> allocations(JsonNode list) {
        List<Allocation> out = new ArrayList<>();
        for (JsonNode item : data(list)) {
            out.add(allocation(item));
        }
        return out;
    }

    Server server(JsonNode item, JsonNode meta) {
        JsonNode a = attributes(item, "server");
        JsonNode rel = a.path("relationships").path("allocations");
        List<Allocation> allocations = rel.isMissingNode() || rel.isNull() ? List.of() : allocations(rel);
        Set<String> permissions = new LinkedHashSet<>();
        JsonNode perms = meta == null ? null : meta.get("user_permissions");
        if (perms != null && perms.isArray()) {
            perms.forEach(p -> permissions.add(p.asText()));
        }
        return new Server(
                requireText(a, "identifier"), nullableText(a.get("uuid")), requireText(a, "name"),
                nullableText(a.get("node")), blankToNull(a.get("status")), a.path("is_suspended").asBoolean(false),
                a.path("feature_limits").path("allocations").asInt(0), allocations, permissions,
                blankToNull(a.get("docker_image")), egg(a.path("relationships").path("egg")),
                variables(a.path("relationships").path("variables")));
    }

    /** relationships.egg, or null when not included (or a null resource). */
    private static Egg egg(JsonNode item) {
        JsonNode a = item.path("attributes");
        if (!a.isObject() || blankToNull(a.get("name")) == null) {
            return null;
        }
        return new Egg(blankToNull(a.get("uuid")), a.get("name").asText());
    }

    /**
     * A list of egg_variable items; empty when absent or a null resource (no startup.read). An item without an
     * env_variable is skipped: it names nothing a rule could use.
     */
    List<StartupVariable> variables(JsonNode list) {
        List<StartupVariable> out = new ArrayList<>();
        JsonNode data = list.path("data");
        if (!data.isArray()) {
            return out;
        }
        for (JsonNode item : data) {
            JsonNode v = item.path("attributes");
            String env = blankToNull(v.get("env_variable"));
            if (env != null) {
                out.add(new StartupVariable(nullableText(v.get("name")), nullableText(v.get("description")), env,
                        nullableText(v.get("default_value")), nullableText(v.get("server_value")),
                        v.path("is_editable").asBoolean(false), nullableText(v.get("rules"))));
            }
        }
        return out;
    }

    Page<Server> serverPage(JsonNode list) {
        List<Server> servers = new ArrayList<>();
        for (JsonNode item : data(list)) {
            servers.add(server(item, null));
        }
        JsonNode p = list.path("meta").path("pagination");
        int current = p.path("current_page").asInt(1);
        int totalPages = p.path("total_pages").asInt(current);
        int total = p.path("total").asInt(servers.size());
        return new Page<>(servers, current, totalPages, total);
    }

    Resources resources(JsonNode item) {
        JsonNode a = attributes(item, "stats");
        if (!a.has("current_state")) {
            throw notTheApi("no \"current_state\"");
        }
        JsonNode r = a.path("resources");
        return new Resources(
                PowerState.fromApi(nullableText(a.get("current_state"))), a.path("is_suspended").asBoolean(false),
                r.path("memory_bytes").asLong(0), r.path("cpu_absolute").asDouble(0), r.path("disk_bytes").asLong(0),
                r.path("network_rx_bytes").asLong(0), r.path("network_tx_bytes").asLong(0), r.path("uptime").asLong(0));
    }

    private JsonNode attributes(JsonNode item, String object) {
        JsonNode a = item == null ? null : item.get("attributes");
        if (a == null || !a.isObject()) {
            throw notTheApi("no \"attributes\" of a " + object);
        }
        return a;
    }

    private JsonNode data(JsonNode list) {
        JsonNode data = list == null ? null : list.get("data");
        if (data == null || !data.isArray()) {
            throw notTheApi("no \"data\" list");
        }
        return data;
    }

    private String requireText(JsonNode a, String field) {
        JsonNode n = a.get(field);
        if (n == null || n.isNull() || !n.isValueNode()) {
            throw notTheApi("no \"" + field + "\"");
        }
        return n.asText();
    }

    private long requireLong(JsonNode a, String field) {
        JsonNode n = a.get(field);
        if (n == null || !(n.isIntegralNumber() || n.isTextual() && n.asText().matches("\\d+"))) {
            throw notTheApi("no numeric \"" + field + "\"");
        }
        return n.asLong();
    }

    private NotTheApi notTheApi(String what) {
        return new NotTheApi("the panel answered HTTP " + status + " with JSON that is not the panel API (" + what + ")",
                status, contentType, null);
    }

    private static String nullableText(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String blankToNull(JsonNode n) {
        String s = nullableText(n);
        return s == null || s.isBlank() ? null : s;
    }
}
