package dev.portdeck.tui.cli;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import dev.portdeck.shared.sim.Flavor;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckCommandLine;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.listening.ListeningCommand;
import dev.portdeck.tui.cli.panel.AllocCommand;
import dev.portdeck.tui.cli.panel.LoginCommand;
import dev.portdeck.tui.cli.panel.PowerCommand;
import dev.portdeck.tui.cli.panel.ServersCommand;
import dev.portdeck.tui.cli.probing.AgentCommand;
import dev.portdeck.tui.cli.probing.ProbeCommand;
import dev.portdeck.tui.dashboard.DashboardFlags;
import dev.portdeck.tui.dashboard.DashboardOptions;
import dev.portdeck.tui.dashboard.TerminalDashboard;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `portdeck`: with no subcommand, the dashboard; otherwise one of the scriptable commands. */
@Command(
        name = "portdeck",
        mixinStandardHelpOptions = true,
        versionProvider = PortdeckVersion.class,
        description = {
            "Network allocations of game servers on Pterodactyl-style panels: dashboard, port checks, scripting.",
            "`portdeck` with no COMMAND opens the dashboard (on the built-in demo panel when no panel is configured)."
                    + " The COMMANDs never open it: each prints its answer and exits."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the panel refused (limit, primary, server state, validation)",
            "2:usage error or invalid input (nothing was sent)",
            "3:panel unreachable, timed out, 5xx, or not the API",
            "4:API key rejected or a permission is missing",
            "5:alloc add: the panel assigned something other than what was asked",
            "6:server or allocation not found",
            "130:interrupted (Ctrl-C)"})
public final class PortdeckCommand implements Callable<Integer>, CommandEnvironment.Owner {

    /** The subcommands, in the order help lists them (not in @Command: the dashboard runs on a model without them). */
    static final List<Class<?>> COMMANDS = List.of(
            ServersCommand.class,
            AllocCommand.class,
            PowerCommand.class,
            ProbeCommand.class,
            ListeningCommand.class,
            DemoCommand.class,
            AgentCommand.class,
            LoginCommand.class,
            CompletionCommand.class,
            CompleteServersCommand.class);

    /** The header of the dashboard when it fell back to the demo panel. */
    static final String NO_PANEL = "DEMO panel (none configured: portdeck login)";

    private final CommandEnvironment environment;

    @Mixin
    PanelOptions panelOptions;

    @Mixin
    DashboardFlags dashboardFlags;

    @Mixin
    HistoryOptions historyOptions;

    @Spec
    CommandSpec spec;

    public PortdeckCommand() {
        this(CommandEnvironment.system());
    }

    public PortdeckCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** The configured command line, shared by Main and the tests. */
    public static CommandLine commandLine() {
        return commandLine(CommandEnvironment.system());
    }

    /** The command line reading environment variables and the terminal from `environment` (tests pass their own). */
    public static CommandLine commandLine(CommandEnvironment environment) {
        return PortdeckCommandLine.of(new PortdeckCommand(environment), COMMANDS.toArray());
    }

    /**
     * The command line Main runs `args` on: for the dashboard (`portdeck [OPTIONS]`, `portdeck demo [OPTIONS]`) one
     * that knows only the root and `demo`, when it parses `args` without help or errors ({@link DashboardCommandLine});
     * else the full one.
     */
    public static CommandLine commandLine(CommandEnvironment environment, String[] args) {
        return DashboardCommandLine.parse(environment, args).orElseGet(() -> commandLine(environment));
    }

    @Override
    public CommandEnvironment environment() {
        return environment;
    }

    /** Where the dashboard reads history (--prometheus, PORTDECK_PROMETHEUS_URL, the profile); empty for none. */
    public Optional<java.net.URI> prometheus() {
        return historyOptions.resolve(panelOptions);
    }

    /** The panel options given to the root command (`portdeck --panel URL`). */
    public PanelOptions panelOptions() {
        return panelOptions;
    }

    /** The dashboard on the configured panel, or on the embedded demo panel when none is configured. */
    @Override
    public Integer call() {
        Optional<PanelConfig> config = panelOptions.resolve();
        DashboardOptions options = dashboardFlags.options().withPrometheus(prometheus().orElse(null));
        if (config.isEmpty()) {
            return TerminalDashboard.runDemo(Flavor.DOCUMENTED, DemoWorld.standard(), NO_PANEL, options,
                    spec.commandLine().getErr());
        }
        if (!TerminalDashboard.hasTerminal()) {
            return TerminalDashboard.noTerminal(spec.commandLine().getErr());
        }
        try (PanelClient client = panelOptions.connect()) {
            return TerminalDashboard.run(client, config.get().url().toString(), options, spec.commandLine().getErr());
        }
    }
}
