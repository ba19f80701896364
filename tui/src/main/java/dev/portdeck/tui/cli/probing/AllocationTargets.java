package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Target;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.PanelAllocations;
import dev.portdeck.tui.cli.common.PanelOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocations of servers on the panel as probe targets, labelled "server name #id" (+ " primary"), each with its
 * check from the {@link CheckPlanner}. For "auto" the servers' eggs are read too: `?include=egg` on the listing for
 * --all, one more request per --server.
 */
final class AllocationTargets {

    private final PanelOptions panel;
    private final PrintWriter err;

    AllocationTargets(PanelOptions panel, PrintWriter err) {
        this.panel = panel;
        this.err = err;
    }

    /** The named servers' allocations (a failure stops), then with {@code all} every server's (a failure skips one). */
    List<PlannedTarget> read(List<String> servers, boolean all, CheckPlanner planner) {
        List<PlannedTarget> targets = new ArrayList<>();
        for (PanelAllocations.Placed placed : PanelAllocations.read(panel, servers, all, err, "probe",
                planner.wantsEggs())) {
            Allocation a = placed.allocation();
            String host = a.probeHost();
            if (host == null) {
                err.println("portdeck probe: skipped " + TerminalText.clean(a.address()) + " of "
                        + TerminalText.clean(placed.server().name()) + ": it binds every address and has no alias to probe");
                continue;
            }
            targets.add(planner.plan(placed.server(), a, new Target(host, a.port(), placed.label())));
        }
        err.flush();
        return targets;
    }
}
