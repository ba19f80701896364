package dev.portdeck.tui;

import dev.portdeck.tui.cli.PortdeckCommand;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.probing.ProbeCommand;

/** Entry point of the fat jar: `java -jar portdeck.jar ...`. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Lanterna falls back to a Swing window when it finds no TTY; portdeck never opens one.
        System.setProperty("java.awt.headless", "true");
        if (args.length > 0 && args[0].equals("probe")) {
            // The probe fast path: a sweep is often a whole process, and its start-up is most of its time.
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(ProbeCommand.run(rest));
        }
        // the dashboard (`portdeck`, `portdeck demo`) on a model of just those two commands when it parses there
        System.exit(PortdeckCommand.commandLine(CommandEnvironment.system(), args).execute(args));
    }
}
