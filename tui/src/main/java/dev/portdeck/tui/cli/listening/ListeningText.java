package dev.portdeck.tui.cli.listening;

import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.LocalSocket;
import dev.portdeck.probe.local.Owner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What listens, as text for the terminal: `listening`'s cells and summary, `probe --listening`'s mark. */
public final class ListeningText {

    /** One row of `portdeck listening`: state, TCP and UDP bound addresses, processes. */
    public record Cells(String state, String tcp, String udp, String process) {
    }

    private ListeningText() {
    }

    public static Cells cells(Listening l) {
        if (l instanceof Listening.Bound b) {
            String owners = b.owners().stream().map(Owner::text).distinct().collect(Collectors.joining(", "));
            return new Cells("listening", addresses(b, Transport.TCP), addresses(b, Transport.UDP), owners);
        }
        if (l instanceof Listening.NotListening) {
            return new Cells("not listening", "-", "-", "-");
        }
        return new Cells(l instanceof Listening.NotThisMachine ? "not this machine" : "unknown", "?", "?", "");
    }

    /** probe's LISTEN column: "tcp: java", "tcp+udp: java, docker-proxy", "nothing", "not here", "?". */
    public static String mark(Listening l) {
        if (l instanceof Listening.Bound b) {
            String protocols = b.bound(Transport.TCP) ? (b.bound(Transport.UDP) ? "tcp+udp" : "tcp") : "udp";
            return protocols + ": " + b.owners().stream().map(Owner::name).distinct().collect(Collectors.joining(", "));
        }
        if (l instanceof Listening.NotListening) {
            return "nothing";
        }
        return l instanceof Listening.NotThisMachine ? "not here" : "?";
    }

    /** "5 ports: 3 listening, 1 not listening, 1 not this machine", then what could not be seen, and why. */
    static List<String> summary(List<Listening> answers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> elsewhere = new LinkedHashSet<>();
        boolean hidden = false;
        String unknown = null;
        for (Listening l : answers) {
            counts.merge(cells(l).state(), 1, Integer::sum);
            if (l instanceof Listening.NotThisMachine away) {
                elsewhere.add(away.address());
            } else if (l instanceof Listening.Unknown u) {
                unknown = u.reason();
            } else if (l instanceof Listening.Bound b) {
                hidden |= b.owners().stream().anyMatch(o -> o instanceof Owner.NotPermitted);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(answers.size() + (answers.size() == 1 ? " port: " : " ports: ") + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (!elsewhere.isEmpty()) {
            lines.add("Not this machine: " + String.join(", ", elsewhere) + " (run portdeck listening on the node"
                    + " that holds " + (elsewhere.size() == 1 ? "it" : "them") + ").");
        }
        if (hidden) {
            lines.add("Other users' processes are hidden: run as root (sudo) to name them.");
        }
        if (unknown != null) {
            lines.add("Cannot see this machine's sockets: " + unknown + ".");
        }
        return lines;
    }

    private static String addresses(Listening.Bound b, Transport transport) {
        List<LocalSocket> sockets = b.sockets(transport);
        return sockets.isEmpty() ? "-"
                : sockets.stream().map(LocalSocket::addressText).distinct().collect(Collectors.joining(" "));
    }
}
