package dev.portdeck.tui.cli;

import dev.portdeck.tui.TerminalText;
import dev.portdeck.probe.Target;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
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
        try (PanelClient client = panel.connect()) {
            for (String name : servers) {
                Server server = client.resolve(name);
                if (planner.wantsEggs()) {
                    server = client.serverWithEgg(server.identifier());
                }
                targets.addAll(targets(server, allocations(client, server), planner));
            }
            if (all) {
                for (Server server : client.listServers(planner.wantsEggs())) {
                    try {
                        targets.addAll(targets(server, allocations(client, server), planner));
                    } catch (PanelException e) {
                        err.println("portdeck probe: skipped " + TerminalText.clean(server.name()) + " ("
                                + TerminalText.clean(server.identifier()) + "): " + TerminalText.clean(e.getMessage()));
                    }
                }
            }
        }
        err.flush();
        return targets;
    }

    private static List<Allocation> allocations(PanelClient client, Server server) {
        // The server listing may leave the relationship out; then ask for the allocations themselves.
        return server.allocations().isEmpty() ? client.allocations(server.identifier()) : server.allocations();
    }

    private List<PlannedTarget> targets(Server server, List<Allocation> allocations, CheckPlanner planner) {
        List<PlannedTarget> targets = new ArrayList<>();
        for (Allocation a : allocations) {
            String host = a.probeHost();
            if (host == null) {
                err.println("portdeck probe: skipped " + TerminalText.clean(a.address()) + " of "
                        + TerminalText.clean(server.name()) + ": it binds every address and has no alias to probe");
                continue;
            }
            String label = server.name() + " #" + a.id() + (a.primary() ? " primary" : "");
            targets.add(planner.plan(server, a, new Target(host, a.port(), label)));
        }
        return targets;
    }
}
