package dev.portdeck.tui.docs;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.sim.DemoWorld;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A capture's commands as a user runs them: `portdeck demo --serve-only` started from bin/portdeck, its export line
 * read, then each line run by bash with `portdeck` on the PATH, with folders of its own for the config file, state
 * and cache. Used by docs/captures.sh, never by the tests (they run the same lines in-process).
 */
final class DemoProcess implements AutoCloseable {

    private final Process demo;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> paths = new LinkedHashMap<>();
    private final Path home;
    private final DemoPortMap ports;

    DemoProcess(Path repo, Map<String, String> options, Path home) throws IOException, InterruptedException {
        this.home = home;
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("portdeck"), repo.resolve("bin/portdeck"));
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        for (String[] dir : new String[][] {{"config", "XDG_CONFIG_HOME", "~/.config"},
                {"state", "XDG_STATE_HOME", "~/.local/state"}}) {
            Path p = Files.createDirectories(home.resolve(dir[0]));
            env.put(dir[1], p.toString());
            paths.put(p.toString(), dir[2]);
        }
        if (options.containsKey("nopanel")) {
            demo = null;
            ports = DemoPortMap.none();
            return;
        }
        waitForDemoPorts();
        List<String> command = new ArrayList<>(List.of(repo.resolve("bin/portdeck").toString(), "demo", "--serve-only"));
        if (options.containsKey("flavor")) {
            command.addAll(List.of("--flavor", options.get("flavor")));
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(home.resolve("demo.err").toFile());
        pb.environment().putAll(env);
        demo = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String export = out.readLine();
        if (export == null || !export.startsWith("export ")) {
            throw new IOException("portdeck demo --serve-only printed no export line: "
                    + Files.readString(home.resolve("demo.err")));
        }
        for (String assignment : export.substring("export ".length()).split(" ")) {
            env.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
        }
        ports = DemoPortMap.of(new PanelClient(PanelConfig.of(URI.create(env.get("PORTDECK_PANEL_URL")),
                ApiKey.of(env.get("PORTDECK_API_KEY")))).listServers());
    }

    CommandOutput run(String line) throws IOException, InterruptedException {
        ShellLine.parse(line, env);  // refuses more shell than the in-process run understands
        String held = String.join(" ", Stream.of(line.split(" ")).map(ports::toHeld).toList());
        Path out = home.resolve("out");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", held)
                .redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PORTDECK_") || k.equals("NO_COLOR"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("still running after 2 minutes: " + line);
        }
        if (ports.rangeOverMovedPort()) {
            System.err.println("captures: a demo port moved (another program holds it); check the range in: " + line);
        }
        return new CommandOutput(line, ports.toWanted(Files.readString(out)), p.exitValue()).tidied(paths);
    }

    /** Waits up to 10 s for the demo's own ports: the docs then show what a free machine shows, with no mapping. */
    private static void waitForDemoPorts() throws InterruptedException {
        DemoWorld world = DemoWorld.standard();
        for (int attempt = 0; ; attempt++) {
            String taken = takenPort(world);
            if (taken == null) {
                return;
            }
            if (attempt == 40) {
                System.err.println("captures: " + taken + " is held by another program; the demo takes another port,"
                        + " and the captures name the demo's own");
                return;
            }
            Thread.sleep(250);
        }
    }

    private static String takenPort(DemoWorld world) {
        for (DemoWorld.ServerSpec server : world.servers()) {
            String ip = world.nodes().stream().filter(n -> n.name().equals(server.node())).findFirst().orElseThrow().ip();
            for (DemoWorld.Port port : server.ports()) {
                InetSocketAddress at = new InetSocketAddress(ip, port.port()); // an IP literal: no lookup
                try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(null)) {
                    tcp.setReuseAddress(true);
                    tcp.bind(at);
                    udp.bind(at);
                } catch (IOException e) {
                    return ip + ":" + port.port();
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        if (demo != null) {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
