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
import java.util.regex.Pattern;

/**
 * The panel's JSON (Fractal-style `{"object","attributes"}`) to model records. A missing field, a value of the wrong
 * type or a number out of range is NotTheApi: never a wrapped number, a silent blank, or a model that fails later.
 */
final class ModelReader {

    /** Short ids are 8 characters, UUIDs 36; they go into URL paths, so nothing else is accepted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{1,64}");

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
        if (!IpLiteral.isLiteral(ip) && !Allocation.isEveryAddress(ip)) {
            throw notTheApi("an allocation's \"ip\" " + quoted(ip) + " is not an IP address");
        }
        long id = requireLong(a, "id");
        if (id < 1) {
            throw notTheApi("an allocation id " + id + " is not positive");
        }
        return new Allocation(id, ip.strip(), blankToNull(optionalText(a, "ip_alias")), (int) port,
                optionalText(a, "notes"), optionalBoolean(a, "is_default"));
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
        String identifier = requireText(a, "identifier");
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw notTheApi("a server's \"identifier\" " + quoted(identifier) + " is not a short id");
        }
        JsonNode limits = a.get("feature_limits");
        long limit = limits == null || limits.isNull() ? 0 : optionalLong(limits, "allocations", 0);
        if (limit < 0 || limit > Integer.MAX_VALUE) {
            throw notTheApi("an allocation limit of " + limit);
        }
        return new Server(identifier, optionalText(a, "uuid"), requireText(a, "name"), optionalText(a, "node"),
                blankToNull(optionalText(a, "status")), optionalBoolean(a, "is_suspended"), (int) limit, allocations,
                permissions, optionalBoolean(a, "is_transferring"), optionalBoolean(a, "is_node_under_maintenance"),
                blankToNull(optionalText(a, "docker_image")), egg(a.path("relationships").path("egg")),
                variables(a.path("relationships").path("variables")));
    }

    /** relationships.egg, or null when not included (or a null resource). */
    private static Egg egg(JsonNode item) {
        JsonNode a = item.path("attributes");
        if (!a.isObject() || !a.path("name").isTextual() || a.get("name").asText().isBlank()) {
            return null;
        }
        return new Egg(a.path("uuid").isTextual() ? a.get("uuid").asText() : null, a.get("name").asText());
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
            String env = text(v.get("env_variable"));
            if (env != null && !env.isBlank()) {
                out.add(new StartupVariable(text(v.get("name")), text(v.get("description")), env,
                        text(v.get("default_value")), text(v.get("server_value")),
                        v.path("is_editable").asBoolean(false), text(v.get("rules"))));
            }
        }
        return out;
    }

    /** A value as text (a number's digits too), or null when absent, null, or not a plain value. */
    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    Page<Server> serverPage(JsonNode list) {
        List<Server> servers = new ArrayList<>();
        for (JsonNode item : data(list)) {
            servers.add(server(item, null));
        }
        JsonNode p = list.path("meta").path("pagination");
        long current = p.isObject() ? optionalLong(p, "current_page", 1) : 1;
        long totalPages = p.isObject() ? optionalLong(p, "total_pages", current) : current;
        long total = p.isObject() ? optionalLong(p, "total", servers.size()) : servers.size();
        if (current < 1 || current > Integer.MAX_VALUE || totalPages < 0 || totalPages > Integer.MAX_VALUE
                || total < 0 || total > Integer.MAX_VALUE) {
            throw notTheApi("pagination out of range: page " + current + " of " + totalPages + ", " + total + " in all");
        }
        return new Page<>(servers, (int) current, (int) totalPages, (int) total);
    }

    Resources resources(JsonNode item) {
        JsonNode a = attributes(item, "stats");
        if (!a.has("current_state")) {
            throw notTheApi("no \"current_state\"");
        }
        JsonNode r = a.path("resources");
        if (!r.isMissingNode() && !r.isNull() && !r.isObject()) {
            throw notTheApi("\"resources\" is not an object");
        }
        return new Resources(
                PowerState.fromApi(optionalText(a, "current_state")), optionalBoolean(a, "is_suspended"),
                counter(r, "memory_bytes"), optionalDouble(r, "cpu_absolute"), counter(r, "disk_bytes"),
                counter(r, "network_rx_bytes"), counter(r, "network_tx_bytes"), counter(r, "uptime"));
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
        if (n == null || n.isNull()) {
            throw notTheApi("no \"" + field + "\"");
        }
        if (!n.isTextual()) {
            throw notTheApi("\"" + field + "\" is a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not text");
        }
        return n.asText();
    }

    /** Text, or null when absent or null; any other type is NotTheApi. */
    private String optionalText(JsonNode a, String field) {
        JsonNode n = a.get(field);
        return n == null || n.isNull() ? null : requireText(a, field);
    }

    private boolean optionalBoolean(JsonNode a, String field) {
        JsonNode n = a.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw notTheApi("\"" + field + "\" is " + quoted(n.toString()) + ", not true or false");
        }
        return n.booleanValue();
    }

    /** An integer that fits in a long (as JSON or as a string of digits); anything else is NotTheApi. */
    private long requireLong(JsonNode a, String field) {
        JsonNode n = a.get(field);
        boolean digits = n != null && n.isTextual() && n.asText().matches("-?\\d{1,19}");
        if (n == null || !(n.isIntegralNumber() || digits)) {
            throw notTheApi("no numeric \"" + field + "\"");
        }
        if (digits) {
            try {
                return Long.parseLong(n.asText());
            } catch (NumberFormatException e) {
                throw notTheApi("\"" + field + "\" " + quoted(n.asText()) + " is out of range");
            }
        }
        if (!n.canConvertToLong()) {
            throw notTheApi("\"" + field + "\" " + quoted(n.asText()) + " is out of range");
        }
        return n.longValue();
    }

    private long optionalLong(JsonNode a, String field, long fallback) {
        JsonNode n = a.get(field);
        return n == null || n.isNull() ? fallback : requireLong(a, field);
    }

    /** A usage counter: absent means 0; it is never negative. */
    private long counter(JsonNode r, String field) {
        if (!r.isObject()) {
            return 0;
        }
        long v = optionalLong(r, field, 0);
        if (v < 0) {
            throw notTheApi("\"" + field + "\" is negative");
        }
        return v;
    }

    private double optionalDouble(JsonNode r, String field) {
        JsonNode n = r.isObject() ? r.get(field) : null;
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.isNumber()) {
            throw notTheApi("\"" + field + "\" is not a number");
        }
        return n.doubleValue();
    }

    private NotTheApi notTheApi(String what) {
        return new NotTheApi("the panel answered HTTP " + status + " with JSON that is not the panel API (" + what + ")",
                status, contentType, null);
    }

    /** Panel text quoted for a message, cut short: the message is shown, so it must not be a page of it. */
    private static String quoted(String text) {
        String t = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + t + "\"";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
