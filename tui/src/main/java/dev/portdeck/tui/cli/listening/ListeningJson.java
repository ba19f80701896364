package dev.portdeck.tui.cli.listening;

import dev.portdeck.probe.AddressText;
import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.LocalSocket;
import dev.portdeck.probe.local.Owner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of what listens, for `listening --json` and `probe --listening --json` alike:
 * {@code {"state", "here", "tcp": [socket...], "udp": [socket...], "reason"}}, a socket being
 * {@code {"address", "port", "family", "owner", "pid", "process", "docker_target"}}.
 */
final class ListeningJson {

    private ListeningJson() {
    }

    static Map<String, Object> listening(Listening l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", l.word());
        m.put("here", l.here());
        m.put("tcp", sockets(l, Transport.TCP));
        m.put("udp", sockets(l, Transport.UDP));
        if (l instanceof Listening.NotThisMachine away) {
            m.put("reason", away.address() + " is not an address of this machine");
        } else if (l instanceof Listening.Unknown unknown) {
            m.put("reason", unknown.reason());
        }
        return m;
    }

    static Map<String, Object> diagnosis(Diagnosis d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finding", d.finding().word());
        m.put("sentence", d.sentence());
        return m;
    }

    /** The sockets of one transport, [] when nothing is bound, null when not known (not this machine). */
    private static List<Map<String, Object>> sockets(Listening l, Transport transport) {
        if (!l.here()) {
            return null;
        }
        if (!(l instanceof Listening.Bound bound)) {
            return List.of();
        }
        return bound.sockets(transport).stream().map(ListeningJson::socket).toList();
    }

    private static Map<String, Object> socket(LocalSocket s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", AddressText.of(s.address()));
        m.put("port", s.port());
        m.put("family", s.family());
        m.put("owner", s.owner().text());
        Owner.Process p = s.owner() instanceof Owner.Process process ? process : null;
        m.put("pid", p == null ? null : p.pid());
        m.put("process", p == null ? null : p.name());
        m.put("docker_target", p == null ? null : p.dockerTarget());
        return m;
    }
}
