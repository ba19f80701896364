package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portdeck.shared.model.PowerState;
import java.util.List;
import java.util.Map;

/** The panels' JSON shapes (Pterodactyl's client transformers), built from the simulated state. Call under the lock. */
final class JsonShapes {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonShapes() {
    }

    static ObjectNode allocation(SimAllocation row) {
        ObjectNode attributes = MAPPER.createObjectNode()
                .put("id", row.id)
                .put("ip", row.ip)
                .put("ip_alias", row.ipAlias)
                .put("port", row.port)
                .put("notes", row.notes)
                .put("is_default", row.isPrimary());
        ObjectNode item = MAPPER.createObjectNode().put("object", "allocation");
        item.set("attributes", attributes);
        return item;
    }

    static ObjectNode list(List<ObjectNode> items) {
        ObjectNode list = MAPPER.createObjectNode().put("object", "list");
        list.putArray("data").addAll(items);
        return list;
    }

    /**
     * A server item; a key without allocation.read sees only the primary, without its notes, and a key without
     * startup.read gets a null resource for the variables (as Pterodactyl does). The egg only when asked for.
     */
    static ObjectNode server(SimServer server, List<SimAllocation> rows, SimKey key, boolean nodeUnderMaintenance,
                             boolean withEgg) {
        ObjectNode a = MAPPER.createObjectNode()
                .put("server_owner", key.owner())
                .put("identifier", server.identifier)
                .put("internal_id", server.internalId)
                .put("uuid", server.uuid)
                .put("name", server.name)
                .put("node", server.node)
                .put("is_node_under_maintenance", nodeUnderMaintenance)
                .put("description", server.description);
        SimAllocation primary = rows.stream().filter(SimAllocation::isPrimary).findFirst().orElse(null);
        a.putObject("sftp_details").put("ip", primary == null ? "127.0.0.1" : primary.ip).put("port", 2022);
        a.putObject("limits").put("memory", 4096).put("swap", 0).put("disk", 20480).put("io", 500).put("cpu", 200)
                .putNull("threads").put("oom_disabled", true);
        a.put("invocation", invocation(server, primary)).put("docker_image", server.egg.dockerImage());
        a.putArray("egg_features").add("eula");
        a.putObject("feature_limits").put("databases", 2).put("allocations", server.allocationLimit).put("backups", 3);
        a.put("status", server.blockingStatus())
                .put("is_suspended", server.suspended)
                .put("is_installing", "installing".equals(server.status))
                .put("is_transferring", server.transferring);
        List<ObjectNode> visible = key.can("allocation.read")
                ? rows.stream().map(JsonShapes::allocation).toList()
                : primary == null ? List.of() : List.of(withoutNotes(allocation(primary)));
        ObjectNode relationships = a.putObject("relationships");
        relationships.set("allocations", list(visible));
        relationships.set("variables", key.can("startup.read") ? variables(server) : nullResource());
        if (withEgg) {
            ObjectNode egg = relationships.putObject("egg").put("object", "egg");
            egg.putObject("attributes").put("uuid", eggUuid(server.egg)).put("name", server.egg.name());
        }
        ObjectNode item = MAPPER.createObjectNode().put("object", "server");
        item.set("attributes", a);
        return item;
    }

    /** The user-viewable startup variables as `egg_variable` items. */
    static ObjectNode variables(SimServer server) {
        return list(server.variables.stream().map(v -> {
            ObjectNode attributes = MAPPER.createObjectNode()
                    .put("name", v.name()).put("description", v.name() + " of this server.")
                    .put("env_variable", v.env()).put("default_value", v.value()).put("server_value", v.value())
                    .put("is_editable", v.editable()).put("rules", "required|string|max:64");
            ObjectNode item = MAPPER.createObjectNode().put("object", "egg_variable");
            item.set("attributes", attributes);
            return item;
        }).toList());
    }

    /** What Fractal writes for an include the user may not see. */
    private static ObjectNode nullResource() {
        ObjectNode n = MAPPER.createObjectNode().put("object", "null_resource");
        n.putNull("attributes");
        return n;
    }

    /** The startup command with {{VARIABLE}}s filled in, as the panel shows it. */
    static String invocation(SimServer server, SimAllocation primary) {
        String command = server.egg.startup()
                .replace("{{SERVER_PORT}}", primary == null ? "" : Integer.toString(primary.port))
                .replace("{{SERVER_IP}}", primary == null ? "" : primary.ip)
                .replace("{{SERVER_MEMORY}}", "4096");
        for (DemoWorld.Variable v : server.variables) {
            command = command.replace("{{" + v.env() + "}}", v.value());
        }
        return command;
    }

    private static String eggUuid(DemoWorld.Egg egg) {
        return java.util.UUID.nameUUIDFromBytes(("portdeck-egg:" + egg.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static ObjectNode withoutNotes(ObjectNode item) {
        ((ObjectNode) item.get("attributes")).putNull("notes");
        return item;
    }

    /** `GET /servers/{server}`: the item plus meta.is_server_owner and meta.user_permissions. */
    static ObjectNode serverWithMeta(SimServer server, List<SimAllocation> rows, SimKey key,
                                     boolean nodeUnderMaintenance, boolean withEgg) {
        ObjectNode item = server(server, rows, key, nodeUnderMaintenance, withEgg);
        ObjectNode meta = item.putObject("meta").put("is_server_owner", key.owner());
        ArrayNode permissions = meta.putArray("user_permissions");
        key.permissions().forEach(permissions::add);
        return item;
    }

    static ObjectNode pagination(int total, int count, int perPage, int currentPage, int totalPages,
                                 String previous, String next) {
        ObjectNode p = MAPPER.createObjectNode()
                .put("total", total).put("count", count).put("per_page", perPage)
                .put("current_page", currentPage).put("total_pages", totalPages);
        ObjectNode links = p.putObject("links");
        if (previous != null) {
            links.put("previous", previous);
        }
        if (next != null) {
            links.put("next", next);
        }
        ObjectNode meta = MAPPER.createObjectNode();
        meta.set("pagination", p);
        return meta;
    }

    /** Usage that looks alive: counters grow with uptime at the server's rate, with a slow wobble. */
    static ObjectNode resources(SimServer server, PowerState state, long nowMillis) {
        boolean up = state == PowerState.RUNNING || state == PowerState.STARTING || state == PowerState.STOPPING;
        long uptime = up ? Math.max(0, nowMillis - server.startedAtMillis) : 0;
        double seconds = uptime / 1000.0;
        ObjectNode r = MAPPER.createObjectNode()
                .put("memory_bytes", up ? 1_200_000_000L + server.internalId * 150_000_000L + wobble(seconds, 40_000_000) : 0)
                .put("cpu_absolute", up ? Math.round((18 + server.internalId * 4 + wobble(seconds, 9)) * 1000) / 1000.0 : 0)
                .put("disk_bytes", 2_000_000_000L + server.internalId * 350_000_000L)
                .put("network_rx_bytes", up ? counter(server.bytesPerSecond * 4 / 10, seconds) : 0)
                .put("network_tx_bytes", up ? counter(server.bytesPerSecond, seconds) : 0)
                .put("uptime", uptime);
        ObjectNode attributes = MAPPER.createObjectNode()
                .put("current_state", state.apiName())
                .put("is_suspended", server.suspended);
        attributes.set("resources", r);
        ObjectNode item = MAPPER.createObjectNode().put("object", "stats");
        item.set("attributes", attributes);
        return item;
    }

    /** rate*t plus a bounded wobble whose derivative never makes the counter go down. */
    private static long counter(long rate, double seconds) {
        double period = 30;
        return Math.round(rate * seconds + rate * period * 0.3 * (1 - Math.cos(seconds / period)));
    }

    private static long wobble(double seconds, long amplitude) {
        return Math.round(amplitude * Math.sin(seconds / 17.0));
    }

    static ObjectNode error(ApiError e) {
        ObjectNode entry = MAPPER.createObjectNode()
                .put("code", e.code).put("status", Integer.toString(e.status)).put("detail", e.detail);
        if (!e.meta.isEmpty()) {
            ObjectNode meta = entry.putObject("meta");
            for (Map.Entry<String, String> m : e.meta.entrySet()) {
                meta.put(m.getKey(), m.getValue());
            }
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("errors").add(entry);
        return body;
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
            return node != null && node.isObject() ? node : MAPPER.createObjectNode();
        } catch (java.io.IOException e) {
            return MAPPER.createObjectNode(); // Laravel reads a malformed JSON body as no input at all
        }
    }
}
