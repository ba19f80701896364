package dev.portdeck.tui.cli;

import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.PortdeckCommandLine;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The dashboard's ways in, `portdeck [OPTIONS]` and `portdeck demo [OPTIONS]`, on a model of the root command and
 * `demo` only: picocli builds the model of every subcommand before it runs one, about 0.1 s of a cold start. Only a
 * command line this model parses cleanly runs on it; help, version, every parse error and every other command go to the
 * full model, which owns their text (suggestions, the list of commands).
 */
final class DashboardCommandLine {

    /** The names (and aliases) of the other commands: an argument spelling one is left to the full model at once. */
    private static final Set<String> OTHERS = PortdeckCommand.COMMANDS.stream()
            .filter(c -> c != DemoCommand.class)
            .map(c -> c.getAnnotation(Command.class))
            .flatMap(c -> Stream.concat(Stream.of(c.name()), Stream.of(c.aliases())))
            .collect(Collectors.toUnmodifiableSet());

    private DashboardCommandLine() {
    }

    /** The small command line with `args` parsed, or empty when the full one must run them. */
    static Optional<CommandLine> parse(CommandEnvironment environment, String[] args) {
        if (Stream.of(args).anyMatch(OTHERS::contains)) {
            return Optional.empty();
        }
        CommandLine small = PortdeckCommandLine.of(new PortdeckCommand(environment), DemoCommand.class);
        try {
            for (ParseResult r = small.parseArgs(args); r != null; r = r.subcommand()) {
                if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                    return Optional.empty();
                }
            }
        } catch (ParameterException e) {
            return Optional.empty();
        }
        return Optional.of(small);
    }
}
