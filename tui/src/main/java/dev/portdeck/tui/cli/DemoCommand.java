package dev.portdeck.tui.cli;

import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.tui.dashboard.DashboardFlags;
import dev.portdeck.tui.dashboard.TerminalDashboard;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `portdeck demo`: the dashboard on the embedded demo panel (a simulator on loopback; nothing leaves the machine). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The dashboard on a built-in demo panel: real ports on loopback, nothing leaves this machine.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    DashboardFlags dashboardFlags;

    @Option(names = "--flavor", paramLabel = "FLAVOR", defaultValue = "documented",
            description = "Which panel to imitate: documented, pterodactyl or pelican (default: ${DEFAULT-VALUE}).")
    String flavor;

    @Option(names = "--servers", paramLabel = "N", hidden = true,
            description = "A large world of N servers (benchmarks).")
    Integer servers;

    @Option(names = "--allocations", paramLabel = "N", hidden = true, defaultValue = "4",
            description = "Allocations per server of the large world (benchmarks).")
    int allocations;

    @Override
    public Integer call() {
        DemoWorld world = servers == null ? DemoWorld.standard() : DemoWorld.large(servers, allocations);
        return TerminalDashboard.runDemo(Flavor.parse(flavor), world, dashboardFlags.options(), System.err);
    }
}
