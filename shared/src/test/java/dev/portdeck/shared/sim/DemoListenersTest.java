package dev.portdeck.shared.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.model.PowerState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo world's ports are real: open ones accept a TCP connect on loopback, closed ones refuse it. */
class DemoListenersTest {

    private static boolean accepts(String ip, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip, port), 2000);
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException e) {
            throw new AssertionError("neither accepted nor refused: " + ip + ":" + port, e);
        }
    }

    private static PanelSimulator.DemoPort port(PanelSimulator sim, String server, String notesStart) {
        return sim.demoPorts().stream()
                .filter(p -> p.serverName().equals(server) && p.allocation().notes() != null
                        && p.allocation().notes().startsWith(notesStart))
                .findFirst().orElseThrow();
    }

    @Test
    void openPortsAcceptAndClosedPortsRefuse() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            List<PanelSimulator.DemoPort> ports = sim.demoPorts();
            assertTrue(ports.stream().anyMatch(PanelSimulator.DemoPort::listening));
            assertTrue(ports.stream().anyMatch(p -> !p.listening()));
            for (PanelSimulator.DemoPort p : ports) {
                assertTrue(p.allocation().ip().startsWith("127."), "loopback only: " + p.allocation().ip());
                assertEquals(p.acceptsTcp(), accepts(p.allocation().ip(), p.allocation().port()), p.toString());
            }
            PanelSimulator.DemoPort game = port(sim, "Survival SMP", "Java");
            PanelSimulator.DemoPort rcon = port(sim, "Survival SMP", "RCON");
            assertTrue(game.listening());
            assertFalse(rcon.listening());
        }
    }

    @Test
    void stoppingAServerClosesItsPortsAndStartingOpensThem() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            PanelSimulator.DemoPort web = sim.demoPorts().stream()
                    .filter(p -> p.serverName().equals("Web Panel")).findFirst().orElseThrow();
            String ip = web.allocation().ip();
            int port = web.allocation().port();
            assertTrue(accepts(ip, port));
            SimHttp http = new SimHttp(sim, sim.clientKey());
            assertEquals(204, http.post("/api/client/servers/" + web.serverId() + "/power", "{\"signal\":\"stop\"}").status());
            assertFalse(accepts(ip, port));
            assertEquals(204, http.post("/api/client/servers/" + web.serverId() + "/power", "{\"signal\":\"start\"}").status());
            assertTrue(accepts(ip, port));
            sim.setSuspended(web.serverId(), true);
            assertFalse(accepts(ip, port));
        }
    }

    @Test
    void aTakenPortFallsBackToAnEphemeralOneThatTheAllocationReports() throws IOException {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.5", 0));
            int taken = squatter.getLocalPort();
            DemoWorld world = DemoWorld.builder().node("n1", "127.0.0.5", null, List.of())
                    .server("Squatted", "n1", 2, taken).build();
            try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withWorld(world))) {
                PanelSimulator.DemoPort p = sim.demoPorts().get(0);
                assertNotEquals(taken, p.allocation().port());
                assertTrue(p.listening());
                assertTrue(accepts("127.0.0.5", p.allocation().port()));
            }
        }
    }

    @Test
    void closingTheSimulatorClosesEveryListener() {
        List<PanelSimulator.DemoPort> open;
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            open = sim.demoPorts().stream().filter(PanelSimulator.DemoPort::listening).toList();
        }
        for (PanelSimulator.DemoPort p : open) {
            assertFalse(accepts(p.allocation().ip(), p.allocation().port()), p.toString());
        }
    }

    @Test
    void aStoppedServersConnectionsEndAndItsPortCanBeReservedClosedAgainAtOnce() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket()) { // a port nobody uses, without TIME_WAIT (never connected)
            free.bind(new InetSocketAddress("127.0.0.9", 0));
            port = free.getLocalPort();
        }
        DemoWorld world = DemoWorld.builder().node("n9", "127.0.0.9", null, List.of())
                .server(new DemoWorld.ServerSpec("Quiet", "n9", "", 2, PowerState.OFFLINE, false,
                        List.of(new DemoWorld.Port(port, null, true)), 1))
                .build();
        try (PanelSimulator first = PanelSimulator.start(SimulatorOptions.defaults().withWorld(world))) {
            assertEquals(port, first.demoPorts().get(0).allocation().port());
            first.setPowerState("Quiet", PowerState.RUNNING);
            try (Socket held = new Socket()) {
                held.connect(new InetSocketAddress("127.0.0.9", port), 2000);
                held.setSoTimeout(5000);
                first.setPowerState("Quiet", PowerState.OFFLINE);
                assertThrows(IOException.class, () -> {
                    if (held.getInputStream().read() < 0) {
                        throw new IOException("closed");
                    }
                }, "the connection ends with the server");
            }
            first.setPowerState("Quiet", PowerState.RUNNING);
            try (Socket held = new Socket()) {
                held.connect(new InetSocketAddress("127.0.0.9", port), 2000);
                first.close(); // with the connection still open
            }
            try (PanelSimulator second = PanelSimulator.start(SimulatorOptions.defaults().withWorld(world))) {
                assertEquals(port, second.demoPorts().get(0).allocation().port(),
                        "no TIME_WAIT left behind on our side: the port is reserved again");
                assertFalse(accepts("127.0.0.9", port));
            }
        }
    }

    @Test
    void powerSignalsFromManyThreadsLeaveEveryPortMatchingItsServer() throws Exception {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults())) {
            List<String> ids = List.of(sim.serverId("Survival SMP"), sim.serverId("FiveM Roleplay"),
                    sim.serverId("Web Panel"));
            String[] signals = {"start", "stop", "restart", "kill"};
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    SimHttp http = new SimHttp(sim, sim.clientKey());
                    for (int i = 0; i < 15; i++) {
                        String id = ids.get((thread + i) % ids.size());
                        assertEquals(204, http.post("/api/client/servers/" + id + "/power",
                                "{\"signal\":\"" + signals[(thread * 7 + i) % signals.length] + "\"}").status());
                        http.get("/api/client/servers/" + id + "/resources");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            for (PanelSimulator.DemoPort p : sim.demoPorts()) {
                assertEquals(p.acceptsTcp(), accepts(p.allocation().ip(), p.allocation().port()), p.toString());
                if (p.listening()) {
                    assertEquals(PowerState.RUNNING, sim.powerState(p.serverId()), p.toString());
                }
            }
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults());
        sim.close();
        sim.close();
        assertFalse(accepts("127.0.0.1", sim.url().getPort()));
    }

    @Test
    void withoutDemoListenersNothingIsBoundAndNothingClaimsToListen() {
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            assertTrue(sim.demoPorts().stream().noneMatch(PanelSimulator.DemoPort::listening));
            assertEquals(25565, port(sim, "Survival SMP", "Java").allocation().port());
        }
    }

    @Test
    void theApiListensOnLoopbackOnly() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorOptions.defaults()
                .withListen(new InetSocketAddress("0.0.0.0", 0)));
        try (PanelSimulator sim = PanelSimulator.start(SimulatorOptions.defaults().withDemoListeners(false))) {
            assertEquals("127.0.0.1", sim.url().getHost());
        }
    }

    @Test
    void twoSimulatorsSideBySideBothWork() {
        try (PanelSimulator a = PanelSimulator.start(SimulatorOptions.defaults());
             PanelSimulator b = PanelSimulator.start(SimulatorOptions.defaults())) {
            for (PanelSimulator sim : List.of(a, b)) {
                for (PanelSimulator.DemoPort p : sim.demoPorts()) {
                    assertEquals(p.acceptsTcp(), accepts(p.allocation().ip(), p.allocation().port()), p.toString());
                }
            }
            assertEquals(PowerState.RUNNING, b.powerState("Survival SMP"));
        }
    }
}
