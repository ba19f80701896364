import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Target;
import dev.portdeck.probe.Prober;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark helper, run against the jar: in-process sweep throughput of the engine (connects/s over ROUNDS sweeps of
 * 127.0.0.1:FROM-TO after one warm-up sweep) and the loopback connect time the engine reports for one open PORT
 * (COUNT sequential probes: p50, p99, min, avg, max).
 * Usage: java -cp tui/target/portdeck.jar bench/SweepThroughput.java FROM TO ROUNDS PORT COUNT
 */
public class SweepThroughput {
    public static void main(String[] args) throws Exception {
        int from = Integer.parseInt(args[0]);
        int to = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int port = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        List<Target> targets = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            targets.add(Target.of("127.0.0.1", p));
        }
        try (Prober prober = new Prober()) {
            prober.sweep(targets, Duration.ofSeconds(1), null).get(); // warm-up
            long[] took = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                List<ProbeResult> results = prober.sweep(targets, Duration.ofSeconds(1), null).get();
                took[r] = System.nanoTime() - start;
                if (results.size() != targets.size()) {
                    throw new IllegalStateException("lost results");
                }
            }
            Arrays.sort(took);
            long median = took[rounds / 2];
            System.out.printf("sweep: %d connects, median %.1f ms (best %.1f ms) = %.0f connects/s (cap %d in flight)%n",
                    targets.size(), median / 1e6, took[0] / 1e6, targets.size() / (median / 1e9), prober.maxInFlight());
            long[] micros = new long[count];
            Target open = Target.of("127.0.0.1", port);
            for (int i = 0; i < count; i++) {
                ProbeResult r = prober.probe(open, Duration.ofSeconds(1)).get();
                if (!(r.outcome() instanceof Outcome.Open o)) {
                    throw new IllegalStateException("port " + port + " is " + r.outcome().word());
                }
                micros[i] = o.latency().toNanos() / 1000;
                Thread.sleep(1);
            }
            long sum = Arrays.stream(micros).sum();
            Arrays.sort(micros);
            System.out.printf("connect 127.0.0.1:%d x%d: p50 %d us, p99 %d us, min %d us, avg %d us, max %d us%n",
                    port, count, micros[(int) Math.ceil(0.50 * count) - 1], micros[(int) Math.ceil(0.99 * count) - 1],
                    micros[0], sum / count, micros[count - 1]);
        }
    }
}
