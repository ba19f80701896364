package dev.portdeck.tui;

import dev.portdeck.tui.cli.PortdeckCommand;

/** Entry point of the fat jar: `java -jar portdeck.jar ...`. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Lanterna falls back to a Swing window when it finds no TTY; portdeck never opens one.
        System.setProperty("java.awt.headless", "true");
        System.exit(PortdeckCommand.commandLine().execute(args));
    }
}
