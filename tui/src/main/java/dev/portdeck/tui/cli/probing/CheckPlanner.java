package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.choice.CheckChoice;
import dev.portdeck.probe.choice.CheckOverrides;
import dev.portdeck.probe.choice.CheckRule;
import dev.portdeck.probe.choice.ExpectedClosed;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import java.util.List;
import java.util.Map;

/**
 * Gives each target its check: `--check CHECK` for all, else (auto) the config file's `checks.*` override, else the
 * rule (egg and variables with panel data, the well-known ports without); and marks the expected-closed ports.
 */
final class CheckPlanner {

    private final Check explicit;
    private final CheckOverrides overrides;
    private final ExpectedClosed expectedClosed;

    private CheckPlanner(Check explicit, CheckOverrides overrides, ExpectedClosed expectedClosed) {
        this.explicit = explicit;
        this.overrides = overrides;
        this.expectedClosed = expectedClosed;
    }

    /**
     * From the command line ({@code check} null for auto, the --expect-closed list or null) and the config file.
     *
     * @throws IllegalArgumentException a bad entry in the file or on the command line, in one sentence
     */
    static CheckPlanner of(Check check, String expectClosedFlag, ConfigFile file) {
        Map<String, String> checks = file.entries(CheckOverrides.PREFIX);
        String fileExpected = file.entries(ExpectedClosed.KEY).get(ExpectedClosed.KEY);
        try {
            CheckOverrides overrides = checks.isEmpty() ? CheckOverrides.none() : CheckOverrides.parse(checks);
            ExpectedClosed expected = ExpectedClosed.parse(fileExpected);
            return new CheckPlanner(check, overrides, expected.plus(flag(expectClosedFlag)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.path() + ": " + e.getMessage(), e);
        }
    }

    private static ExpectedClosed flag(String list) {
        try {
            return ExpectedClosed.parse(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--expect-closed: " + e.getMessage(), e);
        }
    }

    /** Whether the panel's eggs are worth asking for: only "auto" uses them. */
    boolean wantsEggs() {
        return explicit == null;
    }

    /** A target typed on the command line. */
    PlannedTarget plan(Target typed) {
        List<String> hosts = List.of(typed.host());
        CheckChoice choice = explicit != null ? flagChoice()
                : orElse(overrides.find(null, hosts, typed.port()), CheckRule.wellKnown(typed.port()));
        return new PlannedTarget(typed.withCheck(choice.check()), choice.reason(),
                expectedClosed.covers(null, hosts, typed.port()));
    }

    /** An allocation of a server from the panel, probed at {@code target}. */
    PlannedTarget plan(Server server, Allocation allocation, Target target) {
        List<String> hosts = allocation.ipAlias() == null ? List.of(allocation.ip())
                : List.of(allocation.ip(), allocation.ipAlias());
        CheckChoice choice = explicit != null ? flagChoice() : CheckRule.choose(server, allocation,
                overrides.find(server.identifier(), hosts, allocation.port()));
        return new PlannedTarget(target.withCheck(choice.check()), choice.reason(),
                expectedClosed.covers(server.identifier(), hosts, allocation.port()));
    }

    private CheckChoice flagChoice() {
        return new CheckChoice(explicit, "--check " + explicit.word());
    }

    private static CheckChoice orElse(CheckChoice first, CheckChoice second) {
        return first != null ? first : second;
    }
}
