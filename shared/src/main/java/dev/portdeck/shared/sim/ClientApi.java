package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.model.PowerSignal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The endpoints of `/api/client`: routing, permissions, validation and the answer's shape. The rules themselves are
 * in {@link PanelState}; every endpoint runs under its lock.
 */
final class ClientApi {

    /** A parsed request: path segments after /api/client, decoded query, JSON body (empty object when none). */
    record Request(String method, List<String> segments, Map<String, String> query, JsonNode body, String baseUrl) {
    }

    /** What to answer; body null means 204 No Content. */
    record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }
    }

    /** A matched route, to run once the key is known. */
    interface Endpoint {
        Reply serve(SimKey key);
    }

    private final PanelState state;
    private final Throttle creations;

    ClientApi(PanelState state, RateLimit creationLimit) {
        this.state = state;
        this.creations = new Throttle(creationLimit);
    }

    /** The endpoint for a request; 404 for an unknown path, 405 for a known path with another method. */
    Endpoint route(Request r) {
        List<String> s = r.segments();
        if (s.isEmpty()) {
            return only(r, "GET", key -> new ServerListing(state, r).reply(key));
        }
        if (!s.get(0).equals("servers") || s.size() < 2) {
            throw ApiError.notFound();
        }
        String server = s.get(1);
        List<String> rest = s.subList(2, s.size());
        if (rest.isEmpty()) {
            return only(r, "GET", key -> serverView(server, includesEgg(r), key));
        }
        if (rest.equals(List.of("startup"))) {
            return only(r, "GET", key -> startup(server, key));
        }
        if (rest.equals(List.of("resources"))) {
            return only(r, "GET", key -> resources(server, key));
        }
        if (rest.equals(List.of("power"))) {
            return only(r, "POST", key -> power(server, r.body(), key));
        }
        if (rest.size() < 2 || !rest.get(0).equals("network") || !rest.get(1).equals("allocations")) {
            throw ApiError.notFound();
        }
        return allocationRoute(r, server, rest.subList(2, rest.size()));
    }

    private Endpoint allocationRoute(Request r, String server, List<String> rest) {
        if (rest.isEmpty()) {
            if (r.method().equals("GET")) {
                return key -> listAllocations(server, key);
            }
            return only(r, "POST", key -> assign(server, r.body(), key));
        }
        String id = rest.get(0);
        if (rest.size() == 1) {
            if (r.method().equals("DELETE")) {
                return key -> remove(server, id, key);
            }
            return only(r, "POST", key -> notes(server, id, r.body(), key));
        }
        if (rest.size() == 2 && rest.get(1).equals("primary")) {
            return only(r, "POST", key -> primary(server, id, key));
        }
        throw ApiError.notFound();
    }

    private static Endpoint only(Request r, String method, Endpoint endpoint) {
        if (!r.method().equals(method)) {
            throw new ApiError(405, "MethodNotAllowedHttpException",
                    "The " + r.method() + " method is not supported for this route. Supported methods: " + method + ".");
        }
        return endpoint;
    }

    private Reply serverView(String ref, boolean withEgg, SimKey key) {
        return state.locked(() -> {
            SimServer s = visible(ref, key); // the view stays readable while suspended, as on real panels
            return Reply.ok(JsonShapes.serverWithMeta(s, state.allocationsOf(s), key, state.nodeUnderMaintenance(s.node),
                    withEgg));
        });
    }

    /** `?include=egg` (a comma list; the panels ignore names they do not offer). */
    static boolean includesEgg(Request r) {
        String include = r.query().get("include");
        return include != null && List.of(include.split(",")).stream().anyMatch(i -> i.strip().equals("egg"));
    }

    /** `GET /startup`: the variables, and the startup command and images in meta (StartupController). */
    private Reply startup(String ref, SimKey key) {
        return state.locked(() -> {
            SimServer s = usable(visible(ref, key));
            require(key, "startup.read");
            com.fasterxml.jackson.databind.node.ObjectNode body = JsonShapes.variables(s);
            com.fasterxml.jackson.databind.node.ObjectNode meta = body.putObject("meta")
                    .put("startup_command", JsonShapes.invocation(s, state.allocationsOf(s).stream()
                            .filter(SimAllocation::isPrimary).findFirst().orElse(null)))
                    .put("raw_startup_command", s.egg.startup());
            meta.putObject("docker_images").put(s.egg.dockerImage(), s.egg.dockerImage());
            return Reply.ok(body);
        });
    }

    private Reply resources(String ref, SimKey key) {
        return state.locked(() -> {
            SimServer s = usable(visible(ref, key));
            state.requireWings(s);
            return Reply.ok(JsonShapes.resources(s, s.currentState(System.nanoTime()), System.currentTimeMillis()));
        });
    }

    private Reply power(String ref, JsonNode body, SimKey key) {
        return state.locked(() -> {
            SimServer s = usable(visible(ref, key));
            String text = body.path("signal").asText("");
            PowerSignal signal;
            try {
                signal = PowerSignal.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiError.validation("signal", "in", "The selected signal is invalid.");
            }
            require(key, signal == PowerSignal.KILL ? "control.stop" : "control." + signal.apiName());
            state.requireWings(s);
            state.power(s, signal);
            return Reply.noContent();
        });
    }

    private Reply listAllocations(String ref, SimKey key) {
        return state.locked(() -> {
            SimServer s = usable(visible(ref, key));
            require(key, "allocation.read");
            return Reply.ok(JsonShapes.list(state.allocationsOf(s).stream().map(JsonShapes::allocation).toList()));
        });
    }

    private Reply assign(String ref, JsonNode body, SimKey key) {
        return state.locked(() -> {
            SimServer s = usable(visible(ref, key));
            throttleCreation(s);
            require(key, "allocation.create");
            String ip = null;
            Integer port = null;
            if (state.flavor().honoursRequestedAddress()) {
                ip = RequestRules.ip(body);
                port = RequestRules.port(body);
            }
            return Reply.ok(JsonShapes.allocation(state.assign(s, ip, port)));
        });
    }

    private Reply notes(String ref, String id, JsonNode body, SimKey key) {
        return state.locked(() -> {
            SimServer s = visible(ref, key);
            SimAllocation row = state.allocationOf(s, id); // 404 before 409, as the panels bind models first
            usable(s);
            require(key, "allocation.update");
            String notes = RequestRules.notes(body, state.flavor());
            return Reply.ok(JsonShapes.allocation(state.setNotes(row, notes)));
        });
    }

    private Reply primary(String ref, String id, SimKey key) {
        return state.locked(() -> {
            SimServer s = visible(ref, key);
            SimAllocation row = state.allocationOf(s, id);
            usable(s);
            require(key, "allocation.update");
            return Reply.ok(JsonShapes.allocation(state.setPrimary(s, row)));
        });
    }

    private Reply remove(String ref, String id, SimKey key) {
        return state.locked(() -> {
            SimServer s = visible(ref, key);
            SimAllocation row = state.allocationOf(s, id);
            usable(s);
            require(key, "allocation.delete");
            state.remove(s, row);
            return Reply.noContent();
        });
    }

    /** The server by reference; another user's server is 404 to anyone but an admin (the owner's key). */
    private SimServer visible(String ref, SimKey key) {
        SimServer s = state.server(ref);
        if (s.ownedByAnotherUser && !key.owner()) {
            throw ApiError.notAccessible();
        }
        return s;
    }

    private SimServer usable(SimServer s) {
        state.requireUsable(s);
        return s;
    }

    private void throttleCreation(SimServer s) {
        if (creations.isOff()) {
            return;
        }
        Throttle.Verdict v = creations.hit(s.uuid, System.nanoTime());
        if (!v.allowed()) {
            throw creations.refusal(v);
        }
    }

    private void require(SimKey key, String permission) {
        if (key.can(permission)) {
            return;
        }
        throw state.flavor() == Flavor.DOCUMENTED
                ? new ApiError(403, "InsufficientPermissionsException",
                        "This API key is missing the required permission: " + permission + ".")
                : new ApiError(403, "AccessDeniedHttpException", "This action is unauthorized.");
    }
}
