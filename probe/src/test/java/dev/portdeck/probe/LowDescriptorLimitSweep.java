package dev.portdeck.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run in a child JVM under `ulimit -n` by {@link DescriptorExhaustionTest}. A listener that never accepts, with its
 * accept queue filled, silently drops further SYNs, so every probe of it stays in flight until its deadline. The
 * prober's cap (1000) is far above the process's limit: it must run out of descriptors and wait for its own sockets.
 * Prints how many results of each state it saw.
 */
public final class LowDescriptorLimitSweep {

    public static void main(String[] args) throws Exception {
        int probes = Integer.parseInt(args[0]);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket stuck = new ServerSocket(0, 1, loopback)) {
            List<SocketChannel> fillers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                SocketChannel filler = SocketChannel.open();
                filler.configureBlocking(false);
                filler.connect(new InetSocketAddress(loopback, stuck.getLocalPort()));
                fillers.add(filler);
            }
            Thread.sleep(200); // let the handshakes that fit complete
            List<Target> targets = Collections.nCopies(probes, Target.of("127.0.0.1", stuck.getLocalPort()));
            try (Prober prober = new Prober(1000)) {
                Map<String, Integer> counts = new TreeMap<>();
                for (ProbeResult r : prober.sweep(targets, Duration.ofMillis(300), null).get()) {
                    counts.merge(r.outcome().word(), 1, Integer::sum);
                }
                System.out.println(counts);
            }
            for (SocketChannel filler : fillers) {
                filler.close();
            }
        }
    }
}
