package dev.portdeck.probe.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A process of its own for the tests (run by {@link FixtureProcess}): binds sockets, asks the engine what listens,
 * prints both, and keeps the sockets until its stdin closes.
 * <pre>
 * --bind tcp|udp ADDRESS PORT   prints "bound tcp PORT" (PORT 0: the one the kernel chose)
 * --ask ADDRESS PORT            prints "asked ADDRESS:PORT WORD OWNER|OWNER" (from this process's point of view)
 * </pre>
 * Any other argument is ignored, so it can carry docker-proxy's flags. Ends with "ready".
 */
public final class ListeningFixture {

    private ListeningFixture() {
    }

    public static void main(String[] args) throws IOException {
        List<AutoCloseable> held = new ArrayList<>();
        List<Endpoint> asks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--bind")) {
                InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(args[i + 2]),
                        Integer.parseInt(args[i + 3]));
                if (args[i + 1].equals("tcp")) {
                    ServerSocketChannel server = ServerSocketChannel.open().bind(at);
                    held.add(server);
                    System.out.println("bound tcp " + ((InetSocketAddress) server.getLocalAddress()).getPort());
                } else {
                    DatagramChannel udp = DatagramChannel.open().bind(at);
                    held.add(udp);
                    System.out.println("bound udp " + ((InetSocketAddress) udp.getLocalAddress()).getPort());
                }
                i += 3;
            } else if (args[i].equals("--ask")) {
                asks.add(new Endpoint(InetAddress.getByName(args[i + 1]), Integer.parseInt(args[i + 2])));
                i += 2;
            }
        }
        ListeningSnapshot.take().lookupAll(asks).forEach((e, answer) -> System.out.println("asked "
                + e.address().getHostAddress() + ":" + e.port() + " " + answer.word() + " " + owners(answer)));
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the sockets until the test closes our stdin
        }
    }

    private static String owners(Listening answer) {
        if (!(answer instanceof Listening.Bound bound)) {
            return "-";
        }
        return bound.owners().stream().map(Owner::text).collect(Collectors.joining("|"));
    }
}
