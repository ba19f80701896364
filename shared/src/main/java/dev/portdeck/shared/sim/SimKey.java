package dev.portdeck.shared.sim;

import dev.portdeck.shared.client.ApiKey;
import java.util.List;

/**
 * An API key the simulated panel knows, with what it may do.
 *
 * @param key         the secret
 * @param permissions e.g. ["*"] for the owner, ["allocation.read"] for a read-only subuser
 * @param owner       meta.is_server_owner
 * @param application an application (ptla_/papp_) key, refused by the client API
 */
record SimKey(ApiKey key, List<String> permissions, boolean owner, boolean application) {

    SimKey {
        permissions = List.copyOf(permissions);
    }

    boolean can(String permission) {
        return permissions.contains("*") || permissions.contains(permission);
    }

    @Override
    public String toString() {
        return "SimKey[" + permissions + ", owner=" + owner + "]";
    }
}
