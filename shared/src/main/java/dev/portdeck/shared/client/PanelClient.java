package dev.portdeck.shared.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.ServerRef;
import dev.portdeck.shared.model.StartupVariable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The panel's client API, one method per endpoint. Synchronous and thread-safe: call it from worker threads, never
 * from a UI thread. Every failure is a {@link dev.portdeck.shared.error.PanelException} (or
 * {@link dev.portdeck.shared.error.InvalidInput} when the input was refused before sending).
 * `server` arguments are a short id or a UUID; use {@link #resolve(String)} for what a user typed.
 */
public final class PanelClient implements AutoCloseable {

    /** The most servers per page any panel serves. */
    public static final int MAX_PER_PAGE = 100;
    /** listServers() refuses to read more pages than this (50,000 servers). */
    static final int MAX_PAGES = 500;
    /** ... or more than this much JSON in all: a panel that never stops must not exhaust memory. */
    static final long MAX_LIST_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PanelConfig config;
    private final Transport transport;
    private final RateLimitStatus rateLimit = new RateLimitStatus();
    private final UnchangedPages unchangedPages = new UnchangedPages();
    private final int maxPages;

    public PanelClient(PanelConfig config) {
        this(config, RetryPolicy.DEFAULT);
    }

    /** Refuses plain http to a non-loopback host unless the config allows it. */
    public PanelClient(PanelConfig config, RetryPolicy retry) {
        this(config, retry, MAX_PAGES);
    }

    /** With a smaller page cap, for tests of the cap. */
    PanelClient(PanelConfig config, RetryPolicy retry, int maxPages) {
        PanelAddress.parse(config.url().toString(), config.allowInsecureHttp());
        this.config = config;
        this.transport = new Transport(config, retry, rateLimit);
        this.maxPages = maxPages;
    }

    public URI panelUrl() {
        return config.url();
    }

    /** What the panel's latest answer said about its rate limit; pollers pace themselves by it. */
    public RateLimitStatus rateLimit() {
        return rateLimit;
    }

    /** Whether server lists include every server the user administers (`--all-servers`), not only their own. */
    public boolean listsAllServers() {
        return config.allServers();
    }

    /**
     * `GET /api/client`, every page. A panel whose pages do not advance, that lists a server twice, or that goes on
     * beyond {@link #MAX_PAGES} pages or {@link #MAX_LIST_BYTES} is NotTheApi in one sentence, never an endless list.
     */
    public List<Server> listServers() {
        return listServers(false);
    }

    /** As {@link #listServers()}; with {@code withEggs}, `?include=egg` names each server's egg in the same pages. */
    public List<Server> listServers(boolean withEggs) {
        return listServers(withEggs, soFar -> { });
    }

    /**
     * As {@link #listServers(boolean)}, telling {@code soFar} the servers read so far after each page but the last
     * (on the calling thread), so a screen can show the first hundred while the rest come.
     */
    public List<Server> listServers(boolean withEggs, Consumer<List<Server>> soFar) {
        List<Server> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (int page = 1; ; page++) {
            if (page > maxPages) {
                throw listProblem("claims more than " + maxPages + " pages of servers");
            }
            ServerPage read = serverPage(page, MAX_PER_PAGE, withEggs);
            bytes += read.bytes();
            if (bytes > MAX_LIST_BYTES) {
                throw listProblem("sent more than " + MAX_LIST_BYTES / (1024 * 1024) + " MiB of server list");
            }
            Page<Server> p = read.page();
            if (p.currentPage() != page) {
                throw listProblem("answered page " + p.currentPage() + " when asked for page " + page);
            }
            for (Server s : p.items()) {
                if (!seen.add(s.identifier())) {
                    throw listProblem("lists server " + s.identifier() + " twice (again on page " + page + ")");
                }
            }
            all.addAll(p.items());
            if (!p.hasNext() || p.items().isEmpty()) {
                return all;
            }
            soFar.accept(List.copyOf(all));
        }
    }

    private NotTheApi listProblem(String what) {
        return new NotTheApi("the panel at " + config.url() + " " + what + "; portdeck stops reading a server list"
                + " that does not add up", 200, null, null);
    }

    /** `GET /api/client?page=N&per_page=M` (with `type=admin-all` under {@link #listsAllServers()}). */
    public Page<Server> listServers(int page, int perPage) {
        return serverPage(page, perPage, false).page();
    }

    /** One page of {@link #listServers(boolean)}, for callers that pace their requests (the agent). */
    public Page<Server> listServers(int page, int perPage, boolean withEggs) {
        return serverPage(page, perPage, withEggs).page();
    }

    /** A page of the server list and the size of the answer it came in. */
    private record ServerPage(Page<Server> page, long bytes) {
    }

    /** One page: the one read before when the panel's answer is the same to the byte ({@link UnchangedPages}). */
    private ServerPage serverPage(int page, int perPage, boolean withEggs) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidInput("page", "pages start at 1 and hold 1 to " + MAX_PER_PAGE + " servers");
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(perPage));
        if (withEggs) {
            query.put("include", "egg");
        }
        if (config.allServers()) {
            query.put("type", "admin-all");
        }
        ApiCall call = new ApiCall("GET", List.of(), query, null, null, "list the servers", "the server list");
        Transport.Answer a = transport.send(call);
        boolean ok = a.status() >= 200 && a.status() < 300 && !a.tooLarge() && a.body() != null;
        byte[] digest = ok ? UnchangedPages.digest(a.body()) : null;
        Page<Server> same = ok ? unchangedPages.same(query, digest) : null;
        if (same != null) {
            return new ServerPage(same, a.body().length());
        }
        Reply r = reply(call, a);
        Page<Server> read = r.reader().serverPage(r.json());
        unchangedPages.remember(query, digest, read);
        return new ServerPage(read, r.bytes());
    }

    /** `GET /api/client/servers/{server}` with its allocations and the key's permissions. */
    public Server server(String server) {
        String s = RequestChecks.server(server);
        Reply r = call(get(List.of("servers", s), null, "read server " + s, "server " + s));
        return r.reader().server(r.json(), r.json().get("meta"));
    }

    /**
     * `GET /api/client/servers/{server}?include=egg`: as {@link #server(String)}, plus the egg's name; the startup
     * variables come with every server view (when the key has startup.read), the docker image too.
     */
    public Server serverWithEgg(String server) {
        String s = RequestChecks.server(server);
        Reply r = call(new ApiCall("GET", List.of("servers", s), Map.of("include", "egg"), null, null,
                "read server " + s, "server " + s));
        return r.reader().server(r.json(), r.json().get("meta"));
    }

    /** `GET /api/client/servers/{server}/startup`: the user-viewable startup variables (needs startup.read). */
    public List<StartupVariable> startup(String server) {
        String s = RequestChecks.server(server);
        Reply r = call(get(List.of("servers", s, "startup"), "startup.read", "read the startup variables of server " + s,
                "server " + s));
        return r.reader().variables(r.json());
    }

    /** A short id, a UUID or an unambiguous (case-insensitive) name to the server; NotFound names what was tried. */
    public Server resolve(String userInput) {
        ServerRef ref = ServerRef.parse(RequestChecks.server(userInput));
        NotFound byId = null;
        if (!(ref instanceof ServerRef.Name)) {
            try {
                return server(ref.value());
            } catch (NotFound e) {
                if (ref instanceof ServerRef.Uuid) {
                    throw e;
                }
                byId = e; // a name may look like a short id
            }
        }
        List<Server> all = listServers();
        String wanted = ref.value().toLowerCase(Locale.ROOT);
        List<Server> matches = all.stream().filter(s -> s.name().equalsIgnoreCase(ref.value())).toList();
        if (matches.isEmpty()) {
            matches = all.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        }
        if (matches.size() == 1) {
            return server(matches.get(0).identifier());
        }
        if (matches.size() > 1) {
            throw new InvalidInput("server", "\"" + ref.value() + "\" matches " + matches.size() + " servers: "
                    + matches.stream().map(s -> s.identifier() + " (" + s.name() + ")").collect(Collectors.joining(", "))
                    + "; name one by its short id");
        }
        if (byId != null) {
            throw byId;
        }
        throw new NotFound("no server called \"" + ref.value() + "\" among the " + all.size()
                + " servers this API key can see on " + config.url(), "server " + ref.value());
    }

    /** `GET /api/client/servers/{server}/resources`. */
    public Resources resources(String server) {
        String s = RequestChecks.server(server);
        Reply r = call(get(List.of("servers", s, "resources"), null, "read the resource usage of server " + s,
                "server " + s));
        return r.reader().resources(r.json());
    }

    /** `POST /api/client/servers/{server}/power`. */
    public void power(String server, PowerSignal signal) {
        String s = RequestChecks.server(server);
        ObjectNode body = JSON.createObjectNode().put("signal", signal.apiName());
        String permission = signal == PowerSignal.START ? "control.start"
                : signal == PowerSignal.RESTART ? "control.restart" : "control.stop";
        callNoContent(new ApiCall("POST", List.of("servers", s, "power"), Map.of(), write(body), permission,
                "send the " + signal.apiName() + " signal to server " + s, "server " + s));
    }

    /** `GET /api/client/servers/{server}/network/allocations`. */
    public List<Allocation> allocations(String server) {
        String s = RequestChecks.server(server);
        Reply r = call(get(allocationsPath(s), "allocation.read", "list the allocations of server " + s, "server " + s));
        return r.reader().allocations(r.json());
    }

    /**
     * `POST /api/client/servers/{server}/network/allocations`. Returns what the panel assigned, which on real panels may
     * differ from what was asked ({@link AssignRequest#isSatisfiedBy(Allocation)} tells).
     */
    public Allocation assign(String server, AssignRequest request) {
        String s = RequestChecks.server(server);
        RequestChecks.assign(request);
        ObjectNode body = JSON.createObjectNode();
        if (request.ip() != null) {
            body.put("ip", request.ip().strip().replaceAll("^\\[(.*)]$", "$1"));
        }
        if (request.port() != null) {
            body.put("port", request.port());
        }
        Reply r = call(new ApiCall("POST", allocationsPath(s), Map.of(), write(body), "allocation.create",
                "add an allocation to server " + s, "server " + s));
        return r.reader().allocation(r.json());
    }

    /** `POST /api/client/servers/{server}/network/allocations/{id}/primary`. */
    public Allocation setPrimary(String server, long allocationId) {
        String s = RequestChecks.server(server);
        RequestChecks.allocationId(allocationId);
        List<String> path = new ArrayList<>(allocationPath(s, allocationId));
        path.add("primary");
        Reply r = call(new ApiCall("POST", path, Map.of(), null, "allocation.update",
                "make allocation " + allocationId + " the primary of server " + s, allocationSubject(s, allocationId)));
        return r.reader().allocation(r.json());
    }

    /** `POST /api/client/servers/{server}/network/allocations/{id}` with `{"notes": ...}`; null clears. */
    public Allocation setNotes(String server, long allocationId, String notes) {
        String s = RequestChecks.server(server);
        RequestChecks.allocationId(allocationId);
        RequestChecks.notes(notes);
        ObjectNode body = JSON.createObjectNode();
        if (notes == null) {
            body.putNull("notes"); // Pterodactyl requires the key to be present
        } else {
            body.put("notes", notes);
        }
        Reply r = call(new ApiCall("POST", allocationPath(s, allocationId), Map.of(), write(body), "allocation.update",
                "change the notes of allocation " + allocationId + " on server " + s, allocationSubject(s, allocationId)));
        return r.reader().allocation(r.json());
    }

    /** `DELETE /api/client/servers/{server}/network/allocations/{id}`. */
    public void remove(String server, long allocationId) {
        String s = RequestChecks.server(server);
        RequestChecks.allocationId(allocationId);
        callNoContent(new ApiCall("DELETE", allocationPath(s, allocationId), Map.of(), null, "allocation.delete",
                "remove allocation " + allocationId + " from server " + s, allocationSubject(s, allocationId)));
    }

    @Override
    public void close() {
        transport.close();
    }

    private static List<String> allocationsPath(String server) {
        return List.of("servers", server, "network", "allocations");
    }

    private static List<String> allocationPath(String server, long id) {
        return List.of("servers", server, "network", "allocations", Long.toString(id));
    }

    private static String allocationSubject(String server, long id) {
        return "allocation " + id + " of server " + server;
    }

    private static ApiCall get(List<String> path, String permission, String action, String subject) {
        return new ApiCall("GET", path, Map.of(), null, permission, action, subject);
    }

    /** A 2xx answer's JSON, its size, and a reader that reports shape problems with that answer's status. */
    private record Reply(JsonNode json, ModelReader reader, long bytes) {
    }

    private Reply call(ApiCall call) {
        return reply(call, transport.send(call));
    }

    private Reply reply(ApiCall call, Transport.Answer a) {
        JsonNode json = a.tooLarge() ? null : parse(a);
        if (a.status() >= 200 && a.status() < 300 && json != null) {
            return new Reply(json, new ModelReader(a.status(), a.contentType()), a.body().length());
        }
        throw failure(call, a, json);
    }

    private void callNoContent(ApiCall call) {
        Transport.Answer a = transport.send(call);
        if (a.status() < 200 || a.status() >= 300) {
            throw failure(call, a, a.tooLarge() ? null : parse(a));
        }
    }

    private RuntimeException failure(ApiCall call, Transport.Answer a, JsonNode json) {
        if (a.tooLarge()) {
            return new NotTheApi("the panel at " + config.url() + " answered HTTP " + a.status() + " with more than "
                    + Transport.maxBodyBytes() / (1024 * 1024) + " MiB, too large for an answer of the panel API",
                    a.status(), a.contentType(), null);
        }
        if (a.status() >= 300 && a.status() < 400) {
            return new NotTheApi("the panel at " + config.url() + " answered HTTP " + a.status() + " (a redirect"
                    + (a.location() == null ? "" : " to " + a.location()) + "), not the API: check the panel URL",
                    a.status(), a.contentType(), null);
        }
        List<ErrorEnvelope.Entry> entries = ErrorEnvelope.entries(json);
        if (json != null && !entries.isEmpty()) {
            return ErrorEnvelope.toException(a.status(), entries, call, config.url(), config.key());
        }
        String hint = a.status() < 500 ? " (is " + config.url() + " the panel's address?)" : "";
        return new NotTheApi("the panel answered HTTP " + a.status() + " with " + describeBody(a, json)
                + ", not the API" + hint, a.status(), a.contentType(), snippet(a.body()));
    }

    private static JsonNode parse(Transport.Answer a) {
        if (a.body() == null || a.body().isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(a.body());
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String describeBody(Transport.Answer a, JsonNode json) {
        String type = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
        String body = a.body() == null ? "" : a.body().strip();
        if (body.isEmpty()) {
            return "an empty body";
        }
        if (json != null) {
            return "JSON that is not the panel API";
        }
        if (type.contains("html") || body.startsWith("<")) {
            return "an HTML page";
        }
        if (type.contains("json") || body.startsWith("{") || body.startsWith("[")) {
            return "broken JSON";
        }
        return "text that is not JSON" + (type.isEmpty() ? "" : " (" + a.contentType() + ")");
    }

    private static String snippet(String body) {
        if (body == null) {
            return null;
        }
        String s = body.replaceAll("\\s+", " ").strip();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
