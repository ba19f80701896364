package dev.portdeck.tui.dashboard.table;

import dev.portdeck.probe.Outcome;
import dev.portdeck.tui.dashboard.theme.Tone;

/**
 * Every kind of probe {@link Outcome} as the dashboard shows it: the STATE word, whether it counts as up, its tone,
 * and why, in the prober's words. Each case is named; a new kind of outcome fails here (and in its test) until it is
 * given its words.
 */
public final class Verdicts {

    /** How one outcome reads on screen. */
    public record Verdict(String word, boolean up, Tone tone, String reason) {
    }

    private Verdicts() {
    }

    public static Verdict of(Outcome o) {
        if (o instanceof Outcome.Open) {
            return new Verdict("open", true, Tone.GOOD, "");
        }
        if (o instanceof Outcome.Unresponsive u) {
            return new Verdict("no reply", false, Tone.WARN, "the port accepts connections but the service did not "
                    + "answer: " + u.reason());
        }
        if (o instanceof Outcome.OpenOrFiltered f) {
            return new Verdict("silent", false, Tone.WARN, "no UDP reply within " + f.waited().toMillis()
                    + " ms: open and quiet, or dropped by a firewall");
        }
        if (o instanceof Outcome.Closed) {
            return new Verdict("closed", false, Tone.BAD, "refused (nothing listens)");
        }
        if (o instanceof Outcome.Filtered f) {
            return new Verdict("filtered", false, Tone.BAD, "no answer within " + f.waited().toMillis() + " ms");
        }
        if (o instanceof Outcome.Unreachable u) {
            return new Verdict("no route", false, Tone.BAD, "unreachable: " + u.reason());
        }
        if (o instanceof Outcome.DnsError d) {
            return new Verdict("dns-error", false, Tone.BAD, "name lookup failed: " + d.reason());
        }
        if (o instanceof Outcome.LocalError e) {
            return new Verdict("local", false, Tone.WARN, "local problem: " + e.reason());
        }
        throw new IllegalStateException("no words for the outcome " + o.getClass().getSimpleName());
    }
}
