package dev.portdeck.tui.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `portdeck`: with no subcommand, the dashboard; otherwise one of the scriptable commands. */
@Command(
        name = "portdeck",
        mixinStandardHelpOptions = true,
        versionProvider = PortdeckCommand.Version.class,
        description = "Network allocations of game servers on Pterodactyl-style panels: dashboard, port checks, scripting.",
        subcommands = {
            ServersCommand.class,
            AllocCommand.class,
            ProbeCommand.class,
            DemoCommand.class,
            LoginCommand.class,
            AutoComplete.GenerateCompletion.class
        })
public final class PortdeckCommand implements Callable<Integer> {

    /** The configured command line, shared by Main and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new PortdeckCommand());
    }

    @Override
    public Integer call() {
        // The dashboard is wired in by the dashboard work (issue 5).
        System.err.println("portdeck: the dashboard is not built yet; see `portdeck --help`.");
        return ExitCode.FAILURE;
    }

    /** Reads the version Maven wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PortdeckCommand.class.getPackage().getImplementationVersion();
            return new String[] {"portdeck " + (v == null ? "development build" : v)};
        }
    }
}
