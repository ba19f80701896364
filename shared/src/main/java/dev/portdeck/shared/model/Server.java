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
 * @param status          null when normal, otherwise the panel's word (installing, install_failed, reinstall_failed,
 *                        suspended, restoring_backup); a transfer is `is_transferring` with status null
 * @param suspended       is_suspended
 * @param allocationLimit feature_limits.allocations (counts the primary); 0 means none may be added
 * @param allocations     relationships.allocations (may be empty when the panel did not include them)
 * @param permissions     meta.user_permissions, e.g. "allocation.read" or "*"
 * @param transferring    is_transferring: being moved to another node
 * @param nodeUnderMaintenance is_node_under_maintenance
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
        boolean transferring,
        boolean nodeUnderMaintenance,
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
                  int allocationLimit, List<Allocation> allocations, Set<String> permissions, boolean transferring,
                  boolean nodeUnderMaintenance) {
        this(identifier, uuid, name, node, status, suspended, allocationLimit, allocations, permissions, transferring,
                nodeUnderMaintenance, null, null, List.of());
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

    /** A server that is neither transferring nor on a node under maintenance. */
    public Server(String identifier, String uuid, String name, String node, String status, boolean suspended,
                  int allocationLimit, List<Allocation> allocations, Set<String> permissions) {
        this(identifier, uuid, name, node, status, suspended, allocationLimit, allocations, permissions, false, false,
                null, null, List.of());
    }

    /** The same server with these allocations (e.g. read from the allocations endpoint). */
    public Server withAllocations(List<Allocation> list) {
        return new Server(identifier, uuid, name, node, status, suspended, allocationLimit, list, permissions,
                transferring, nodeUnderMaintenance, dockerImage, egg, variables);
    }

    /**
     * Why the panel refuses changes to this server right now (409 ServerStateConflictException), in the panels' order,
     * or null when nothing blocks: "suspended", "node under maintenance", "installing", "install failed",
     * "restoring a backup", "transferring". A failed reinstall does not block.
     */
    public String blockedBy() {
        if (suspended || "suspended".equals(status)) {
            return "suspended";
        }
        if (nodeUnderMaintenance) {
            return "node under maintenance";
        }
        if ("installing".equals(status) || "install_failed".equals(status)) {
            return status.equals("installing") ? "installing" : "install failed";
        }
        if ("restoring_backup".equals(status)) {
            return "restoring a backup";
        }
        return transferring ? "transferring" : null;
    }

    /** Whether the key may do what `permission` (e.g. "allocation.update") names on this server. */
    public boolean can(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }

    public Allocation primaryAllocation() {
        return allocations.stream().filter(Allocation::primary).findFirst().orElse(null);
    }
}
