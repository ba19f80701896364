package dev.portdeck.shared.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: measures the simulator for the README. Run from the shared module after `mvn test-compile`:
 * {@code java -cp target/classes:target/test-classes:<jackson jars> dev.portdeck.shared.sim.SimulatorBenchmark}.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            System.out.printf("start with the demo world and its listeners: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            sequential(sim, "/api/client/servers/" + sim.serverId("Survival SMP") + "/network/allocations", 2000);
            parallel(sim, "/api/client", 8, 500);
        }
        t0 = System.nanoTime();
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withWorld(DemoWorld.large(60, 4)))) {
            System.out.printf("start with a 60x4 world (240 allocations, 180 listening): %.0f ms%n",
                    (System.nanoTime() - t0) / 1e6);
            sequential(sim, "/api/client?per_page=100", 500);
        }
    }

    private static void sequential(PanelSimulator sim, String path, int count) {
        SimHttp http = new SimHttp(sim, sim.clientKey());
        for (int i = 0; i < 200; i++) {
            http.get(path); // warm-up
        }
        long[] micros = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            if (http.get(path).status() != 200) {
                throw new IllegalStateException("not 200");
            }
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("GET %s sequential x%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", path, count,
                micros[count / 2] / 1000.0, micros[count * 95 / 100] / 1000.0, micros[count * 99 / 100] / 1000.0);
    }

    private static void parallel(PanelSimulator sim, String path, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                SimHttp http = new SimHttp(sim, sim.clientKey());
                for (int j = 0; j < perThread; j++) {
                    http.get(path);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("GET %s with %d threads: %.0f requests/s%n", path, threads, threads * perThread / seconds);
    }
}
