import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.ListeningSnapshot;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark helper, run against the jar: the cost of one listening snapshot (read and parse /proc/net/{tcp,tcp6,
 * udp,udp6}); of answering ASKED allocations on ADDRESS ports FROM.. with it, owners included (one pass over
 * /proc/<pid>/fd); of one allocation; and of a later round, whose snapshot comes from the previous one's next() and
 * remembers its owners. ROUNDS times after the first (cold) round; prints the cold round, the median and the best.
 * Usage: java -cp tui/target/portdeck.jar bench/ListeningCost.java ADDRESS FROM ASKED ROUNDS
 */
public class ListeningCost {
    public static void main(String[] args) throws Exception {
        InetAddress address = InetAddress.getByName(args[0]);
        int from = Integer.parseInt(args[1]);
        int asked = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < asked; i++) {
            endpoints.add(new Endpoint(address, from + i));
        }
        Endpoint one = endpoints.get(asked / 2);
        long[][] took = new long[4][rounds + 1];
        int sockets = 0;
        long listening = 0;
        ListeningSnapshot previous = null;
        for (int r = 0; r <= rounds; r++) {
            long t0 = System.nanoTime();
            ListeningSnapshot fresh = ListeningSnapshot.take();
            long t1 = System.nanoTime();
            Map<Endpoint, Listening> answers = fresh.lookupAll(endpoints);
            long t2 = System.nanoTime();
            ListeningSnapshot.take().lookup(one);
            long t3 = System.nanoTime();
            // as a dashboard, agent or probe --watch does: each round's snapshot from the last one
            ListeningSnapshot next = previous == null ? ListeningSnapshot.take() : previous.next();
            next.lookupAll(endpoints);
            long t4 = System.nanoTime();
            previous = next;
            took[0][r] = t1 - t0;
            took[1][r] = t2 - t0;
            took[2][r] = t3 - t2;
            took[3][r] = t4 - t3;
            sockets = fresh.sockets();
            listening = answers.values().stream().filter(l -> l instanceof Listening.Bound).count();
        }
        System.out.printf("%d bound sockets on this machine; %d of %d asked allocations have one%n",
                sockets, listening, asked);
        report("snapshot alone (read + parse the 4 files)", took[0]);
        report("snapshot + " + asked + " allocations, owners scanned", took[1]);
        report("snapshot + 1 allocation, owner scanned", took[2]);
        report("next round: next() + " + asked + " allocations", took[3]);
    }

    private static void report(String what, long[] nanos) {
        long cold = nanos[0];
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        System.out.printf("%-46s cold %7.1f ms   median %7.1f ms   best %7.1f ms%n", what, cold / 1e6,
                warm[warm.length / 2] / 1e6, warm[0] / 1e6);
    }
}
