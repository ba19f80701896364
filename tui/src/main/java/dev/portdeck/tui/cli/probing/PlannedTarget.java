package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Target;

/**
 * A target with the check it gets and why, and whether "closed" is what is expected of it.
 *
 * @param target         host, port, label and check
 * @param reason         why this check ("egg Paper → Minecraft Java status", "--check udp")
 * @param expectedClosed closed by design (--expect-closed, expect_closed in the config file)
 */
record PlannedTarget(Target target, String reason, boolean expectedClosed) {

    /** Whether this outcome is what the user expects: open, or closed for an expected-closed port. */
    boolean asExpected(dev.portdeck.probe.Outcome outcome) {
        return expectedClosed ? outcome instanceof dev.portdeck.probe.Outcome.Closed : outcome.isOpen();
    }
}
