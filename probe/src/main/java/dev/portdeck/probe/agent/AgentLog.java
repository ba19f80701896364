package dev.portdeck.probe.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's log: one line per state change (an allocation down or up, the panel down or up), never colours. Text
 * lines are logfmt, as Prometheus' own tools write them ({@code ts=… level=warn msg="allocation down" server=…});
 * {@link Format#JSON} writes one JSON object per line. Values from the panel are escaped, so a server name cannot
 * break a line or carry an escape sequence to a terminal.
 */
public final class AgentLog {

    /** How lines are written. */
    public enum Format {
        LOGFMT, JSON;

        /** "text"/"logfmt" or "json" (any case); null when neither. */
        public static Format parse(String word) {
            return switch (word == null ? "" : word.strip().toLowerCase(Locale.ROOT)) {
                case "text", "logfmt" -> LOGFMT;
                case "json" -> JSON;
                default -> null;
            };
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;
    private final Format format;
    private final Clock clock;

    public AgentLog(PrintWriter out, Format format) {
        this(out, format, Clock.systemUTC());
    }

    AgentLog(PrintWriter out, Format format, Clock clock) {
        this.out = out;
        this.format = format;
        this.clock = clock;
    }

    public void info(String message, Map<String, ?> fields) {
        write("info", message, fields);
    }

    public void warn(String message, Map<String, ?> fields) {
        write("warn", message, fields);
    }

    public void info(String message) {
        write("info", message, Map.of());
    }

    /** An ordered field list: {@code fields("server", id, "port", 25565)}. */
    public static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return m;
    }

    private void write(String level, String message, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ts", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        all.put("level", level);
        all.put("msg", message);
        fields.forEach((k, v) -> {
            if (v != null) {
                all.put(k, v);
            }
        });
        String line = format == Format.JSON ? json(all) : logfmt(all);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String logfmt(Map<String, Object> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(k).append('=');
            String s = String.valueOf(v);
            boolean bare = !s.isEmpty() && s.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '=' && c != '\\');
            b.append(bare ? s : quoted(s));
        });
        return b.toString();
    }

    static String json(Map<String, Object> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code s} in double quotes with quotes, backslashes and control characters escaped as in JSON: a logfmt value,
     * and the quoted name in blackbox's {@code Unknown module "x"}.
     */
    static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
