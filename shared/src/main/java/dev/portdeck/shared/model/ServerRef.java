package dev.portdeck.shared.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a user typed to name a server: a short id, a UUID, or (part of) a name. */
public sealed interface ServerRef {

    Pattern SHORT_ID = Pattern.compile("[0-9a-f]{8}");
    Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record ShortId(String value) implements ServerRef { }

    record Uuid(String value) implements ServerRef { }

    record Name(String value) implements ServerRef { }

    static ServerRef parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (UUID.matcher(lower).matches()) {
            return new Uuid(lower);
        }
        if (SHORT_ID.matcher(lower).matches()) {
            return new ShortId(lower);
        }
        return new Name(t);
    }

    /** The text as typed. */
    String value();

    /** Exact match on the kind of reference (names compare case-insensitively). */
    default boolean matches(Server server) {
        if (this instanceof ShortId) {
            return value().equals(server.identifier());
        }
        if (this instanceof Uuid) {
            return value().equalsIgnoreCase(server.uuid());
        }
        return value().equalsIgnoreCase(server.name());
    }
}
