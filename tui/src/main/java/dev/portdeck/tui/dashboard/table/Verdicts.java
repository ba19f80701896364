package dev.portdeck.tui.dashboard.table;

import dev.portdeck.probe.Outcome;
import dev.portdeck.tui.dashboard.theme.Glyphs;
import dev.portdeck.tui.dashboard.theme.Tone;

/**
 * Every kind of probe {@link Outcome} as the dashboard shows it: the STATE word (the engine's own, as `portdeck probe`
 * prints it), its mark, whether it counts as up, its tone, and why, in the prober's words. Each case is named; a new
 * kind of outcome fails here (and in its test) until it is given its words.
 */
public final class Verdicts {

    /** How one outcome reads on screen; `mark` is a {@link Mark}, drawn with the glyphs in use. */
    public record Verdict(String word, boolean up, Tone tone, String reason, Mark mark) {
    }

    /** ● answers, ~ accepts but does not answer, ? silent (UDP), ✕ down, ○ closed as expected. */
    public enum Mark {
        UP, HALF, UNSURE, DOWN, EXPECTED;

        public char in(Glyphs g) {
            return switch (this) {
                case UP -> g.open();
                case HALF -> '~';
                case UNSURE -> '?';
                case DOWN -> g.down();
                case EXPECTED -> g.expected();
            };
        }
    }

    private Verdicts() {
    }

    public static Verdict of(Outcome o) {
        if (o instanceof Outcome.Open) {
            return new Verdict(o.word(), true, Tone.GOOD, "", Mark.UP);
        }
        if (o instanceof Outcome.Unresponsive u) {
            return new Verdict(o.word(), false, Tone.WARN, "the port accepts connections but the service did not "
                    + "answer: " + u.reason(), Mark.HALF);
        }
        if (o instanceof Outcome.OpenOrFiltered f) {
            return new Verdict(o.word(), false, Tone.WARN, "no UDP reply within " + f.waited().toMillis()
                    + " ms: open and quiet, or dropped by a firewall", Mark.UNSURE);
        }
        if (o instanceof Outcome.Closed) {
            return new Verdict(o.word(), false, Tone.BAD, "refused (nothing listens)", Mark.DOWN);
        }
        if (o instanceof Outcome.Filtered f) {
            return new Verdict(o.word(), false, Tone.BAD, "no answer within " + f.waited().toMillis() + " ms",
                    Mark.DOWN);
        }
        if (o instanceof Outcome.Unreachable u) {
            return new Verdict(o.word(), false, Tone.BAD, "unreachable: " + u.reason(), Mark.DOWN);
        }
        if (o instanceof Outcome.DnsError d) {
            return new Verdict(o.word(), false, Tone.BAD, "name lookup failed: " + d.reason(), Mark.DOWN);
        }
        if (o instanceof Outcome.LocalError e) {
            return new Verdict(o.word(), false, Tone.WARN, "local problem: " + e.reason(), Mark.DOWN);
        }
        throw new IllegalStateException("no words for the outcome " + o.getClass().getSimpleName());
    }

    /**
     * The same for a port closed by design (`expect_closed`): closed is what should be, anything else is the news.
     */
    public static Verdict of(Outcome o, boolean expectedClosed) {
        Verdict v = of(o);
        if (!expectedClosed) {
            return v;
        }
        if (o instanceof Outcome.Closed) {
            return new Verdict(v.word(), false, Tone.DIM, "closed, as expected (expect_closed in the config file)",
                    Mark.EXPECTED);
        }
        return new Verdict(v.word(), v.up(), Tone.WARN, (v.reason().isEmpty() ? "" : v.reason() + "; ")
                + "expected closed (expect_closed in the config file)", v.mark());
    }
}
