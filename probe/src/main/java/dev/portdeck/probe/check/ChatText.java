package dev.portdeck.probe.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Minecraft's chat components as plain text: a string, or an object with "text" (or a "translate" key) and "extra"
 * children, or an array of those, in order. Styles are dropped; depth and length are bounded.
 */
final class ChatText {

    private static final int MAX_DEPTH = 32;

    private ChatText() {
    }

    /** The text of {@code component} (at most {@code maxLength} characters), or null when there is none. */
    static String flatten(JsonNode component, int maxLength) {
        if (component == null || component.isNull() || component.isMissingNode()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        append(component, 0, out, maxLength);
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }

    private static void append(JsonNode node, int depth, StringBuilder out, int maxLength) {
        if (depth > MAX_DEPTH || out.length() > maxLength) {
            return;
        }
        if (node.isValueNode()) {
            out.append(node.asText());
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                append(child, depth + 1, out, maxLength);
            }
        } else if (node.isObject()) {
            JsonNode text = node.get("text");
            if (text != null && text.isValueNode()) {
                out.append(text.asText());
            } else if (node.path("translate").isTextual()) {
                out.append(node.get("translate").asText());
            }
            JsonNode extra = node.get("extra");
            if (extra != null && extra.isArray()) {
                append(extra, depth + 1, out, maxLength);
            }
        }
    }
}
