package dev.portdeck.shared.model;

import java.util.List;
import java.util.Set;

/**
 * A server as `GET /api/client` and `GET /api/client/servers/{server}` describe it.
 *
 * @param identifier      the 8-character short id
 * @param uuid            the full UUID
 * @param name            the display name
 * @param node            the node's name
 * @param status          null when normal, otherwise the panel's word (suspended, installing, ...)
 * @param suspended       is_suspended
 * @param allocationLimit feature_limits.allocations (counts the primary); 0 means none may be added
 * @param allocations     relationships.allocations (may be empty when the panel did not include them)
 * @param permissions     meta.user_permissions, e.g. "allocation.read" or "*"
 */
public record Server(
        String identifier,
        String uuid,
        String name,
        String node,
        String status,
        boolean suspended,
        int allocationLimit,
        List<Allocation> allocations,
        Set<String> permissions) {

    public Server {
        allocations = List.copyOf(allocations);
        permissions = Set.copyOf(permissions);
    }

    /** Whether the key may do what `permission` (e.g. "allocation.update") names on this server. */
    public boolean can(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }

    public Allocation primaryAllocation() {
        return allocations.stream().filter(Allocation::primary).findFirst().orElse(null);
    }
}
