package dev.portdeck.tui.docs;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.sim.DemoWorld;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's own ports (127.0.0.2:25565, ...) and the ones a demo panel really holds. Another program on this machine
 * (another demo, a test) may hold one, and the simulator then takes an ephemeral port instead: a documented
 * `127.0.0.2:25565` is then sent to the port the demo holds, and its output names the demo's own port again, as a free
 * machine shows it. Read from the server list as the panel starts, before any command changes it.
 */
final class DemoPortMap {

    private static final Pattern ADDRESS = Pattern.compile("(127\\.0\\.0\\.[23]):(\\d+)");

    private final Map<String, Integer> actualByWanted = new HashMap<>();
    private final Map<Integer, Integer> wantedByActual = new HashMap<>();
    private boolean rangeOverMovedPort;

    static DemoPortMap of(List<Server> servers) {
        DemoPortMap map = new DemoPortMap();
        for (DemoWorld.ServerSpec spec : DemoWorld.standard().servers()) {
            List<Allocation> held = servers.stream().filter(s -> s.name().equals(spec.name())).findFirst()
                    .map(s -> s.allocations().stream().sorted(Comparator.comparingLong(Allocation::id)).toList())
                    .orElse(List.of());
            for (int i = 0; i < Math.min(held.size(), spec.ports().size()); i++) {
                int wanted = spec.ports().get(i).port();
                Allocation a = held.get(i);
                if (a.port() != wanted) {
                    map.actualByWanted.put(a.ip() + ":" + wanted, a.port());
                    map.wantedByActual.put(a.port(), wanted);
                }
            }
        }
        return map;
    }

    static DemoPortMap none() {
        return new DemoPortMap();
    }

    /** Whether a documented range covers a demo address whose port moved: its output cannot be the documented one. */
    boolean rangeOverMovedPort() {
        return rangeOverMovedPort;
    }

    /** The argument with each demo ip:port (also `ip:port,port` lists) written as the port the panel holds. */
    String toHeld(String arg) {
        if (actualByWanted.isEmpty() || !ADDRESS.matcher(arg).find()) {
            return arg;
        }
        List<String> items = new ArrayList<>();
        String host = null;
        for (String item : arg.split(",", -1)) {
            Matcher m = ADDRESS.matcher(item);
            String port = item;
            if (m.matches()) {
                host = m.group(1);
                port = m.group(2);
            }
            if (host != null && port.matches("\\d+")) {
                Integer held = actualByWanted.get(host + ":" + port);
                port = held == null ? port : held.toString();
            } else if (host != null && port.contains("-")) {
                rangeOverMovedPort = true;
            }
            items.add(m.matches() ? host + ":" + port : port);
        }
        return String.join(",", items);
    }

    /** The text with each port the panel took instead of a demo port written as the demo port. */
    String toWanted(String text) {
        for (Map.Entry<Integer, Integer> e : wantedByActual.entrySet()) {
            text = text.replaceAll("\\b" + e.getKey() + "\\b", e.getValue().toString());
        }
        return text;
    }
}
