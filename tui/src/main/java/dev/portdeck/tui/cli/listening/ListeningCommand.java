package dev.portdeck.tui.cli.listening;

import dev.portdeck.probe.Target;
import dev.portdeck.probe.TargetParser;
import dev.portdeck.probe.local.Diagnosis;
import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.ListeningSnapshot;
import dev.portdeck.shared.client.IpLiteral;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.tui.TerminalText;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelAllocations;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.output.JsonOut;
import dev.portdeck.tui.cli.output.TextTable;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `portdeck listening`: a netstat for the panel's allocations — what listens on this machine on each one's port. */
@Command(
        name = "listening",
        mixinStandardHelpOptions = true,
        versionProvider = PortdeckVersion.class,
        sortOptions = false,
        description = {
            "Show what listens on this machine on each allocation's port: TCP listeners and bound UDP sockets, IPv4"
                    + " and IPv6, and the process holding them (as ss -tulpn shows them, read from /proc/net and"
                    + " /proc/<pid>/fd). Allocations whose IP is not this machine's say so.",
            "Other users' processes are shown only to root (or with CAP_SYS_PTRACE); otherwise they are"
                    + " \"unknown process (not permitted)\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:something is bound on every allocation that is on this machine",
            "1:an allocation on this machine has nothing bound, or this machine's sockets cannot be read",
            "2:bad command line or target",
            "3, 4, 6:--server/--all: the panel was unreachable, refused the key, or has no such server"})
public final class ListeningCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "ip:port, [v6]:port or ip:from-to, as for probe: 0.0.0.0:25565, 127.0.0.1:27015-27020")
    List<String> specs = new ArrayList<>();

    @Option(names = "--server", paramLabel = "SERVER",
            description = "Every allocation of this server from the panel (short id, UUID or name; repeatable).")
    List<String> servers = new ArrayList<>();

    @Option(names = "--all", description = "Every allocation of every server the API key can see.")
    boolean all;

    @Option(names = "--json", description = "One JSON array, a row per allocation, and nothing else on stdout.")
    boolean json;

    @Mixin
    PanelOptions panel;

    @Spec
    CommandSpec spec;

    /** One allocation or target, and the address and port it is reached at. */
    private record Row(String address, PanelAllocations.Placed placed, Endpoint endpoint) {
        String label() {
            return placed == null ? null : placed.label();
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Row> rows;
        try {
            rows = targets();
        } catch (IllegalArgumentException e) {
            err.println("portdeck listening: " + e.getMessage());
            err.println("Try 'portdeck listening --help' for the accepted forms.");
            err.flush();
            return ExitCode.USAGE;
        }
        if (!servers.isEmpty() || all) {
            rows.addAll(allocations(err));
        }
        Map<Endpoint, Listening> answers = ListeningSnapshot.take().lookupAll(rows.stream().map(Row::endpoint).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOut.print(out, rows.stream().map(r -> json(r, answers.get(r.endpoint()))).toList());
        } else {
            print(rows, answers, out);
        }
        boolean down = answers.values().stream()
                .anyMatch(l -> l instanceof Listening.NotListening || l instanceof Listening.Unknown);
        return down ? ExitCode.FAILURE : ExitCode.OK;
    }

    private List<Row> targets() {
        if (specs.isEmpty() && servers.isEmpty() && !all) {
            throw new IllegalArgumentException("name at least one TARGET (e.g. 0.0.0.0:25565), --server or --all.");
        }
        Map<String, InetAddress> resolved = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Target t : TargetParser.parseAll(specs)) {
            InetAddress address = resolved.computeIfAbsent(t.host(), ListeningCommand::resolve);
            rows.add(new Row(t.toString(), null, new Endpoint(address, t.port())));
        }
        return rows;
    }

    private static InetAddress resolve(String host) {
        return lookUp(host).orElseThrow(() -> new IllegalArgumentException("'" + host
                + "' does not resolve to an address."));
    }

    /** An IP literal as it is; a name through the system's resolver (empty when it does not resolve). */
    private static Optional<InetAddress> lookUp(String host) {
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return literal;
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The panel's allocations, each with where it is reached. */
    private List<Row> allocations(PrintWriter err) {
        Map<String, Optional<InetAddress>> aliases = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (PanelAllocations.Placed placed : PanelAllocations.read(panel, servers, all, err, "listening")) {
            Allocation a = placed.allocation();
            // one on every address is reached where its alias points; an alias that does not resolve leaves it there
            InetAddress alias = a.bindsEveryAddress() && a.ipAlias() != null && !a.ipAlias().isBlank()
                    ? aliases.computeIfAbsent(a.ipAlias().strip(), ListeningCommand::lookUp).orElse(null) : null;
            Endpoint.of(a, alias).ifPresentOrElse(e -> rows.add(new Row(a.address(), placed, e)),
                    () -> err.println("portdeck listening: skipped " + TerminalText.clean(a.address())
                            + ": the panel's ip is not an IP address"));
        }
        err.flush();
        return rows;
    }

    private static void print(List<Row> rows, Map<Endpoint, Listening> answers, PrintWriter out) {
        boolean labels = rows.stream().anyMatch(r -> r.label() != null);
        TextTable table = labels ? new TextTable("ADDRESS", "SERVER", "STATE", "TCP", "UDP", "PROCESS")
                : new TextTable("ADDRESS", "STATE", "TCP", "UDP", "PROCESS");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            Listening l = answers.get(r.endpoint());
            ListeningText.Cells c = ListeningText.cells(l);
            if (labels) {
                table.row(r.address(), r.label() == null ? "-" : r.label(), c.state(), c.tcp(), c.udp(), c.process());
            } else {
                table.row(r.address(), c.state(), c.tcp(), c.udp(), c.process());
            }
            Diagnosis d = Diagnosis.of(l);
            if (l.here() && !d.simplyUp()) {
                notes.add(r.address() + (r.label() == null ? "" : " (" + r.label() + ")") + ": " + d.sentence());
            }
        }
        table.print(out);
        notes.forEach(n -> out.println(TerminalText.clean(n)));
        ListeningText.summary(rows.stream().map(r -> answers.get(r.endpoint())).toList()).forEach(out::println);
        out.flush();
    }

    private static Map<String, Object> json(Row r, Listening l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("server", r.placed() == null ? null : JsonOut.serverRef(r.placed().server()));
        m.put("allocation", r.placed() == null ? null : JsonOut.allocation(r.placed().allocation()));
        m.put("listening", ListeningJson.listening(l));
        m.put("diagnosis", ListeningJson.diagnosis(Diagnosis.of(l)));
        return m;
    }
}
