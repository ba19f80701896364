package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.agent.Agent;
import dev.portdeck.probe.agent.AgentLog;
import dev.portdeck.probe.agent.AgentSettings;
import dev.portdeck.probe.agent.AllocationChecks;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.BuildStamp;
import dev.portdeck.tui.cli.common.DurationConverter;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.ListenAddress;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** `portdeck agent`: watches every allocation all the time and serves Prometheus metrics; runs until SIGTERM. */
@Command(name = "agent", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class,
        sortOptions = false,
        description = {
            "Watch every allocation the API key sees, all the time, and serve what it finds to Prometheus:"
                    + " /metrics, /probe (blackbox_exporter's multi-target contract), /sd (http_sd_configs),"
                    + " /-/healthy and /-/ready.",
            "Runs without a terminal until SIGTERM or Ctrl-C; SIGHUP reads the panel's allocations again at once."
                    + " Logs one line per change (allocation down/up, panel down/up) on stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGTERM or Ctrl-C",
            "1:could not listen on --listen",
            "2:bad command line, or no panel configured"})
public final class AgentCommand implements Callable<Integer> {

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9477",
            description = "Where to serve (default: ${DEFAULT-VALUE}); :9477 or 0.0.0.0:9477 for every address.")
    String listen;

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION", defaultValue = "15s",
            converter = DurationConverter.class, description = "Time between two probes of each allocation"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class, description = "Give up on a probe after this long (default:"
                    + " ${DEFAULT-VALUE}); also the /probe modules' timeout.")
    Duration timeout;

    @Option(names = "--rediscover", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Read the panel's allocations again this often (default: ${DEFAULT-VALUE}); SIGHUP does"
                    + " it at once.")
    Duration rediscover;

    @Option(names = "--server", paramLabel = "SERVER",
            description = "Watch only this server (short id, UUID or exact name; repeatable).")
    List<String> servers = new ArrayList<>();

    @Option(names = "--check", paramLabel = "CHECK", defaultValue = "auto",
            completionCandidates = ProbeCommand.CheckNames.class,
            description = "What to ask every allocation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: from the"
                    + " server's egg and variables and the config file's checks.*, as `portdeck probe` does).")
    String check;

    @Option(names = "--expect-closed", paramLabel = "PORTS", description = "Ports closed by design (RCON off,"
            + " SourceTV not running): PORT, HOST:PORT or SERVER-ID:PORT, comma-separated; their"
            + " portdeck_allocation_up has expected=\"closed\", so AllocationDown leaves them alone. So does"
            + " expect_closed in the config file.")
    String expectClosed;

    @Option(names = "--vantage", paramLabel = "NAME",
            description = "Add the label vantage=\"NAME\" to every series, to tell several agents apart.")
    String vantage;

    @Option(names = "--panel-rate", paramLabel = "N", defaultValue = "" + AgentSettings.DEFAULT_PANEL_RATE,
            description = "Requests a minute the agent may send to the panel (default: ${DEFAULT-VALUE}); the"
                    + " panel's limit is per user and shared with your browser.")
    int panelRate;

    @Option(names = "--no-resources", description = "Do not poll each server's /resources (power state, network"
            + " counters, uptime): only discovery talks to the panel.")
    boolean noResources;

    @Option(names = "--no-listening", description = "Do not look at what is bound on this machine (the"
            + " portdeck_allocation_listening gauge, from /proc/net; allocations on other machines never get one).")
    boolean noListening;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Connects in flight at once (default: from the open-files limit, at most 2048).")
    Integer concurrency;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (logfmt, the default) or json: one object per line.")
    String logFormat;

    @Mixin
    PanelOptions panel;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        AgentLog.Format format = AgentLog.Format.parse(logFormat);
        if (format == null) {
            throw new ParameterException(spec.commandLine(), "--log-format must be text or json, not '" + logFormat + "'.");
        }
        AgentSettings settings = settings();
        AllocationChecks checks = checks();
        PanelConfig config = panel.require();
        AtomicReference<Agent> running = new AtomicReference<>();
        boolean signals = listenForSignals(running);
        PrintWriter err = spec.commandLine().getErr();
        PanelOptions.warnAboutApplicationKey(config.key(), err);
        try (PanelClient client = new PanelClient(config, Agent.PANEL_RETRIES)) {
            AgentLog log = new AgentLog(err, format);
            Agent agent;
            try {
                agent = Agent.start(client, settings, log, BuildStamp.current().version(), checks);
            } catch (IllegalStateException e) {
                err.println("portdeck agent: " + e.getMessage() + ".");
                err.flush();
                return ExitCode.FAILURE;
            }
            running.set(agent);
            if (!signals) {
                Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "portdeck-agent-shutdown"));
            }
            try {
                stop.await();
            } finally {
                agent.close();
            }
            log.info("agent stopped");
            return ExitCode.OK;
        }
    }

    /**
     * SIGTERM and SIGINT end the wait, SIGHUP re-discovers (and is ignored before the agent runs: its first discovery
     * is coming anyway). Installed first thing, so an early signal never takes the JVM's default exit. False when
     * this JVM cannot handle them: then its shutdown hook stops the agent (and the exit status is 143 or 130).
     */
    private boolean listenForSignals(AtomicReference<Agent> running) {
        boolean term = ProcessSignals.handle("TERM", stop::countDown);
        boolean interrupt = ProcessSignals.handle("INT", stop::countDown);
        ProcessSignals.handle("HUP", () -> {
            Agent agent = running.get();
            if (agent != null) {
                agent.rediscover();
            }
        });
        return term && interrupt;
    }

    /** Ends a running agent as SIGTERM does (for tests that run the command in-process). */
    void requestStop() {
        stop.countDown();
    }

    private AgentSettings settings() {
        try {
            return new AgentSettings(ListenAddress.parseAny(spec.commandLine(), listen), interval, timeout, rediscover,
                    vantage, servers, panelRate, !noResources, !noListening, concurrency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
        }
    }

    /**
     * --check as the agent's rule (one check for all, or auto with the config file's checks.* overrides), and the
     * expected-closed ports of --expect-closed and the config file.
     */
    private AllocationChecks checks() {
        Check named = null;
        if (!check.strip().equalsIgnoreCase("auto")) {
            named = Check.parse(check);
            if (named == null) {
                throw new ParameterException(spec.commandLine(), "--check must be one of "
                        + String.join(", ", new ProbeCommand.CheckNames()) + ", not '" + check + "'.");
            }
        }
        CheckPlanner planner;
        try {
            planner = CheckPlanner.of(named, expectClosed, ConfigFile.in(panel.environment().variables()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new AllocationChecks() {
            @Override
            public boolean wantsEggs() {
                return planner.wantsEggs();
            }

            @Override
            public Check check(Server server, Allocation allocation) {
                return plan(server, allocation).target().check();
            }

            @Override
            public boolean expectedClosed(Server server, Allocation allocation) {
                return plan(server, allocation).expectedClosed();
            }

            private PlannedTarget plan(Server server, Allocation allocation) {
                return planner.plan(server, allocation, new Target(allocation.ip(), allocation.port(), null));
            }
        };
    }
}
