package dev.portdeck.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads target specs as people type them: {@code host:port}, {@code [v6]:port}, {@code host:from-to}, and comma lists
 * where an item without a host reuses the previous one ({@code 127.0.0.1:80,443,8000-8010}). Duplicates are dropped,
 * order is kept. Bad input throws {@link IllegalArgumentException} with one sentence that names the offending part.
 */
public final class TargetParser {

    /** The most ports one spec may expand to (one full range). */
    public static final int MAX_PORTS_PER_SPEC = 65535;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6_BODY = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");
    private static final String FORMS = "expected host:port, [v6]:port or host:from-to";

    private TargetParser() {
    }

    /** Every spec in order, each expanded; duplicates across specs are dropped too. */
    public static List<Target> parseAll(Collection<String> specs) {
        Set<Target> all = new LinkedHashSet<>();
        for (String spec : specs) {
            all.addAll(parse(spec));
        }
        return List.copyOf(all);
    }

    /** One spec, possibly a comma list, expanded to targets. */
    public static List<Target> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("The target is empty; " + FORMS + ".");
        }
        Set<Target> targets = new LinkedHashSet<>();
        String host = null;
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("'" + spec + "' has an empty item between commas.");
            }
            if (item.contains("://")) {
                String hostPort = item.substring(item.indexOf("://") + 3).replaceAll("/.*$", "");
                hostPort = hostPort.matches(".*:\\d+") ? hostPort : hostPort + ":PORT";
                throw new IllegalArgumentException("'" + item + "' is a URL; a target is host:port, e.g. " + hostPort + ".");
            }
            String ports;
            if (isPortsOnly(item)) {
                if (host == null) {
                    throw new IllegalArgumentException("'" + item + "' has no host; " + FORMS + ".");
                }
                ports = item;
            } else {
                int split = hostEnd(item);
                host = host(item, split);
                ports = portsPart(item, split);
            }
            addRange(targets, host, ports, spec);
        }
        return List.copyOf(targets);
    }

    private static boolean isPortsOnly(String item) {
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Index of the ':' that separates host and ports. */
    private static int hostEnd(String item) {
        if (item.startsWith("[")) {
            int close = item.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + item + "' has an unclosed '['; write IPv6 as [::1]:25565.");
            }
            if (close + 1 >= item.length() || item.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + item + "' has no port after ']'; write IPv6 as [::1]:25565.");
            }
            return close + 1;
        }
        int first = item.indexOf(':');
        if (first < 0) {
            throw new IllegalArgumentException("'" + item + "' has no port; " + FORMS + ", e.g. " + item + ":25565.");
        }
        if (item.indexOf(':', first + 1) >= 0) {
            throw new IllegalArgumentException(
                    "'" + item + "' looks like an IPv6 address without brackets; write it as [::1]:25565.");
        }
        return first;
    }

    private static String host(String item, int split) {
        if (item.startsWith("[")) {
            String v6 = item.substring(1, split - 1);
            if (v6.indexOf(':') < 0 || !IPV6_BODY.matcher(v6).matches()) {
                throw new IllegalArgumentException("'[" + v6 + "]' is not an IPv6 address.");
            }
            return v6;
        }
        String host = item.substring(0, split);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("'" + item + "' has no host; " + FORMS + ".");
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name or IPv4 address.");
        }
        return host;
    }

    private static String portsPart(String item, int split) {
        String ports = item.substring(split + 1);
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("'" + item + "' has no port after ':'; " + FORMS + ".");
        }
        return ports;
    }

    private static void addRange(Set<Target> targets, String host, String ports, String spec) {
        if (ports.startsWith("-")) {
            throw new IllegalArgumentException("'" + ports + "' is not a port: ports are 1-65535, and a range is"
                    + " written from-to, e.g. 80-90.");
        }
        int dash = ports.indexOf('-');
        int from = port(dash < 0 ? ports : ports.substring(0, dash));
        int to = dash < 0 ? from : port(ports.substring(dash + 1));
        if (to < from) {
            throw new IllegalArgumentException(
                    "The range " + ports + " runs backwards; write it as " + to + "-" + from + ".");
        }
        if (targets.size() + (to - from + 1) > MAX_PORTS_PER_SPEC) {
            throw new IllegalArgumentException(
                    "'" + spec + "' expands to more than " + MAX_PORTS_PER_SPEC + " ports; split it up.");
        }
        List<Target> range = new ArrayList<>(to - from + 1);
        for (int p = from; p <= to; p++) {
            range.add(new Target(host, p, null));
        }
        targets.addAll(range);
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 6 || !isPortsOnly(text) || text.indexOf('-') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a port number (1-65535).");
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 1-65535.");
        }
        return port;
    }
}
