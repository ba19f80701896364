package dev.portdeck.probe.local;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Check.Transport;
import dev.portdeck.probe.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One sentence that combines what listens on this machine, what a probe from here saw, and what other vantage points
 * saw, into what is probably wrong: "listening here (docker-proxy) but the game does not answer", "not listening: the
 * server is down", "listening here (java), answers here, not reachable from vantage X: firewall or NAT". Pure: the
 * table in docs/listening.md lists every combination.
 *
 * @param finding  the kind of answer, for colours, counts and exit codes
 * @param sentence what a person reads
 */
public record Diagnosis(Finding finding, String sentence) {

    /** What the answers add up to. */
    public enum Finding {
        /** It answers (and, when known, listens here), from everywhere that looked. */
        UP,
        /** Something listens here; nobody probed it. */
        LISTENING,
        /** Nothing listens (or the port refuses): the server is down. */
        DOWN,
        /** The port accepts connections but the game does not answer its own protocol. */
        HUNG,
        /** It listens or answers here, but the way in is blocked: a firewall or NAT. */
        BLOCKED,
        /** An answer that proves little: only Docker's proxy answered, or a UDP question met silence. */
        UNPROVEN,
        /** No answer, and what listens there cannot be seen from here. */
        SILENT,
        /** Not enough to go on: not this machine and not probed, or the probe itself failed. */
        UNKNOWN;

        /** The word in JSON: up, listening, down, hung, blocked, unproven, silent, unknown. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What another place saw, e.g. a second agent's latest probe of the same allocation.
     *
     * @param name the vantage point's label
     * @param up   whether the allocation answered from there
     */
    public record Vantage(String name, boolean up) {
        public Vantage {
            Objects.requireNonNull(name, "name");
        }
    }

    public Diagnosis {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(sentence, "sentence");
    }

    /** Nothing to worry about: it answers, or it listens and nobody asked it. */
    public boolean simplyUp() {
        return finding == Finding.UP || finding == Finding.LISTENING;
    }

    /** From the listening answer alone, before or without a probe. */
    public static Diagnosis of(Listening listening) {
        return of(listening, null, null, List.of());
    }

    /**
     * @param listening what listens on this machine
     * @param check     the question the probe asked (null: none, or a TCP connect)
     * @param outcome   what the probe from this machine saw, or null when it did not probe
     * @param vantages  what other places saw; may be empty
     */
    public static Diagnosis of(Listening listening, Check check, Outcome outcome, List<Vantage> vantages) {
        Seen seen = new Seen(check == null ? Check.TCP : check, outcome, List.copyOf(vantages));
        if (listening instanceof Listening.Bound bound) {
            List<LocalSocket> relevant = outcome == null ? bound.sockets() : bound.sockets(seen.check.transport());
            if (relevant.isEmpty()) {
                Transport other = seen.check.transport() == Transport.TCP ? Transport.UDP : Transport.TCP;
                return notListening(seen, " on " + upper(seen.check.transport()) + " (only " + upper(other)
                        + " is bound here, by " + names(bound) + ")");
            }
            return bound(new Listening.Bound(relevant), seen);
        }
        if (listening instanceof Listening.NotListening) {
            return notListening(seen, "");
        }
        return elsewhere(listening, seen);
    }

    /** Sockets are bound here on the port, for the probe's transport. */
    private static Diagnosis bound(Listening.Bound bound, Seen seen) {
        String here = (bound.sockets(Transport.TCP).isEmpty() ? "bound here (" : "listening here (") + names(bound) + ")";
        Outcome o = seen.outcome;
        if (o == null) {
            if (seen.vantages.isEmpty()) {
                return new Diagnosis(Finding.LISTENING, here);
            }
            return seen.downFrom().isEmpty() ? new Diagnosis(Finding.UP, here + ", up from every vantage point")
                    : new Diagnosis(Finding.BLOCKED, here + ", " + seen.notReachable() + ": firewall or NAT");
        }
        if (o instanceof Outcome.Open) {
            return boundAndOpen(bound, here, seen);
        }
        if (o instanceof Outcome.Unresponsive) {
            return new Diagnosis(Finding.HUNG, here + " but " + who(seen) + " does not answer" + (bound.onlyDockerProxy()
                    ? ": it is down or hung inside its container"
                    : ": hung, still starting, or another program holds the port") + seen.upElsewhere());
        }
        if (o instanceof Outcome.OpenOrFiltered) {
            return new Diagnosis(Finding.UNPROVEN, here + " but the UDP question got no answer: the game ignores it,"
                    + " or a firewall drops it" + seen.upElsewhere());
        }
        if (o instanceof Outcome.Closed) {
            return new Diagnosis(Finding.BLOCKED, here + " but the probe was refused: a firewall rejects it"
                    + seen.upElsewhere());
        }
        if (o instanceof Outcome.Filtered) {
            return new Diagnosis(Finding.BLOCKED, here + " but not reachable: a firewall drops the probe"
                    + seen.upElsewhere());
        }
        if (o instanceof Outcome.Unreachable u) {
            return new Diagnosis(Finding.BLOCKED, here + " but not reachable, a firewall or the route: "
                    + u.reason() + seen.upElsewhere());
        }
        return new Diagnosis(Finding.UNKNOWN, here + "; " + probeFailed(o) + seen.upElsewhere());
    }

    private static Diagnosis boundAndOpen(Listening.Bound bound, String here, Seen seen) {
        boolean bareConnect = seen.check.transport() == Transport.TCP && !seen.check.asksTheService();
        if (bound.onlyDockerProxy() && bareConnect) {
            String outside = seen.downFrom().isEmpty() ? "" : "; " + seen.notReachable();
            return new Diagnosis(Finding.UNPROVEN, here + ": only Docker's proxy answered, and it accepts even when"
                    + " the game is down: ask the game itself" + outside);
        }
        if (!seen.downFrom().isEmpty()) {
            return new Diagnosis(Finding.BLOCKED, here + ", answers here, " + seen.notReachable() + ": firewall or NAT");
        }
        return new Diagnosis(Finding.UP, here + (seen.check.asksTheService() ? " and " + who(seen) + " answers" : " and answers"));
    }

    /** Who a check asks: an https check that gets no answer is a silent web server (a map, txAdmin), not a game. */
    private static String who(Seen seen) {
        return seen.check == Check.HTTP || seen.check == Check.HTTPS ? "the web server" : "the game";
    }

    /** This machine holds the address and nothing is bound to the port (for the probe's transport). */
    private static Diagnosis notListening(Seen seen, String note) {
        Outcome o = seen.outcome;
        if (o instanceof Outcome.Open) {
            return new Diagnosis(Finding.UP, "answers, though nothing here listens" + note
                    + ": something forwards the port (NAT, or Docker without its proxy)");
        }
        if (o instanceof Outcome.Unresponsive) {
            return new Diagnosis(Finding.HUNG, "accepts connections though nothing here listens" + note
                    + " (NAT or Docker forwards it), but " + who(seen) + " does not answer");
        }
        if (!seen.upFrom().isEmpty()) {
            return new Diagnosis(Finding.UNKNOWN, "not listening here" + note + ", yet up from "
                    + places(seen.upFrom()) + ": another machine serves it");
        }
        return new Diagnosis(Finding.DOWN, "not listening" + note + ": the server is down");
    }

    /** What listens cannot be seen from here: the probe's answers alone. */
    private static Diagnosis elsewhere(Listening listening, Seen seen) {
        Outcome o = seen.outcome;
        if (o == null) {
            return elsewhereUnprobed(listening, seen);
        }
        if (o instanceof Outcome.Open) {
            return seen.downFrom().isEmpty() ? new Diagnosis(Finding.UP, "answers")
                    : new Diagnosis(Finding.BLOCKED, "answers here, " + seen.notReachable() + ": firewall or NAT");
        }
        if (o instanceof Outcome.Unresponsive) {
            return new Diagnosis(Finding.HUNG, "the port accepts connections but " + who(seen) + " does not answer: hung, still"
                    + " starting, or a proxy in front" + seen.upElsewhere());
        }
        if (o instanceof Outcome.OpenOrFiltered) {
            return new Diagnosis(Finding.SILENT, "no answer to the UDP question: the game ignores it, or a firewall"
                    + " drops it" + seen.upElsewhere());
        }
        if (o instanceof Outcome.Closed) {
            return new Diagnosis(Finding.DOWN, "refused: nothing listens on the port there, the server looks down"
                    + seen.upElsewhere());
        }
        if (o instanceof Outcome.Filtered) {
            return new Diagnosis(Finding.SILENT, "no answer: a firewall drops the probe, or the host is down"
                    + seen.upElsewhere());
        }
        if (o instanceof Outcome.Unreachable u) {
            return new Diagnosis(Finding.SILENT, "unreachable, a firewall or the route: " + u.reason()
                    + seen.upElsewhere());
        }
        return new Diagnosis(Finding.UNKNOWN, probeFailed(o) + seen.upElsewhere());
    }

    private static Diagnosis elsewhereUnprobed(Listening listening, Seen seen) {
        if (seen.vantages.isEmpty()) {
            return new Diagnosis(Finding.UNKNOWN, listening instanceof Listening.Unknown u
                    ? "cannot see this machine's sockets: " + u.reason()
                    : "not this machine: run portdeck on the node to see what listens");
        }
        if (seen.downFrom().isEmpty()) {
            return new Diagnosis(Finding.UP, "up from every vantage point");
        }
        if (seen.upFrom().isEmpty()) {
            return new Diagnosis(Finding.SILENT, "not reachable from any vantage point");
        }
        return new Diagnosis(Finding.BLOCKED, seen.notReachable() + ", up from " + places(seen.upFrom())
                + ": firewall or NAT");
    }

    private static String probeFailed(Outcome o) {
        if (o instanceof Outcome.DnsError d) {
            return "the probe could not resolve the name: " + d.reason();
        }
        return "the probe failed on this machine: " + (o instanceof Outcome.LocalError l ? l.reason() : o.word());
    }

    /** The distinct short names of the owners: "java", "docker-proxy, java", "unknown process". */
    private static String names(Listening.Bound bound) {
        return String.join(", ", bound.owners().stream().map(Owner::name).distinct().toList());
    }

    private static String upper(Transport t) {
        return t.name();
    }

    private static String places(List<String> names) {
        return (names.size() == 1 ? "vantage " : "vantages ") + String.join(", ", names);
    }

    /** The probe's question and answer, and the other places' answers. */
    private record Seen(Check check, Outcome outcome, List<Vantage> vantages) {

        List<String> downFrom() {
            return vantages.stream().filter(v -> !v.up()).map(Vantage::name).toList();
        }

        List<String> upFrom() {
            return vantages.stream().filter(Vantage::up).map(Vantage::name).toList();
        }

        String notReachable() {
            return "not reachable from " + places(downFrom());
        }

        /** "; answers from vantage X" when another place got an answer, else "". */
        String upElsewhere() {
            return upFrom().isEmpty() ? "" : "; answers from " + places(upFrom());
        }
    }
}
