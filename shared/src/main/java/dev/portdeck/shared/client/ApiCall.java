package dev.portdeck.shared.client;

import java.util.List;
import java.util.Map;

/**
 * One request to the client API, with what the error messages need to know about it.
 *
 * @param method     GET, POST or DELETE
 * @param segments   path segments after /api/client (encoded when the URL is built)
 * @param query      query parameters, in order
 * @param body       the JSON body, or null for none
 * @param permission the permission this endpoint needs (e.g. "allocation.update"), or null
 * @param action     what the request does, for sentences: "list the allocations of server d3aac109"
 * @param subject    what a 404 means was not found: "server d3aac109", "allocation 18 of server d3aac109"
 */
record ApiCall(String method, List<String> segments, Map<String, String> query, String body, String permission,
               String action, String subject) {

    boolean idempotent() {
        return method.equals("GET");
    }

    /** POST .../network/allocations: the request Pelican throttles per server. */
    boolean createsAllocation() {
        return method.equals("POST") && !segments.isEmpty() && segments.get(segments.size() - 1).equals("allocations");
    }

    /** "/api/client/servers/d3aac109/network/allocations" or "/api/client?page=1&per_page=100", for logs. */
    String path() {
        StringBuilder b = new StringBuilder("/api/client");
        for (String s : segments) {
            b.append('/').append(s);
        }
        String sep = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            b.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = "&";
        }
        return b.toString();
    }
}
