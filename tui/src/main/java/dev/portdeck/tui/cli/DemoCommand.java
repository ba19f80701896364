package dev.portdeck.tui.cli;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.shared.sim.PanelSimulator;
import dev.portdeck.shared.sim.RateLimit;
import dev.portdeck.shared.sim.SimulatorOptions;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.ListenAddress;
import dev.portdeck.tui.dashboard.DashboardFlags;
import dev.portdeck.tui.dashboard.DemoPanel;
import dev.portdeck.tui.dashboard.TerminalDashboard;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `portdeck demo`: the built-in demo panel, alone (--serve-only) or under the dashboard. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run the built-in demo panel: nine game servers on loopback addresses, real open and closed ports, "
                    + "no account needed.",
            "Without --serve-only it opens the dashboard on it."})
public final class DemoCommand implements Callable<Integer> {

    /** How long "starting"/"stopping" last in the demo, so the dashboard can show them. */
    static final Duration DEMO_POWER_TRANSITION = DemoPanel.POWER_TRANSITION;

    @Spec
    CommandSpec spec;

    @Mixin
    DashboardFlags dashboardFlags;

    @Option(names = "--serve-only",
            description = "Only serve the panel API and print the line to paste into another shell; Ctrl-C stops it.")
    boolean serveOnly;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Loopback address of the panel API (default: 127.0.0.1 on a free port).")
    String listen;

    @Option(names = "--flavor", paramLabel = "FLAVOR", defaultValue = "documented", completionCandidates = FlavorNames.class,
            description = "Which panel's rules to imitate: documented (default), pterodactyl or pelican.")
    String flavor;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "Answer 429 Too Many Attempts after N requests per minute per key, as a panel's throttle"
                    + " does (default: no limit).")
    int rateLimit;

    @Option(names = "--no-client-allocations",
            description = "pterodactyl/pelican: leave client auto-allocation off, as a stock panel ships (every add"
                    + " is then refused); by default the demo switches it on so adding works.")
    boolean noClientAllocations;

    @Option(names = "--large", paramLabel = "SERVERSxPORTS",
            description = "Instead of the nine demo servers, a benchmark world, e.g. 60x4: 60 running servers with"
                    + " 4 allocations each on 127.0.1.x.")
    String large;

    private final CountDownLatch stop;

    public DemoCommand() {
        this(new CountDownLatch(1));
    }

    /** Tests count `stop` down to end --serve-only as Ctrl-C would. */
    DemoCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (rateLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--rate-limit must be 0 (no limit) or more, not " + rateLimit + ".");
        }
        SimulatorOptions options = SimulatorOptions.defaults()
                .withListen(ListenAddress.parse(spec.commandLine(), listen))
                .withFlavor(flavor(flavor))
                .withRateLimit(RateLimit.perMinute(rateLimit))
                .withWorld(world(large))
                .withPowerTransition(DEMO_POWER_TRANSITION);
        PanelSimulator simulator;
        try {
            simulator = PanelSimulator.start(options);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("portdeck demo: " + e.getMessage() + ".");
            return ExitCode.FAILURE;
        }
        // Real panels ship with client auto-allocation off; the demo switches it on so `a` and `alloc add` work.
        simulator.setAutoAllocationEnabled(!noClientAllocations);
        try {
            return serveOnly ? serve(simulator) : openDashboard(simulator);
        } finally {
            simulator.close();
        }
    }

    private Flavor flavor(String text) {
        try {
            return Flavor.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--flavor: " + e.getMessage() + ".");
        }
    }

    private DemoWorld world(String size) {
        if (size == null) {
            return DemoWorld.standard();
        }
        Matcher m = Pattern.compile("(\\d{1,4})x(\\d{1,3})").matcher(size.strip());
        try {
            if (m.matches()) {
                return DemoWorld.large(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the sentence below
        }
        throw new ParameterException(spec.commandLine(), "--large needs SERVERSxPORTS such as 60x4 (1-200 ports per"
                + " server, at most " + DemoWorld.MAX_LARGE_ALLOCATIONS + " in all), not '" + size + "'.");
    }

    private int serve(PanelSimulator simulator) throws InterruptedException {
        Thread onCtrlC = new Thread(() -> {
            simulator.close();
            stop.countDown();
        }, "portdeck-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        PrintWriter out = spec.commandLine().getOut();
        out.println("export PORTDECK_PANEL_URL=" + simulator.url() + " PORTDECK_API_KEY=" + simulator.clientKey().reveal());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("portdeck demo: serving the demo panel (" + simulator.flavor().cliName() + " rules" + autoAllocation(simulator)
                + ") until Ctrl-C; paste the line above into another shell, then run `portdeck servers`.");
        err.flush();
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and closes the simulator itself.
            }
        }
        return ExitCode.OK;
    }

    /** What the demo changed from a stock panel of its flavor, for the serving line. */
    private String autoAllocation(PanelSimulator simulator) {
        if (simulator.flavor() == Flavor.DOCUMENTED) {
            return "";
        }
        return noClientAllocations ? "; client auto-allocation off, as on a stock panel"
                : "; client auto-allocation switched on, which a stock panel leaves off";
    }

    /** The dashboard on the demo panel, until the user quits; the caller closes the simulator afterwards. */
    private int openDashboard(PanelSimulator simulator) {
        // the HTTP client loads while the terminal starts
        CompletableFuture<PanelClient> client = CompletableFuture.supplyAsync(
                () -> new PanelClient(PanelConfig.of(simulator.url(), simulator.clientKey())));
        try {
            return TerminalDashboard.run(() -> TerminalDashboard.ready(client), DemoPanel.label(simulator),
                    dashboardFlags.options(), spec.commandLine().getErr());
        } finally {
            client.thenAccept(PanelClient::close).exceptionally(e -> null);
        }
    }
}
