import dev.portdeck.probe.Check;
import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.Target;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark helper, run against the jar (compiled once by bench/game-checks.sh).
 *   sweep TARGETS COUNT RUNS GAP_MS: COUNT checks cycling through TARGETS ("CHECK PORT" lines, 127.0.0.1), as one
 *     sweep after a warm-up sweep, RUNS times; prints wall time, this process's CPU time and the states per run.
 *   rtt CHECK PORT COUNT: COUNT sequential checks of one server; prints the service's round trip and the connect
 *     (or first reply) time: p50, p95, min, in microseconds.
 */
public class GameChecks {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("sweep")) {
            sweep(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
        } else {
            rtt(Check.parse(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    static void sweep(Path file, int count, int runs, long gapMillis) throws Exception {
        List<Target> servers = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(" ");
            if (f.length == 2) {
                servers.add(new Target("127.0.0.1", Integer.parseInt(f[1]), null, Check.parse(f[0])));
            }
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Target t = servers.get(i % servers.size());
            targets.add(new Target(t.host(), t.port(), "#" + i, t.check()));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Prober.Settings settings = Prober.Settings.defaults().withUdpGap(Duration.ofMillis(gapMillis));
        try (Prober prober = new Prober(settings)) {
            prober.sweep(targets, Duration.ofSeconds(2), null).get(); // warm-up
            for (int r = 0; r < runs; r++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                List<ProbeResult> results = prober.sweep(targets, Duration.ofSeconds(2), null).get();
                long wall = System.nanoTime() - t0;
                long cpu = os.getProcessCpuTime() - cpu0;
                Map<String, Integer> states = new TreeMap<>();
                for (ProbeResult x : results) {
                    states.merge(x.target().check().word() + " " + x.outcome().word(), 1, Integer::sum);
                }
                System.out.printf("portdeck sweep of %d checks (UDP gap %d ms): wall %.0f ms, CPU %.0f ms  %s%n",
                        count, gapMillis, wall / 1e6, cpu / 1e6, states);
            }
        }
    }

    static void rtt(Check check, int port, int count) throws Exception {
        long[] app = new long[count];
        long[] net = new long[count];
        int n = 0;
        try (Prober prober = new Prober(Prober.Settings.defaults().withUdpGap(Duration.ZERO))) {
            Target t = new Target("127.0.0.1", port, null, check);
            for (int i = 0; i < 20; i++) {
                prober.probe(t, Duration.ofSeconds(2)).get(); // warm-up
            }
            for (int i = 0; i < count; i++) {
                ProbeResult r = prober.probe(t, Duration.ofSeconds(2)).get();
                if (r.outcome() instanceof Outcome.Open o && o.appLatency() != null) {
                    app[n] = o.appLatency().toNanos() / 1000;
                    net[n++] = o.latency().toNanos() / 1000;
                }
                Thread.sleep(5);
            }
        }
        System.out.printf("portdeck %s 127.0.0.1:%d x%d: service round trip %s; %s %s%n", check.word(), port, n,
                figures(Arrays.copyOf(app, n)), check.transport() == Check.Transport.TCP ? "connect" : "first reply",
                figures(Arrays.copyOf(net, n)));
    }

    static String figures(long[] micros) {
        if (micros.length == 0) {
            return "none";
        }
        Arrays.sort(micros);
        return String.format("p50 %d us, p95 %d us, min %d us", micros[(int) Math.ceil(0.5 * micros.length) - 1],
                micros[(int) Math.ceil(0.95 * micros.length) - 1], micros[0]);
    }
}
