package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Check;
import dev.portdeck.probe.History;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.StatsSnapshot;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.TargetParser;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.tui.cli.common.CommandEnvironment;
import dev.portdeck.tui.cli.common.DurationConverter;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckCommandLine;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.ServerNames;
import dev.portdeck.tui.cli.listening.ProbeListening;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `portdeck probe TARGET...`: is that port reachable, and how fast? One sweep, or repeated like tcping. */
@Command(
        name = "probe",
        mixinStandardHelpOptions = true,
        versionProvider = PortdeckVersion.class,
        sortOptions = false,
        description = {
            "Probe ports with a TCP connect or the game's own question: open (it answered, with the connect time and"
                    + " the service's round trip), unresponsive (accepts TCP, the game does not answer), open|filtered"
                    + " (UDP silence), closed (refused), filtered (no answer before --timeout), unreachable (ICMP error"
                    + " or no route), dns-error, or local-error (this machine's problem, never blamed on the target).",
            "--check auto (the default) asks Minecraft/Bedrock/Source/FiveM servers in their protocols: from the"
                    + " server's egg and startup variables with --server/--all, else by well-known port.",
            "One sweep by default; --count, --interval and --watch repeat it and end with statistics.",
            "--server and --all read the targets from the panel's allocations."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every target is open (on its latest probe), or closed where --expect-closed says so",
            "1:some target is not as expected",
            "2:bad command line or target",
            "3, 4, 6:--server/--all: the panel was unreachable, refused the key, or has no such server",
            "130:interrupted (Ctrl-C)"})
public final class ProbeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "host:port, [v6]:port or host:from-to; comma lists reuse the host: 127.0.0.1:80,443,8000-8010")
    List<String> specs = new ArrayList<>();

    @Option(names = "--check", paramLabel = "CHECK", defaultValue = "auto", completionCandidates = CheckNames.class,
            description = "What to ask: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: from the egg, the"
                    + " startup variables and the config file's checks entries, or the well-known game ports).")
    String check = "auto";

    @Option(names = "--server", paramLabel = "SERVER", completionCandidates = ServerNames.class,
            description = "Probe every allocation of this server from the panel (short id, UUID or name; repeatable).")
    List<String> servers = new ArrayList<>();

    @Option(names = "--all", description = "Probe every allocation of every server the API key can see.")
    boolean all;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Probe N times (default: once).")
    Integer count;

    @Option(names = {"-w", "--watch"}, description = "Probe until Ctrl-C, then print the statistics.")
    boolean watch;

    @Option(names = "--changes", description = "With --count/--watch: print only state changes (the time, and how"
            + " long the previous state lasted), then the statistics.")
    boolean changes;

    @Option(names = "--summary", description = "With --count/--watch: print only the closing statistics.")
    boolean summary;

    @Option(names = "--expect-closed", paramLabel = "PORTS", description = "Ports closed by design (RCON off,"
            + " SourceTV): PORT, HOST:PORT or SERVER-ID:PORT, comma-separated. Closed counts as expected there"
            + " (exit 0); so does expect_closed in the config file.")
    String expectClosed;

    @Option(names = {"-i", "--interval"}, paramLabel = "DURATION", defaultValue = "1s",
            converter = DurationConverter.class,
            description = "Time between the starts of two rounds (default: ${DEFAULT-VALUE}): 500ms, 2s, 1m.")
    Duration interval;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "1s",
            converter = DurationConverter.class,
            description = "Give up on a connect after this long: filtered (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Connects in flight at once (default: from the open-files limit, at most 2048).")
    Integer concurrency;

    @Option(names = "--json", description = "One JSON object per result (NDJSON) and nothing else on stdout.")
    boolean json;

    @Option(names = "--ascii", description = "ASCII state marks (+ x ~ ? !) instead of ✔ ✘.")
    boolean ascii;

    @Option(names = "--show-closed", description = "List closed ports too when probing more than "
            + ProbeReport.LIST_CLOSED_UP_TO + " targets.")
    boolean showClosed;

    @Option(names = "--listening", description = "Also show what listens on this machine on each port (a LISTEN"
            + " column, \"listening\" in JSON, as portdeck listening reads it) and a diagnosis line for each target"
            + " that is not simply up.")
    boolean listening;

    @Mixin
    PanelOptions panel;

    @Spec
    CommandSpec spec;

    /** Set by {@link ProbeFastPath}, which runs this command without picocli; otherwise picocli's writers. */
    PrintWriter plainOut;
    PrintWriter plainErr;

    /** --json of one sweep is written in pieces of about this many characters. */
    private static final int JSON_CHUNK = 32 * 1024;

    private final Object printing = new Object();
    private final Map<Target, History> histories = new LinkedHashMap<>();
    private final Map<Target, PlannedTarget> plan = new LinkedHashMap<>();
    private final Map<Target, String> lastWords = new java.util.HashMap<>();
    private StateChanges stateChanges;
    private boolean stopped; // guarded by printing
    private ProbeReport report;
    private ProbeListening local; // --listening

    /**
     * `portdeck probe ARGS` for Main, fast on a cold start: a plain sweep skips picocli ({@link ProbeFastPath}); the
     * rest goes through picocli's model of this command alone, not of every portdeck subcommand.
     */
    public static int run(String[] args) {
        java.util.Optional<ProbeCommand> plain = ProbeFastPath.parse(args);
        return plain.isPresent() ? ProbeFastPath.run(plain.get()) : commandLine().execute(args);
    }

    /** `portdeck probe` alone: the same name, help, handlers and exit codes as under the `portdeck` command. */
    public static CommandLine commandLine() {
        return PortdeckCommandLine.of(new ProbeCommand()).setCommandName("portdeck probe");
    }

    @Override
    public Integer call() {
        try {
            checkOptions(); // first: a bad command line is refused before the panel is asked for targets
        } catch (IllegalArgumentException e) {
            return usage(e);
        }
        // The prober opens while the targets are read (a 10,000-port range takes as long as its threads and classes)
        try (ProberOpening opening = ProberOpening.start(
                () -> concurrency == null ? new Prober() : new Prober(concurrency))) {
            List<Target> targets;
            try {
                targets = targets();
            } catch (IllegalArgumentException e) {
                return usage(e);
            }
            Prober prober = opening.prober();
            return watch || count != null ? repeat(prober, targets) : once(prober, targets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private int usage(IllegalArgumentException e) {
        PrintWriter err = err();
        err.println("portdeck probe: " + e.getMessage());
        err.println("Try 'portdeck probe --help' for the accepted forms.");
        err.flush();
        return ExitCode.USAGE;
    }

    private List<Target> targets() {
        if (specs.isEmpty() && servers.isEmpty() && !all) {
            throw new IllegalArgumentException("name at least one TARGET (e.g. 127.0.0.1:25565), --server or --all.");
        }
        CheckPlanner planner = CheckPlanner.of(checkFlag(), expectClosed, configFile());
        List<PlannedTarget> planned = new ArrayList<>();
        for (Target typed : TargetParser.parseAll(specs)) {
            planned.add(planner.plan(typed));
        }
        if (!servers.isEmpty() || all) {
            planned.addAll(new AllocationTargets(panel, err()).read(servers, all, planner));
        }
        if (planned.isEmpty()) {
            throw new IllegalArgumentException("the panel lists no allocations to probe.");
        }
        for (PlannedTarget p : planned) {
            plan.putIfAbsent(p.target(), p);
        }
        return List.copyOf(plan.keySet());
    }

    /** The --check given, or null for auto. */
    private Check checkFlag() {
        if (check == null || check.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        Check named = Check.parse(check);
        if (named == null) {
            throw new IllegalArgumentException("--check must be one of " + String.join(", ", new CheckNames())
                    + ", not \"" + check + "\".");
        }
        return named;
    }

    private ConfigFile configFile() {
        CommandEnvironment env = panel == null ? CommandEnvironment.system() : panel.environment();
        return ConfigFile.in(env.variables());
    }

    private void checkOptions() {
        if (watch && count != null) {
            throw new IllegalArgumentException("--watch and --count do not go together: pick one.");
        }
        if ((changes || summary) && !watch && count == null) {
            throw new IllegalArgumentException("--changes and --summary go with --count or --watch.");
        }
        if (changes && summary) {
            throw new IllegalArgumentException("--changes and --summary do not go together: pick one.");
        }
        if (summary && json) {
            throw new IllegalArgumentException("--summary prints the statistics table; with --json every result is"
                    + " printed as it comes: pick one.");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, not " + count + ".");
        }
        if (concurrency != null && concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency + ".");
        }
        if (timeout.isZero() || timeout.isNegative() || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("--timeout and --interval must be longer than zero.");
        }
        checkFlag();
    }

    private int once(Prober prober, List<Target> targets) throws InterruptedException {
        if (json && !listening) {
            return exitCode(jsonWhileSweeping(prober, targets));
        }
        long start = System.nanoTime();
        List<ProbeResult> results = sweep(prober, targets);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        StringBuilder out = new StringBuilder();
        if (json) {
            json(results, out);
        } else {
            // Sum up closed ports of big ranges; a panel's allocations are always listed, closed ones matter there.
            boolean fromPanel = targets.stream().anyMatch(t -> t.label() != null);
            boolean hideClosed = !showClosed && !fromPanel && targets.size() > ProbeReport.LIST_CLOSED_UP_TO;
            table(results, true, hideClosed, out);
            if (targets.size() > 1) {
                long expected = results.stream().filter(r -> r.outcome() instanceof dev.portdeck.probe.Outcome.Closed
                        && plan.containsKey(r.target()) && plan.get(r.target()).expectedClosed()).count();
                out.append(ProbeReport.tally(results, took, expected));
            }
        }
        print(out);
        return exitCode(results);
    }

    private int repeat(Prober prober, List<Target> targets) throws InterruptedException {
        // Statistics cover the whole run, up to a memory bound of about a million results in all.
        int window = Math.max(100, Math.min(100_000, 1_000_000 / targets.size()));
        targets.forEach(t -> histories.put(t, new History(t, window)));
        Thread summary = new Thread(this::interrupted, "portdeck-probe-summary");
        if (watch) {
            Runtime.getRuntime().addShutdownHook(summary); // Ctrl-C: statistics, then exit 130
        }
        List<ProbeResult> results = List.of();
        long rounds = watch ? Long.MAX_VALUE : count;
        for (long round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            results = sweep(prober, targets);
            if (!printRound(results, round + 1)) {
                return ExitCode.INTERRUPTED;
            }
            if (round + 1 < rounds) {
                long left = interval.toNanos() - (System.nanoTime() - start);
                if (left > 0) {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
        }
        synchronized (printing) {
            if (!json) {
                print(new StringBuilder(report().statistics(snapshots())));
            }
            stopped = true;
        }
        if (watch) {
            Runtime.getRuntime().removeShutdownHook(summary);
        }
        return exitCode(results);
    }

    /**
     * One sweep as NDJSON in the order of the targets, each line written as soon as the results before it are in:
     * the formatting and writing of a large sweep overlap the sweep instead of following it.
     */
    private List<ProbeResult> jsonWhileSweeping(Prober prober, List<Target> targets) throws InterruptedException {
        ResultsInOrder inOrder = new ResultsInOrder(targets);
        java.util.concurrent.CompletableFuture<List<ProbeResult>> sweep = prober.sweep(targets, timeout, inOrder);
        StringBuilder out = new StringBuilder(JSON_CHUNK + 1024);
        for (int i = 0; i < targets.size(); i++) {
            ProbeResult r = inOrder.await(i, sweep);
            ProbeReport.json(r, plan.get(r.target()), null, out);
            if (out.length() >= JSON_CHUNK) {
                print(out);
                out.setLength(0);
            }
        }
        print(out);
        try {
            return sweep.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
        }
    }

    /** Records and prints round {@code round} (from 1); false once Ctrl-C has printed the summary. */
    private boolean printRound(List<ProbeResult> results, long round) {
        StringBuilder out = new StringBuilder();
        synchronized (printing) {
            if (stopped) {
                return false;
            }
            results.forEach(r -> histories.get(r.target()).record(r));
            if (changes) {
                List<ProbeResult> changed = changed(results);
                if (json) {
                    json(changed, out);
                } else {
                    out.append(stateChanges().lines(results));
                }
            } else if (json) {
                json(results, out);
            } else if (!summary) {
                Instant started = results.isEmpty() ? Instant.now() : results.get(0).time();
                out.append("round ").append(round).append("  ").append(stateChanges().clock(started)).append('\n');
                table(results, round == 1, false, out);
            }
            print(out);
        }
        return true;
    }

    /** The results whose state differs from the target's previous one (every first result counts). */
    private List<ProbeResult> changed(List<ProbeResult> results) {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeResult r : results) {
            String before = lastWords.put(r.target(), r.outcome().word());
            if (!r.outcome().word().equals(before)) {
                out.add(r);
            }
        }
        return out;
    }

    private StateChanges stateChanges() {
        if (stateChanges == null) {
            stateChanges = new StateChanges(java.time.ZoneId.systemDefault());
        }
        return stateChanges;
    }

    private void interrupted() {
        synchronized (printing) {
            if (!stopped && !json) {
                stopped = true;
                print(new StringBuilder("\n").append(report().statistics(snapshots())));
            }
            stopped = true;
        }
    }

    private void json(List<ProbeResult> results, StringBuilder out) {
        Map<ProbeResult, Listening> here = listening ? local().read(results) : null;
        results.forEach(r -> ProbeReport.json(r, plan.get(r.target()),
                here == null ? null : ProbeListening.json(r, here.get(r)), out));
    }

    /** The table, and with --listening its LISTEN column and a diagnosis line per target that is not simply up. */
    private void table(List<ProbeResult> results, boolean header, boolean hideClosed, StringBuilder out) {
        Map<ProbeResult, Listening> here = listening ? local().read(results) : null;
        report().listenMarks(here == null ? null : ProbeListening.marks(here));
        out.append(report().table(results, header, hideClosed));
        if (here != null) { // not for the closed ports the table sums up
            out.append(ProbeListening.diagnoses(hideClosed ? results.stream()
                    .filter(r -> !(r.outcome() instanceof dev.portdeck.probe.Outcome.Closed)).toList() : results, here));
        }
    }

    private ProbeListening local() {
        if (local == null) {
            local = new ProbeListening();
        }
        return local;
    }

    private List<StatsSnapshot> snapshots() {
        return histories.values().stream().map(History::snapshot).toList();
    }

    private List<ProbeResult> sweep(Prober prober, List<Target> targets) throws InterruptedException {
        try {
            return prober.sweep(targets, timeout, null).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep failed: " + e.getCause(), e.getCause());
        }
    }

    private ProbeReport report() {
        if (report == null) {
            boolean utf8 = Charset.defaultCharset().equals(StandardCharsets.UTF_8);
            report = new ProbeReport(ascii || !utf8, plan);
        }
        return report;
    }

    private void print(StringBuilder text) {
        PrintWriter out = spec == null ? plainOut : spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    private PrintWriter err() {
        return spec == null ? plainErr : spec.commandLine().getErr();
    }

    /** 0 when every target is as expected on its latest probe: open, or closed where closed is expected. */
    private int exitCode(List<ProbeResult> results) {
        return results.stream().allMatch(r -> {
            PlannedTarget p = plan.get(r.target());
            return p == null ? r.outcome().isOpen() : p.asExpected(r.outcome());
        }) ? ExitCode.OK : ExitCode.FAILURE;
    }

    /** The values of --check, for help and shell completion. */
    static final class CheckNames extends ArrayList<String> {
        CheckNames() {
            for (Check c : Check.values()) {
                add(c.word());
            }
            add("auto");
        }
    }

    /** {@link dev.portdeck.tui.cli.common.DurationConverter#parse}, any length: {@link #checkOptions()} refuses 0. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return dev.portdeck.tui.cli.common.DurationConverter.parse(value);
        }
    }
}
