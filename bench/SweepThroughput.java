import dev.portdeck.probe.Outcome;
import dev.portdeck.probe.ProbeResult;
import dev.portdeck.probe.Prober;
import dev.portdeck.probe.Target;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark helper, run against the jar: in-process sweep throughput of the engine over 127.0.0.1:FROM-TO, with one
 * selector thread and with the default (one per core), ROUNDS sweeps of each in turn after a warm-up sweep; the peak
 * of open descriptors during the sweeps (counted every 2 ms, the count's own listing included) next to the in-flight
 * cap; whether both found the same open ports; then the
 * loopback connect time the engine reports for one open PORT (COUNT sequential probes: p50, p99, min, avg, max; none
 * when COUNT is 0).
 * With NMAP_MS (nmap's whole-process time for the same ports), each rate is also given as a multiple of nmap's.
 * Usage: java -cp tui/target/portdeck.jar bench/SweepThroughput.java FROM TO ROUNDS PORT COUNT [NMAP_MS]
 */
public class SweepThroughput {

    public static void main(String[] args) throws Exception {
        int from = Integer.parseInt(args[0]);
        int to = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int port = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        double nmapRate = args.length > 5 ? (to - from + 1) / (Double.parseDouble(args[5]) / 1000) : 0;
        List<Target> targets = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            targets.add(Target.of("127.0.0.1", p));
        }
        Prober.Settings defaults = Prober.Settings.defaults();
        int[] threads = {1, defaults.selectorThreads()};
        Prober[] probers = {new Prober(defaults.withSelectorThreads(1)), new Prober(defaults)};
        long[][] took = new long[2][rounds];
        long[] peak = new long[2];
        long[] opened = new long[2];
        long before = openDescriptors();
        for (int i = 0; i < 2; i++) {
            probers[i].sweep(targets, Duration.ofSeconds(1), null).get(); // warm-up
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 2; i++) {
                // The descriptors are counted by a thread of their own every 2 ms: a listener would be called under
                // the sweep's lock and hold up the other selector thread while it lists /proc
                AtomicLong high = new AtomicLong();
                AtomicBoolean sweeping = new AtomicBoolean(true);
                Thread counter = new Thread(() -> {
                    while (sweeping.get()) {
                        high.accumulateAndGet(openDescriptors(), Math::max);
                        LockSupport.parkNanos(2_000_000);
                    }
                }, "descriptor-counter");
                counter.setDaemon(true);
                counter.start();
                long start = System.nanoTime();
                List<ProbeResult> results = probers[i].sweep(targets, Duration.ofSeconds(1), null).get();
                took[i][r] = System.nanoTime() - start;
                sweeping.set(false);
                counter.join();
                if (results.size() != targets.size()) {
                    throw new IllegalStateException("lost results");
                }
                peak[i] = Math.max(peak[i], high.get());
                long open = results.stream().filter(res -> res.outcome() instanceof Outcome.Open).count();
                if (r > 0 && open != opened[i]) {
                    throw new IllegalStateException("open ports changed between sweeps: " + opened[i] + " then " + open);
                }
                opened[i] = open;
            }
        }
        for (int i = 0; i < 2; i++) {
            Arrays.sort(took[i]);
            double median = took[i][rounds / 2] / 1e9;
            double rate = targets.size() / median;
            System.out.printf("sweep, %d selector thread%s: %d connects, median %.1f ms (best %.1f ms) = %.0f connects/s%s;"
                            + " %d open; peak %d descriptors above the %d before (cap %d in flight)%n",
                    threads[i], threads[i] == 1 ? "" : "s", targets.size(), median * 1e3, took[i][0] / 1e6, rate,
                    nmapRate > 0 ? String.format(" = %.2f x nmap's", rate / nmapRate) : "", opened[i],
                    peak[i] - before, before, probers[i].maxInFlight());
        }
        if (count > 0) {
            connectTimes(probers[1], port, count);
        }
        for (Prober p : probers) {
            p.close();
        }
    }

    private static void connectTimes(Prober prober, int port, int count) throws Exception {
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

    private static long openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        if (fds == null) {
            throw new IllegalStateException("cannot list /proc/self/fd");
        }
        return fds.length;
    }
}
