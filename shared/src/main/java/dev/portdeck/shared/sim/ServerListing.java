package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `GET /api/client`: the servers a key sees, filtered by `filter[*]` and friends, one page at a time. */
final class ServerListing {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 100;

    private final PanelState state;
    private final ClientApi.Request request;

    ServerListing(PanelState state, ClientApi.Request request) {
        this.state = state;
        this.request = request;
    }

    ClientApi.Reply reply(SimKey key) {
        Map<String, String> q = request.query();
        int perPage = Math.max(1, Math.min(MAX_PER_PAGE, number(q.get("per_page"), DEFAULT_PER_PAGE)));
        int page = Math.max(1, number(q.get("page"), 1));
        return state.locked(() -> {
            List<SimServer> matching = new ArrayList<>();
            for (SimServer s : state.servers()) {
                if (listed(s, q.get("type"), key) && matches(s, q)) {
                    matching.add(s);
                }
            }
            int total = matching.size();
            int totalPages = Math.max(1, (total + perPage - 1) / perPage);
            int from = Math.min(total, (page - 1) * perPage);
            List<ObjectNode> items = matching.subList(from, Math.min(total, from + perPage)).stream()
                    .map(s -> JsonShapes.server(s, state.allocationsOf(s), key, state.nodeUnderMaintenance(s.node),
                            ClientApi.includesEgg(request)))
                    .toList();
            ObjectNode body = JsonShapes.list(items);
            body.set("meta", JsonShapes.pagination(total, items.size(), perPage, page, totalPages,
                    page > 1 ? link(page - 1, perPage) : null, page < totalPages ? link(page + 1, perPage) : null));
            return ClientApi.Reply.ok(body);
        });
    }

    /**
     * `type`: none (or `owner`) lists the user's own servers and those they are a subuser of; an admin (here: the
     * owner's key) adds everyone else's with `admin-all`, or lists only those with `admin`; others then get nothing.
     */
    private static boolean listed(SimServer s, String type, SimKey key) {
        if ("admin-all".equals(type) || "admin".equals(type)) {
            return key.owner() && ("admin-all".equals(type) || s.ownedByAnotherUser);
        }
        return !s.ownedByAnotherUser;
    }

    private String link(int page, int perPage) {
        return request.baseUrl() + "/api/client?page=" + page + "&per_page=" + perPage;
    }

    private boolean matches(SimServer s, Map<String, String> q) {
        String any = q.get("filter[*]");
        String name = q.get("filter[name]");
        String uuid = q.get("filter[uuid]");
        return (any == null || any.isBlank() || matchesAnything(s, any.strip()))
                && (name == null || contains(s.name, name))
                && (uuid == null || s.uuid.startsWith(uuid.toLowerCase(Locale.ROOT)));
    }

    /** Name, UUID or short id, `ip:port`, `:port`, or a bare IP, as Pterodactyl's MultiFieldServerFilter. */
    private boolean matchesAnything(SimServer s, String text) {
        int colon = text.lastIndexOf(':');
        if (colon >= 0 && !text.contains("::")) {
            String ip = text.substring(0, colon);
            int port = number(text.substring(colon + 1), -1);
            return state.allocationsOf(s).stream().anyMatch(a -> a.port == port && (ip.isEmpty() || a.ip.equals(ip)));
        }
        if (state.allocationsOf(s).stream().anyMatch(a -> a.ip.equals(text))) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return contains(s.name, text) || s.uuid.startsWith(lower) || s.identifier.startsWith(lower);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static int number(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
