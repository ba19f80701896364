package dev.portdeck.shared.sim;

import java.util.Locale;

/**
 * Which panel the simulator imitates. The rules per flavor follow panel-compatibility.md: the documented contract,
 * Pterodactyl 1.11 and Pelican.
 */
public enum Flavor {
    /** The documented contract: honours a requested ip:port, refuses changes while the server runs. */
    DOCUMENTED,
    /** Pterodactyl 1.11: auto-assigns only (when the admin enabled it), primary undeletable, notes key must be present. */
    PTERODACTYL,
    /**
     * Pelican: like Pterodactyl, but the primary may be deleted (leaving the server without one) and creations are
     * throttled per server.
     */
    PELICAN;

    /** "documented", "pterodactyl" or "pelican" (any case) to the flavor. */
    public static Flavor parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown panel flavor '" + text + "': expected documented, pterodactyl or pelican", e);
        }
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Only the documented contract assigns the ip/port asked for; real panels ignore the body. */
    boolean honoursRequestedAddress() {
        return this == DOCUMENTED;
    }

    /** Only the documented contract refuses remove/set-primary while the server is not offline. */
    boolean requiresStoppedServer() {
        return this == DOCUMENTED;
    }

    boolean primaryDeletable() {
        return this == PELICAN;
    }

    int notesMaxLength() {
        return this == DOCUMENTED ? 255 : 256;
    }

    /** Pterodactyl and Pelican validate notes with `present|string|nullable|max:256`. */
    boolean notesKeyRequired() {
        return this != DOCUMENTED;
    }

    /** Laravel's TrimStrings and ConvertEmptyStringsToNull: real panels store notes trimmed, blank as null. */
    boolean trimsNotes() {
        return this != DOCUMENTED;
    }

    /** Real panels refuse deleting allocations of a server that has no allocation limit. */
    boolean refusesDeleteWithoutLimit() {
        return this != DOCUMENTED;
    }

    String clientKeyPrefix() {
        return this == PELICAN ? "pacc_" : "ptlc_";
    }

    String applicationKeyPrefix() {
        return this == PELICAN ? "papp_" : "ptla_";
    }
}
