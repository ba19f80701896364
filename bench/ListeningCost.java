import dev.portdeck.probe.local.Endpoint;
import dev.portdeck.probe.local.Listening;
import dev.portdeck.probe.local.ListeningSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark helper, run against the jar: the cost of one listening snapshot (read and parse /proc/net/{tcp,tcp6,
 * udp,udp6}); of answering ASKED allocations on ADDRESS ports FROM.. with it, owners included (one pass over
 * /proc/<pid>/fd); of one allocation; and of a later round, whose snapshot comes from the previous one's next() and
 * remembers its owners. ROUNDS times after the first (cold) round; prints the cold round and the median, in wall
 * time and in CPU time.
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
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[][] wall = new long[4][rounds + 1];
        long[][] used = new long[4][rounds + 1];
        int sockets = 0;
        long listening = 0;
        ListeningSnapshot previous = null;
        for (int r = 0; r <= rounds; r++) {
            long[] t = new long[5];
            long[] c = new long[5];
            mark(t, c, 0, cpu);
            ListeningSnapshot fresh = ListeningSnapshot.take();
            mark(t, c, 1, cpu);
            Map<Endpoint, Listening> answers = fresh.lookupAll(endpoints);
            mark(t, c, 2, cpu);
            ListeningSnapshot.take().lookup(one);
            mark(t, c, 3, cpu);
            // as a dashboard, agent or probe --watch does: each round's snapshot from the last one
            ListeningSnapshot next = previous == null ? ListeningSnapshot.take() : previous.next();
            next.lookupAll(endpoints);
            mark(t, c, 4, cpu);
            previous = next;
            int[][] spans = {{0, 1}, {0, 2}, {2, 3}, {3, 4}};
            for (int i = 0; i < 4; i++) {
                wall[i][r] = t[spans[i][1]] - t[spans[i][0]];
                used[i][r] = c[spans[i][1]] - c[spans[i][0]];
            }
            sockets = fresh.sockets();
            listening = answers.values().stream().filter(l -> l instanceof Listening.Bound).count();
        }
        System.out.printf("%d bound sockets on this machine; %d of %d asked allocations have one%n",
                sockets, listening, asked);
        System.out.println("(wall time, then this thread's CPU time, user + system: less disturbed by other load)");
        String[] what = {"snapshot alone (read + parse the 4 files)", "snapshot + " + asked
                + " allocations, owners scanned", "snapshot + 1 allocation, owner scanned", "next round: next() + "
                + asked + " allocations"};
        for (int i = 0; i < 4; i++) {
            report(what[i], wall[i], used[i]);
        }
    }

    private static void mark(long[] wall, long[] cpu, int i, ThreadMXBean bean) {
        wall[i] = System.nanoTime();
        cpu[i] = bean.getCurrentThreadCpuTime();
    }

    private static void report(String what, long[] wall, long[] cpu) {
        System.out.printf("%-46s cold %6.1f ms, median %6.1f ms (CPU: cold %6.1f ms, median %6.1f ms)%n", what,
                wall[0] / 1e6, median(wall) / 1e6, cpu[0] / 1e6, median(cpu) / 1e6);
    }

    private static long median(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(warm);
        return warm[warm.length / 2];
    }
}
