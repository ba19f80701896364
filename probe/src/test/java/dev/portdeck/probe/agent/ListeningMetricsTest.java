package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portdeck.probe.Check;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Server;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** portdeck_allocation_listening against sockets this test binds on loopback (ports the kernel picks). */
class ListeningMetricsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final ListeningMetrics metrics = new ListeningMetrics(Labels.of("vantage", "node"), new FamilyChanges());

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "skipped: needs Linux's /proc/net");
    }

    @Test
    void eachAllocationSaysWhetherItsChecksSocketIsBoundHereAndNothingAboutAnotherMachine() throws Exception {
        try (ServerSocket tcp = new ServerSocket(0, 5, LOOPBACK); DatagramSocket udp = new DatagramSocket(0, LOOPBACK)) {
            int free;
            try (ServerSocket gone = new ServerSocket(0, 5, LOOPBACK)) {
                free = gone.getLocalPort();
            }
            WatchedAllocation web = watched(1, "127.0.0.1", tcp.getLocalPort(), Check.TCP);
            WatchedAllocation source = watched(2, "127.0.0.1", udp.getLocalPort(), Check.A2S);
            WatchedAllocation javaOnUdp = watched(3, "127.0.0.1", udp.getLocalPort(), Check.MINECRAFT);
            WatchedAllocation stopped = watched(4, "127.0.0.1", free, Check.TCP);
            WatchedAllocation elsewhere = watched(5, "198.51.100.7", tcp.getLocalPort(), Check.TCP); // TEST-NET-2
            List<WatchedAllocation> all = List.of(web, source, javaOnUdp, stopped, elsewhere);
            metrics.retain(all);
            Map<WatchedAllocation, InetAddress> round = new HashMap<>();
            for (WatchedAllocation w : all) {
                round.put(w, InetAddress.getByName(w.allocation().ip()));
            }
            metrics.update(round, Set.of());
            String text = text();
            assertTrue(text.contains("portdeck_allocation_listening{allocation=\"1\",proto=\"tcp\",vantage=\"node\"} 1"), text);
            assertTrue(text.contains("portdeck_allocation_listening{allocation=\"2\",proto=\"udp\",vantage=\"node\"} 1"), text);
            assertTrue(text.contains("{allocation=\"3\",proto=\"tcp\",vantage=\"node\"} 0"), "only UDP is bound: " + text);
            assertTrue(text.contains("{allocation=\"4\",proto=\"tcp\",vantage=\"node\"} 0"), text);
            assertFalse(text.contains("allocation=\"5\""), "another machine's address gets no sample: " + text);

            tcp.close();
            metrics.update(round, Set.of(web));
            assertTrue(text().contains("{allocation=\"1\",proto=\"tcp\",vantage=\"node\"} 0"), text());
        }
    }

    @Test
    void theTablesAreReadAgainWhenAnAllocationWentDownOrUpOrAMinuteHasPassedNotEveryRound() throws Exception {
        long[] now = {0};
        ListeningMetrics paced = new ListeningMetrics(Labels.EMPTY, new FamilyChanges(), () -> now[0]);
        try (ServerSocket first = new ServerSocket(0, 5, LOOPBACK); ServerSocket second = new ServerSocket(0, 5, LOOPBACK);
             ServerSocket third = new ServerSocket(0, 5, LOOPBACK)) {
            WatchedAllocation a = watched(1, "127.0.0.1", first.getLocalPort(), Check.TCP);
            WatchedAllocation b = watched(2, "127.0.0.1", second.getLocalPort(), Check.TCP);
            WatchedAllocation c = watched(3, "127.0.0.1", third.getLocalPort(), Check.TCP);
            Map<WatchedAllocation, InetAddress> round = new HashMap<>(Map.of(a, LOOPBACK, c, LOOPBACK));
            paced.retain(List.of(a, c));
            paced.update(round, Set.of());
            assertTrue(text(paced).contains("{allocation=\"1\",proto=\"tcp\"} 1"), text(paced));

            first.close();
            now[0] += Duration.ofSeconds(15).toNanos();
            paced.update(round, Set.of());
            assertTrue(text(paced).contains("{allocation=\"1\",proto=\"tcp\"} 1"), "a quiet round keeps the last look");

            paced.retain(List.of(a, b, c)); // a newcomer is looked at in its first round, and so is everybody else
            round.put(b, LOOPBACK);
            paced.update(round, Set.of());
            assertTrue(text(paced).contains("{allocation=\"1\",proto=\"tcp\"} 0"), text(paced));
            assertTrue(text(paced).contains("{allocation=\"2\",proto=\"tcp\"} 1"), text(paced));

            second.close();
            paced.update(round, Set.of(b)); // b went down this round
            assertTrue(text(paced).contains("{allocation=\"2\",proto=\"tcp\"} 0"), text(paced));

            third.close();
            now[0] += Duration.ofSeconds(59).toNanos();
            paced.update(round, Set.of());
            assertTrue(text(paced).contains("{allocation=\"3\",proto=\"tcp\"} 1"), "within the minute");
            now[0] += Duration.ofSeconds(1).toNanos();
            paced.update(round, Set.of());
            assertTrue(text(paced).contains("{allocation=\"3\",proto=\"tcp\"} 0"), "a minute after the last look");
        }
    }

    @Test
    void anAllocationOnEveryAddressIsLookedAtWhereItsAliasPointedAndNotWithoutIt() throws Exception {
        try (ServerSocket tcp = new ServerSocket(0, 5, LOOPBACK)) {
            WatchedAllocation anywhere = watched(7, "0.0.0.0", tcp.getLocalPort(), Check.TCP);
            metrics.retain(List.of(anywhere));
            Map<WatchedAllocation, InetAddress> round = new HashMap<>();
            round.put(anywhere, null); // its alias did not resolve
            metrics.update(round, Set.of());
            assertFalse(text().contains("allocation=\"7\""), text());
            round.put(anywhere, LOOPBACK); // where it points now: looked at at once
            metrics.update(round, Set.of());
            assertTrue(text().contains("{allocation=\"7\",proto=\"tcp\",vantage=\"node\"} 1"), text());
            metrics.retain(List.of());
            assertEquals("", text(), "an allocation that left the panel takes its sample along");
        }
    }

    private String text() throws IOException {
        return text(metrics);
    }

    private static String text(ListeningMetrics of) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, of.collect());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static WatchedAllocation watched(long id, String ip, int port, Check check) {
        Server server = new Server("1a2b3c4d", "u", "Realm", "fra-1", null, false, 3, List.of(), Set.of());
        return WatchedAllocation.of(server, new Allocation(id, ip, "localhost", port, null, true), check);
    }
}
