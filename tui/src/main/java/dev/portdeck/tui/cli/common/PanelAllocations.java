package dev.portdeck.tui.cli.common;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The allocations of servers on the panel, each with its server: what `--server` and `--all` name. */
public final class PanelAllocations {

    /** One allocation and the server it belongs to. */
    public record Placed(Server server, Allocation allocation) {
        /** "server name #id" (+ " primary"): how probe and listening label a row. */
        public String label() {
            return server.name() + " #" + allocation.id() + (allocation.primary() ? " primary" : "");
        }
    }

    private PanelAllocations() {
    }

    /**
     * The named servers' allocations (a failure stops), then with {@code all} every server's (a failure skips that
     * server, said on {@code err} as "portdeck COMMAND: skipped ...").
     */
    public static List<Placed> read(PanelOptions panel, List<String> servers, boolean all, PrintWriter err,
                                    String command) {
        return read(panel, servers, all, err, command, false);
    }

    /**
     * As {@link #read(PanelOptions, List, boolean, PrintWriter, String)}; with {@code withEggs} each server also names
     * its egg: one more request per named server, `?include=egg` on the listing for {@code all}.
     */
    public static List<Placed> read(PanelOptions panel, List<String> servers, boolean all, PrintWriter err,
                                    String command, boolean withEggs) {
        List<Placed> placed = new ArrayList<>();
        try (PanelClient client = panel.connect()) {
            for (String name : servers) {
                Server found = client.resolve(name);
                Server server = withEggs ? client.serverWithEgg(found.identifier()) : found;
                allocations(client, server).forEach(a -> placed.add(new Placed(server, a)));
            }
            if (all) {
                for (Server server : client.listServers(withEggs)) {
                    try {
                        allocations(client, server).forEach(a -> placed.add(new Placed(server, a)));
                    } catch (PanelException e) {
                        err.println("portdeck " + command + ": skipped " + TerminalText.clean(server.name()) + " ("
                                + TerminalText.clean(server.identifier()) + "): " + TerminalText.clean(e.getMessage()));
                    }
                }
            }
        }
        err.flush();
        return placed;
    }

    private static List<Allocation> allocations(PanelClient client, Server server) {
        // The server listing may leave the relationship out; then ask for the allocations themselves.
        return server.allocations().isEmpty() ? client.allocations(server.identifier()) : server.allocations();
    }
}
