package dev.portdeck.tui.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The --json documents: snake_case field names that scripts may rely on, one document per command. */
public final class JsonOut {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new InvisibleEscapes());
    }
    /** Two-space indentation, one element per line, `"key": value`: what jq and people expect. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);

    private JsonOut() {
    }

    /**
     * Besides what JSON must escape, the characters that would reorder or hide text on a terminal: bidi controls,
     * zero-width characters, C1 controls and line separators come out as \\uXXXX. The document means the same.
     */
    private static final class InvisibleEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean hidden = Character.getType(ch) == Character.FORMAT || Character.isISOControl(ch)
                    || ch == 0x2028 || ch == 0x2029;
            return hidden ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }

    public static void print(PrintWriter out, Object document) {
        try {
            out.println(JSON.writer(PRETTY).writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line, no spaces: for a field inside an NDJSON line. */
    public static String compact(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> allocation(Allocation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("ip", a.ip());
        m.put("ip_alias", a.ipAlias());
        m.put("port", a.port());
        m.put("address", a.address());
        m.put("primary", a.primary());
        m.put("notes", a.notes());
        return m;
    }

    public static Map<String, Object> server(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.identifier());
        m.put("uuid", s.uuid());
        m.put("name", s.name());
        m.put("node", s.node());
        m.put("status", s.status());
        m.put("suspended", s.suspended());
        m.put("transferring", s.transferring());
        m.put("node_under_maintenance", s.nodeUnderMaintenance());
        m.put("allocations", s.allocations().size());
        m.put("allocation_limit", s.allocationLimit());
        return m;
    }

    /** A server named in a mutation's result. */
    public static Map<String, Object> serverRef(Server s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.identifier());
        m.put("name", s.name());
        return m;
    }

    /** The document a mutation prints: {"server": {id, name}, "<key>": the allocation}. */
    public static Map<String, Object> change(Server s, String key, Allocation a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("server", serverRef(s));
        doc.put(key, allocation(a));
        return doc;
    }
}
