package dev.portdeck.probe.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON from a service (a Minecraft status, FiveM's info), read on the selector thread. That is fine because what
 * reaches it is already capped (at most ~100 KiB), nesting is limited to {@link #MAX_DEPTH}, and such a parse takes
 * well under a millisecond; handing it to another thread would cost more than it saves.
 */
final class JsonReply {

    static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    static {
        try {
            MAPPER.readTree("{\"warm\":[1,\"up\",{}]}"); // loads the parser's classes now, not during a sweep
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JsonReply() {
    }

    /** Loads and warms the parser; call off the selector thread before the first check that needs it. */
    static void prepare() {
        // the static initializer did the work
    }

    /** Strict UTF-8: a reply with invalid bytes is refused rather than guessed at. */
    static String utf8(byte[] bytes, int offset, int length, String what) throws BadReply {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new BadReply(what + " is not valid UTF-8");
        }
    }

    static JsonNode parse(String text, String what) throws BadReply {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isContainerNode()) {
                throw new BadReply(what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new BadReply(what + " is not valid JSON");
        }
    }

    /** A whole number field as an int (clamped), or null when absent or not a number (a numeric string counts). */
    static Integer integer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return clamp(node.asDouble());
        }
        if (node.isTextual()) {
            try {
                return clamp(Double.parseDouble(node.asText().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Integer clamp(double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d));
    }

    /** A text field, cleaned, or null when absent or not a scalar. */
    static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : ServiceText.clean(node.asText());
    }
}
