package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.output.JsonOut;
import dev.portdeck.tui.cli.output.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `portdeck servers`: every server the key can see, from all pages of GET /api/client. */
@Command(name = "servers", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = {"List every server the API key can see: short id, name, node, allocations used / limit, status.",
            "Panels list your own servers and those you are a subuser of; --all-servers adds everyone else's that you"
                    + " administer."})
public final class ServersCommand implements Callable<Integer> {

    /** At most this many GET /resources at once for --state: kind to the panel's rate limit. */
    static final int STATE_POOL = 4;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON array for scripts instead of the table.")
    boolean json;

    @Option(names = "--state", description = "Also ask each server's power state (one GET /resources per server,"
            + " " + STATE_POOL + " at a time; '-' for suspended servers, '?' when the panel would not say).")
    boolean state;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (PanelClient client = panel.connect()) {
            List<Server> servers = client.listServers();
            Map<String, String> power = state ? powerStates(client, servers) : Map.of();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (Server s : servers) {
                    Map<String, Object> m = JsonOut.server(s);
                    if (state) {
                        m.put("power_state", power.get(s.identifier()));
                    }
                    doc.add(m);
                }
                JsonOut.print(out, doc);
            } else {
                table(servers, power).print(out);
            }
        }
        return ExitCode.OK;
    }

    private TextTable table(List<Server> servers, Map<String, String> power) {
        TextTable t = state ? new TextTable("ID", "NAME", "NODE", "ALLOCATIONS", "STATUS", "POWER")
                : new TextTable("ID", "NAME", "NODE", "ALLOCATIONS", "STATUS");
        for (Server s : servers) {
            String allocations = s.allocations().size() + "/" + s.allocationLimit();
            String power1 = s.suspended() ? "-" : power.get(s.identifier());
            if (state) {
                t.row(s.identifier(), s.name(), s.node(), allocations, status(s), power1 == null ? "?" : power1);
            } else {
                t.row(s.identifier(), s.name(), s.node(), allocations, status(s));
            }
        }
        return t;
    }

    /** The panel's status word, else what else keeps the server from changes (transfer, node maintenance), else ok. */
    static String status(Server s) {
        if (s.status() != null) {
            return s.status();
        }
        String blocked = s.blockedBy();
        return blocked == null ? "ok" : blocked;
    }

    /** Power state per short id, asked concurrently with a small pool; a failure shows as null and one stderr line. */
    private Map<String, String> powerStates(PanelClient client, List<Server> servers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(STATE_POOL, servers.size())));
        try {
            Map<String, Future<PowerState>> futures = new LinkedHashMap<>();
            for (Server s : servers) {
                if (s.suspended()) {
                    continue; // panels answer 409 for a suspended server's resources
                }
                futures.put(s.identifier(), pool.submit(() -> client.resources(s.identifier()).state()));
            }
            Map<String, String> states = new LinkedHashMap<>();
            for (Map.Entry<String, Future<PowerState>> f : futures.entrySet()) {
                try {
                    states.put(f.getKey(), f.getValue().get().apiName());
                } catch (ExecutionException e) {
                    states.put(f.getKey(), null);
                    String why = e.getCause() instanceof PanelException p ? p.getMessage() : String.valueOf(e.getCause());
                    TerminalText.println(spec.commandLine().getErr(), "portdeck: no power state for " + f.getKey() + ": " + why);
                }
            }
            return states;
        } finally {
            pool.shutdownNow();
        }
    }
}
