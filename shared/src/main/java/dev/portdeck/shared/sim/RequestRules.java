package dev.portdeck.shared.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portdeck.shared.client.IpLiteral;

/** Validation of request bodies, with Laravel's messages and `meta.rule` names. */
final class RequestRules {

    private RequestRules() {
    }

    /** `ip`: absent/null, or an IP literal. */
    static String ip(JsonNode body) {
        JsonNode ip = body.get("ip");
        if (ip == null || ip.isNull()) {
            return null;
        }
        String text = ip.isTextual() ? ip.asText().strip() : "";
        if (!IpLiteral.isLiteral(text)) {
            throw ApiError.validation("ip", "ip", "The ip must be a valid IP address.");
        }
        return text;
    }

    /** `port`: absent/null, or an integer 1..65535 (a numeric string counts, as in Laravel). */
    static Integer port(JsonNode body) {
        JsonNode port = body.get("port");
        if (port == null || port.isNull()) {
            return null;
        }
        long value;
        if (port.isIntegralNumber()) {
            value = port.asLong();
        } else if (port.isTextual() && port.asText().strip().matches("\\d{1,6}")) {
            value = Long.parseLong(port.asText().strip());
        } else {
            throw ApiError.validation("port", "integer", "The port must be an integer.");
        }
        if (value < 1 || value > 65535) {
            throw ApiError.validation("port", "between", "The port must be between 1 and 65535.");
        }
        return (int) value;
    }

    /**
     * `notes`: per flavor, max 255 or 256 characters; real panels require the key to be present, trim the text first
     * and store a blank note as null. "" clears.
     */
    static String notes(JsonNode body, Flavor flavor) {
        JsonNode notes = body.get("notes");
        if (notes == null) {
            if (flavor.notesKeyRequired()) {
                throw ApiError.validation("notes", "present", "The notes field must be present.");
            }
            return null;
        }
        if (notes.isNull()) {
            return null;
        }
        if (!notes.isTextual()) {
            throw ApiError.validation("notes", "string", "The notes must be a string.");
        }
        String text = flavor.trimsNotes() ? notes.asText().strip() : notes.asText();
        int max = flavor.notesMaxLength();
        if (text.codePointCount(0, text.length()) > max) {
            throw ApiError.validation("notes", "max", "The notes must not be greater than " + max + " characters.");
        }
        return text.isEmpty() ? null : text; // Laravel turns empty strings into null
    }
}
