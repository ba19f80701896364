package dev.portdeck.tui.cli.probing;

import dev.portdeck.tui.cli.common.Failures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;

/**
 * The plain sweep, `portdeck probe [--json] [--ascii] [--show-closed] [-t D] [--check C] [--concurrency N] TARGET...`, run
 * without picocli: building picocli's model of the command (reflection over its annotations) costs a cold process
 * about 0.2 s, as much as a 10,000-port sweep. Anything else (help, errors, --server, --count, --verbose, ...) is
 * left to picocli, which also owns every error message; this class accepts only what it fully understands.
 */
final class ProbeFastPath {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private ProbeFastPath() {
    }

    /** The command ready to call, or empty when picocli must parse {@code args} (the arguments after "probe"). */
    static Optional<ProbeCommand> parse(String[] args) {
        ProbeCommand command = new ProbeCommand();
        ProbeCommand.DurationConverter durations = new ProbeCommand.DurationConverter();
        command.interval = ONE_SECOND; // the options' defaults, without a regular expression for each
        command.timeout = ONE_SECOND;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (!arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@")) { // @x: left to picocli, which reads no files
                    command.specs.add(arg);
                } else if (arg.equals("--json")) {
                    command.json = true;
                } else if (arg.equals("--ascii")) {
                    command.ascii = true;
                } else if (arg.equals("--show-closed")) {
                    command.showClosed = true;
                } else if ((arg.equals("-t") || arg.equals("--timeout")) && value != null) {
                    command.timeout = durations.convert(value);
                    i++;
                } else if (arg.equals("--check") && value != null) {
                    command.check = value;
                    i++;
                } else if (arg.equals("--concurrency") && value != null) {
                    command.concurrency = Integer.valueOf(value);
                    i++;
                } else {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a bad value: picocli says what is wrong with it
        }
        if (command.specs.isEmpty()) {
            return Optional.empty();
        }
        command.plainOut = writer(FileDescriptor.out);
        command.plainErr = writer(FileDescriptor.err);
        return Optional.of(command);
    }

    /** Runs the command as picocli would, with {@link Failures}' one sentence and exit code for anything unexpected. */
    static int run(ProbeCommand command) {
        try {
            return command.call();
        } catch (RuntimeException e) {
            return Failures.tell(e, command.plainErr);
        } finally {
            command.plainOut.flush();
            command.plainErr.flush();
        }
    }

    /** The encoding picocli would use for the same stream. */
    private static PrintWriter writer(FileDescriptor fd) {
        String name = System.getProperty(fd == FileDescriptor.out ? "sun.stdout.encoding" : "sun.stderr.encoding");
        Charset charset = name == null || !Charset.isSupported(name) ? Charset.defaultCharset() : Charset.forName(name);
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), charset), false);
    }
}
