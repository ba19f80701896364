package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.RequestChecks;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.ServerNames;
import dev.portdeck.tui.cli.output.JsonOut;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `portdeck alloc add SERVER [--ip IP] [--port N] [--exact]`. Real panels ignore a requested ip/port and auto-assign,
 * so the result is compared with the request and a difference is said plainly (exit 5).
 */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Add an allocation to a server. With no --ip/--port the panel picks one. Pterodactyl and Pelican"
                + " always pick (they ignore --ip/--port): portdeck says so and exits 5; --exact then releases it again.")
public final class AllocAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER", description = "Short id, UUID or name of the server.",
            completionCandidates = ServerNames.class)
    String server;

    @Option(names = "--ip", paramLabel = "IP", description = "The IPv4/IPv6 address to ask for.")
    String ip;

    @Option(names = "--port", paramLabel = "N", description = "The port to ask for (1-65535).")
    Integer port;

    @Option(names = "--exact", description = "If the panel assigns something else, release it again and fail.")
    boolean exact;

    @Option(names = "--json", description = "Print one JSON object for scripts.")
    boolean json;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        AssignRequest request = new AssignRequest(ip, port);
        RequestChecks.assign(request);
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(server);
            Allocation got = client.assign(s.identifier(), request);
            if (request.isSatisfiedBy(got)) {
                report(s, got, true, false, null);
                return ExitCode.OK;
            }
            String sentence = "asked for " + asked(request) + ", the panel assigned " + got.address()
                    + " — this panel only auto-assigns";
            if (!exact) {
                report(s, got, false, false, sentence + " (allocation " + got.id() + " is kept; pass --exact to have it"
                        + " released instead)");
                return ExitCode.NOT_AS_REQUESTED;
            }
            try {
                client.remove(s.identifier(), got.id());
                report(s, got, false, true, sentence + "; released allocation " + got.id() + " again (--exact)");
            } catch (PanelException e) {
                report(s, got, false, false, sentence + "; releasing it again failed (" + e.getMessage()
                        + "), so allocation " + got.id() + " (" + got.address() + ") is still assigned to " + s.identifier()
                        + ": remove it with `portdeck alloc rm " + s.identifier() + " " + got.id() + " --yes`");
            }
            return ExitCode.NOT_AS_REQUESTED;
        }
    }

    /** "45.86.168.218:25568", "port 25568" or "an address on 45.86.168.218". */
    private static String asked(AssignRequest r) {
        if (r.ip() != null && r.port() != null) {
            return new Allocation(0, r.ip(), null, r.port(), null, false).address();
        }
        return r.port() != null ? "port " + r.port() : "an address on " + r.ip();
    }

    private void report(Server s, Allocation got, boolean asRequested, boolean released, String sentence) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sentence != null) {
            TerminalText.println(err, "portdeck: " + sentence);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("server", JsonOut.serverRef(s));
            Map<String, Object> requested = new LinkedHashMap<>();
            requested.put("ip", ip);
            requested.put("port", port);
            doc.put("requested", requested);
            doc.put("allocation", JsonOut.allocation(got));
            doc.put("as_requested", asRequested);
            doc.put("released", released);
            JsonOut.print(out, doc);
        } else if (!released) {
            TerminalText.println(out, "added " + got.address() + " (allocation " + got.id() + ") to " + s.name()
                    + " (" + s.identifier() + "); restart the server for it to use the new port");
        }
    }
}
