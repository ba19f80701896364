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
 * @param dockerImage     docker_image, e.g. "ghcr.io/pterodactyl/yolks:java_21", or null
 * @param egg             relationships.egg (only with `?include=egg`), or null
 * @param variables       relationships.variables: the user-viewable startup variables (empty without startup.read)
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
        Set<String> permissions,
        String dockerImage,
        Egg egg,
        List<StartupVariable> variables) {

    public Server {
        allocations = List.copyOf(allocations);
        permissions = Set.copyOf(permissions);
        variables = variables == null ? List.of() : List.copyOf(variables);
    }

    /** A server whose egg, image and variables are unknown. */
    public Server(String identifier, String uuid, String name, String node, String status, boolean suspended,
                  int allocationLimit, List<Allocation> allocations, Set<String> permissions) {
        this(identifier, uuid, name, node, status, suspended, allocationLimit, allocations, permissions, null, null,
                List.of());
    }

    /** The egg's name, or null when the panel did not say. */
    public String eggName() {
        return egg == null ? null : egg.name();
    }

    /** The value of the startup variable {@code envVariable} (e.g. "QUERY_PORT"), or null. */
    public String variable(String envVariable) {
        return variables.stream().filter(v -> v.envVariable().equals(envVariable)).map(StartupVariable::value)
                .findFirst().orElse(null);
    }

    /** Whether the key may do what `permission` (e.g. "allocation.update") names on this server. */
    public boolean can(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }

    public Allocation primaryAllocation() {
        return allocations.stream().filter(Allocation::primary).findFirst().orElse(null);
    }
}
