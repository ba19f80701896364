package dev.portdeck.tui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging to `$XDG_STATE_HOME/portdeck/portdeck.log` (default ~/.local/state/portdeck/) while the
 * dashboard owns the terminal: a log line on the screen would corrupt it.
 */
public final class DiagnosticsLog {

    private DiagnosticsLog() {
    }

    /** Where the log goes for this environment. */
    public static Path file(String xdgStateHome, String userHome) {
        Path base = xdgStateHome != null && !xdgStateHome.isBlank() ? Path.of(xdgStateHome)
                : Path.of(userHome, ".local", "state");
        return base.resolve("portdeck").resolve("portdeck.log");
    }

    /**
     * Removes every handler that writes to the terminal and, when the file can be opened, logs there (at FINE with
     * --verbose). Returns the file, or null when there is none.
     */
    public static Path install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                root.removeHandler(h);
            }
        }
        Logger portdeck = Logger.getLogger("portdeck");
        for (Handler h : portdeck.getHandlers()) {
            portdeck.removeHandler(h); // e.g. --verbose's stderr lines: the screen belongs to the dashboard now
        }
        if (portdeck.getLevel() == null) {
            portdeck.setLevel(Level.INFO);
        }
        Path file = file(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
        try {
            makePrivate(file);
            FileHandler handler = new FileHandler(file.toString(), 1_000_000, 1, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
            return file;
        } catch (IOException | RuntimeException e) {
            return null; // no log file is better than a broken screen
        }
    }

    /**
     * The log names servers, panels and errors: 0600 in a 0700 directory, like the config, also when an older
     * version left it readable.
     */
    static void makePrivate(Path file) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
