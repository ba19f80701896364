package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.cli.common.DurationConverter;
import dev.portdeck.tui.cli.common.Prompt;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * `--stop-first` for the changes some panels refuse while the server runs (the documented contract's
 * ConflictingServerStateException): stop, wait until offline, make the change, then start it again when asked.
 */
public final class StopFirst {

    @Option(names = "--stop-first",
            description = "For panels that need a stopped server: stop it, wait until it is offline (at most"
                    + " --stop-timeout), make the change, then offer to start it again.")
    boolean stopFirst;

    @Option(names = "--start-again", description = "With --stop-first: start the server again afterwards, without asking.")
    boolean startAgain;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --stop-first: how long to wait for the server to stop (default: ${DEFAULT-VALUE}).")
    Duration stopTimeout;

    /** Runs `change`; with --stop-first around a stop and a start, otherwise pointing at --stop-first when needed. */
    <T> T around(PanelClient client, Server server, PrintWriter err, Prompt prompt, Supplier<T> change) {
        if (!stopFirst) {
            try {
                return change.get();
            } catch (Refused e) {
                throw e.reason() == RefusalReason.SERVER_MUST_BE_STOPPED ? withHint(e) : e;
            }
        }
        PowerSteps power = new PowerSteps(client, server, err);
        boolean stopped = false;
        PowerState current = power.now().state();
        if (current != PowerState.OFFLINE) {
            power.stop(stopTimeout, current);
            stopped = true;
        }
        try {
            return change.get();
        } finally {
            if (stopped) {
                startAgain(power, server, prompt);
            }
        }
    }

    private void startAgain(PowerSteps power, Server server, Prompt prompt) {
        if (!startAgain && !(prompt.isTerminal() && yes(prompt.readLine("Start " + power.name() + " again? [Y/n] ")))) {
            power.say(power.name() + " stays stopped; start it with `portdeck power start " + server.identifier() + "`");
            return;
        }
        try {
            power.send(PowerSignal.START);
            power.say("started " + power.name() + " again");
        } catch (PanelException e) {
            power.say("could not start " + power.name() + " again: " + e.getMessage());
        }
    }

    private static boolean yes(String answer) {
        String a = answer == null ? "n" : answer.strip().toLowerCase(Locale.ROOT);
        return a.isEmpty() || a.equals("y") || a.equals("yes");
    }

    private static Refused withHint(Refused e) {
        return new Refused(e.getMessage().replaceAll("[.\\s]+$", "") + " (pass --stop-first to stop it, make the"
                + " change and start it again)", e.httpStatus(), e.reason(), e.code(), e.detail(), e.field());
    }
}
