package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.CommandFailed;
import dev.portdeck.tui.cli.common.DurationConverter;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.ServerNames;
import dev.portdeck.tui.cli.output.JsonOut;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `portdeck power start|stop|restart|kill SERVER [--wait]`. */
@Command(name = "power", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Start, stop, restart or kill a server (kill ends it at once, without a clean shutdown)."
                + " The panel acts on it in the background; --wait waits until it is running or offline.")
public final class PowerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SIGNAL", converter = SignalConverter.class,
            completionCandidates = SignalConverter.class, description = "start, stop, restart or kill.")
    PowerSignal signal;

    @Parameters(index = "1", paramLabel = "SERVER", description = "Short id, UUID or name of the server.",
            completionCandidates = ServerNames.class)
    String server;

    @Option(names = "--wait", description = "Wait until the server is running (start, restart) or offline (stop, kill),"
            + " at most --wait-timeout, with progress on stderr.")
    boolean waitForIt;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "With --wait: how long to wait (default: ${DEFAULT-VALUE}).")
    Duration waitTimeout;

    @Option(names = "--json", description = "Print one JSON object for scripts.")
    boolean json;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PanelClient client = panel.connect()) {
            Server s = client.resolve(server);
            PowerSteps power = new PowerSteps(client, s, err);
            long uptimeBefore = signal == PowerSignal.RESTART && waitForIt ? power.now().uptimeMillis() : 0;
            power.send(signal);
            Resources after = waitForIt ? power.await(goal(), done(uptimeBefore), waitTimeout) : null;
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("server", JsonOut.serverRef(s));
                doc.put("signal", signal.apiName());
                doc.put("state", after == null ? null : after.state().apiName());
                JsonOut.print(out, doc);
            } else {
                TerminalText.println(out, "sent " + signal.apiName() + " to " + power.name()
                        + (after == null ? "" : "; it is " + after.state().apiName()));
            }
            if (after != null && !done(uptimeBefore).test(after)) {
                throw new CommandFailed(power.name() + " is still " + after.state().apiName() + " after "
                        + waitTimeout.toSeconds() + " s", ExitCode.FAILURE);
            }
        }
        return ExitCode.OK;
    }

    private String goal() {
        return signal == PowerSignal.STOP || signal == PowerSignal.KILL ? "stop" : "run";
    }

    /** Offline after stop/kill; running after start; running with a fresh uptime after restart. */
    private Predicate<Resources> done(long uptimeBefore) {
        return switch (signal) {
            case STOP, KILL -> r -> r.state() == PowerState.OFFLINE;
            case START -> r -> r.state() == PowerState.RUNNING;
            case RESTART -> r -> r.state() == PowerState.RUNNING && (uptimeBefore == 0 || r.uptimeMillis() < uptimeBefore);
        };
    }

    /** start/stop/restart/kill in any case, for the argument and its completion. */
    static final class SignalConverter implements CommandLine.ITypeConverter<PowerSignal>, Iterable<String> {
        @Override
        public PowerSignal convert(String value) {
            try {
                return PowerSignal.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a power signal: use start, stop,"
                        + " restart or kill");
            }
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("start", "stop", "restart", "kill").iterator();
        }
    }
}
