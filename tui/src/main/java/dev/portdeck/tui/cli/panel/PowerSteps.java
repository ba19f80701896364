package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.CommandFailed;
import dev.portdeck.tui.cli.common.ExitCode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Predicate;

/** A server's power as the commands drive it: send a signal, then wait for a state with progress on stderr. */
final class PowerSteps {

    /** Between two looks at the power state (stretched when the panel's rate limit runs low). */
    static final Duration POLL = Duration.ofMillis(500);
    /** Between two progress lines. */
    private static final Duration PROGRESS = Duration.ofSeconds(5);

    private final PanelClient client;
    private final Server server;
    private final PrintWriter err;

    PowerSteps(PanelClient client, Server server, PrintWriter err) {
        this.client = client;
        this.server = server;
        this.err = err;
    }

    /** "Survival SMP (d3aac109)", cleaned when printed. */
    String name() {
        return server.name() + " (" + server.identifier() + ")";
    }

    Resources now() {
        return client.resources(server.identifier());
    }

    void send(PowerSignal signal) {
        client.power(server.identifier(), signal);
    }

    /**
     * Waits until `done` holds for the server's resources, at most `timeout`, saying on stderr every few seconds what
     * it waits for; the last resources seen, whether done or not.
     */
    Resources await(String waitingFor, Predicate<Resources> done, Duration timeout) {
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS.toNanos();
        Resources last = now();
        while (!done.test(last) && System.nanoTime() - start < timeout.toNanos()) {
            sleep(client.rateLimit().pace(POLL));
            last = now();
            if (System.nanoTime() - nextProgress >= 0 && !done.test(last)) {
                nextProgress += PROGRESS.toNanos();
                say("waiting for " + name() + " to " + waitingFor + ": " + last.state().apiName() + " after "
                        + seconds(System.nanoTime() - start) + " of at most " + timeout.toSeconds() + " s");
            }
        }
        return last;
    }

    /** Stops the server and waits until it is offline; a sentence (exit 1) when it does not stop in time. */
    void stop(Duration timeout, PowerState current) {
        say("stopping " + name() + " first: it is " + current.apiName());
        send(PowerSignal.STOP);
        Resources r = await("stop", x -> x.state() == PowerState.OFFLINE, timeout);
        if (r.state() != PowerState.OFFLINE) {
            throw new CommandFailed(name() + " did not stop within " + timeout.toSeconds() + " s (it is "
                    + r.state().apiName() + "), so nothing was changed; try again, or end it at once with"
                    + " `portdeck power kill " + server.identifier() + "`", ExitCode.FAILURE);
        }
        say(name() + " is offline");
    }

    void say(String sentence) {
        TerminalText.println(err, "portdeck: " + sentence + ".");
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds() + " s";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed("interrupted while waiting for the server's power state", ExitCode.INTERRUPTED);
        }
    }
}
