package dev.portdeck.shared.client;

import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.model.AssignRequest;

/** Input the panel would refuse, refused before sending, with the strictest panel's limits. Callers may check early. */
public final class RequestChecks {

    /** The documented contract allows 255; Pterodactyl and Pelican 256. */
    public static final int MAX_NOTES = 255;

    private RequestChecks() {
    }

    public static String server(String server) {
        if (server == null || server.isBlank()) {
            throw new InvalidInput("server", "no server given: name one by short id, UUID or name");
        }
        return server.strip();
    }

    public static void allocationId(long id) {
        if (id <= 0) {
            throw new InvalidInput("allocation", "allocation ids are positive numbers, not " + id);
        }
    }

    public static void notes(String notes) {
        if (notes != null && notes.codePointCount(0, notes.length()) > MAX_NOTES) {
            throw new InvalidInput("notes", "notes may be at most " + MAX_NOTES + " characters long, these are "
                    + notes.codePointCount(0, notes.length()));
        }
    }

    public static void assign(AssignRequest request) {
        if (request.port() != null && (request.port() < 1 || request.port() > 65535)) {
            throw new InvalidInput("port", "a port is a number from 1 to 65535, not " + request.port());
        }
        if (request.ip() != null && !IpLiteral.isLiteral(request.ip())) {
            throw new InvalidInput("ip", "\"" + request.ip() + "\" is not an IPv4 or IPv6 address"
                    + " (host names are not accepted)");
        }
    }
}
