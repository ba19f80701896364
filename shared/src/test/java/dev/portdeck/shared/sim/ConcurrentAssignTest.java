package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parallel assigns over real HTTP never hand one ip:port to two servers and never exceed a limit. */
class ConcurrentAssignTest {

    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 12;

    @ParameterizedTest
    @EnumSource(Flavor.class)
    void parallelAssignsNeverShareAnAddressNorExceedALimit(Flavor flavor) throws Exception {
        DemoWorld.Builder b = DemoWorld.builder()
                .node("n1", "127.0.0.2", null, IntStream.range(30000, 30040).boxed().toList());
        for (int s = 0; s < 4; s++) {
            b.server(new DemoWorld.ServerSpec("S" + s, "n1", "", 6 + s * 3, PowerState.OFFLINE, false,
                    List.of(new DemoWorld.Port(25565 + s, null, false)), 1));
        }
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withFlavor(flavor).withWorld(b.build())
                .withDemoListeners(false).withCreationLimit(RateLimit.OFF))) {
            List<String> ids = sim.servers().stream().map(Server::identifier).toList();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    SimHttp http = new SimHttp(sim, sim.clientKey());
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                        String server = ids.get((thread + i) % ids.size());
                        // Asking all for the same port makes the documented flavor race for it too.
                        statuses.add(http.post(SimHttp.allocations(server), i % 2 == 0 ? "{}" : "{\"port\":30000}").status());
                    }
                    return statuses;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            int created = 0;
            for (Future<List<Integer>> f : results) {
                for (int status : f.get()) {
                    assertTrue(status == 200 || status == 400 || status == 409, "status " + status);
                    created += status == 200 ? 1 : 0;
                }
            }
            Set<String> addresses = new HashSet<>();
            int assigned = 0;
            for (Server s : sim.servers()) {
                assertTrue(s.allocations().size() <= s.allocationLimit(), s.name() + " over its limit");
                for (Allocation a : s.allocations()) {
                    assertTrue(addresses.add(a.address()), a.address() + " handed out twice");
                    assigned++;
                }
            }
            for (Allocation free : sim.freeAllocations("n1")) {
                assertTrue(addresses.add(free.address()), free.address() + " both free and assigned");
            }
            assertEquals(4 + created, assigned, "every 200 is one more assigned allocation");
            assertEquals(44, addresses.size(), "no row lost or duplicated");
        }
    }
}
