package dev.portdeck.tui.cli.common;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** With --verbose anywhere on the command line, the "portdeck" loggers print to the command's stderr while it runs. */
final class VerboseLogging implements CommandLine.IExecutionStrategy {

    private static final Logger PORTDECK = Logger.getLogger("portdeck");
    private final CommandLine.IExecutionStrategy next;

    VerboseLogging(CommandLine.IExecutionStrategy next) {
        this.next = next;
    }

    @Override
    public int execute(ParseResult parseResult) {
        if (!isVerbose(parseResult)) {
            return next.execute(parseResult);
        }
        Handler handler = new ErrHandler(parseResult.commandSpec().commandLine().getErr());
        Level before = PORTDECK.getLevel();
        PORTDECK.addHandler(handler);
        PORTDECK.setLevel(Level.FINE);
        try {
            return next.execute(parseResult);
        } finally {
            PORTDECK.removeHandler(handler);
            PORTDECK.setLevel(before);
        }
    }

    static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** One line per record: "portdeck.client: GET /api/client 200 12 ms". */
    private static final class ErrHandler extends Handler {
        private final PrintWriter err;

        ErrHandler(PrintWriter err) {
            this.err = err;
            setLevel(Level.FINE);
        }

        @Override
        public void publish(LogRecord r) {
            if (!isLoggable(r)) {
                return;
            }
            synchronized (err) {
                err.println(dev.portdeck.tui.TerminalText.clean("[" + r.getLevel().getName().toLowerCase(
                        java.util.Locale.ROOT) + "] " + r.getLoggerName() + ": "
                        + new java.util.logging.SimpleFormatter().formatMessage(r)));
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
        }
    }
}
