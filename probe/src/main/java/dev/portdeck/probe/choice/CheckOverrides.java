package dev.portdeck.probe.choice;

import dev.portdeck.probe.Check;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own checks per allocation, from the config file's `checks` entries:
 * <pre>
 * checks.1a7ce997.8123 = http      # server 1a7ce997 (its short id), port 8123
 * checks.127.0.0.2.25575 = tcp     # any target on 127.0.0.2 (an allocation's ip or alias, or a plain target), port 25575
 * </pre>
 * The key is {@code checks.<server id or host>.<port>}; the value a check's name (tcp, udp, minecraft, bedrock, a2s,
 * fivem, http, https). They win over "auto" but not over an explicit --check.
 */
public final class CheckOverrides {

    /** The key prefix in the config file. */
    public static final String PREFIX = "checks.";

    private final Map<String, Check> checks;

    private CheckOverrides(Map<String, Check> checks) {
        this.checks = Map.copyOf(checks);
    }

    public static CheckOverrides none() {
        return new CheckOverrides(Map.of());
    }

    /**
     * Reads entries whose keys have the prefix already removed ("1a7ce997.8123" → "http").
     *
     * @throws IllegalArgumentException naming the key, when a key has no port or a value is no check
     */
    public static CheckOverrides parse(Map<String, String> entries) {
        Map<String, Check> checks = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey().strip();
            int dot = key.lastIndexOf('.');
            String portText = dot < 0 ? "" : key.substring(dot + 1);
            if (dot < 1 || !portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1
                    || Integer.parseInt(portText) > 65535) {
                throw new IllegalArgumentException(PREFIX + key + " should be " + PREFIX + "SERVER-ID-OR-HOST.PORT,"
                        + " e.g. " + PREFIX + "1a7ce997.25575 = tcp");
            }
            Check check = Check.parse(e.getValue());
            if (check == null) {
                throw new IllegalArgumentException(PREFIX + key + " = \"" + e.getValue().strip() + "\" is no check;"
                        + " use one of " + words());
            }
            checks.put(normal(key.substring(0, dot)) + "." + Integer.parseInt(portText), check);
        }
        return new CheckOverrides(checks);
    }

    /** The override for port {@code port} of server {@code serverId} (may be null) on any of {@code hosts}, or null. */
    public CheckChoice find(String serverId, Collection<String> hosts, int port) {
        if (checks.isEmpty()) {
            return null;
        }
        if (serverId != null) {
            CheckChoice byServer = at(serverId, port);
            if (byServer != null) {
                return byServer;
            }
        }
        for (String host : hosts) {
            CheckChoice byHost = host == null ? null : at(host, port);
            if (byHost != null) {
                return byHost;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return checks.isEmpty();
    }

    private CheckChoice at(String qualifier, int port) {
        String key = normal(qualifier) + "." + port;
        Check check = checks.get(key);
        return check == null ? null : new CheckChoice(check, PREFIX + key + " in the config file");
    }

    /** Hosts compare without case and IPv6 brackets. */
    private static String normal(String qualifier) {
        return qualifier.strip().replaceAll("^\\[(.*)]$", "$1").toLowerCase(Locale.ROOT);
    }

    static String words() {
        StringBuilder b = new StringBuilder();
        for (Check c : Check.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(c.word());
        }
        return b.toString();
    }
}
