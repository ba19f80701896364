import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Benchmark helper: listens on 127.0.0.1 ports FROM, FROM+STEP, ... below TO, accepts and closes every connection
 * (so repeated probes never fill an accept queue), prints the ports it got on one line, and runs until killed.
 * Usage: java bench/Listeners.java FROM TO STEP
 */
public class Listeners {
    public static void main(String[] args) throws IOException {
        int from = Integer.parseInt(args[0]);
        int to = Integer.parseInt(args[1]);
        int step = Integer.parseInt(args[2]);
        Selector selector = Selector.open();
        StringBuilder ports = new StringBuilder();
        for (int port = from; port <= to; port += step) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            try {
                server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
            } catch (IOException busy) {
                server.close();
                continue; // someone else has it; the comparison uses what is really listening
            }
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            ports.append(ports.length() == 0 ? "" : ",").append(port);
        }
        System.out.println(ports);
        System.out.flush();
        while (true) {
            selector.select(key -> {
                try {
                    SocketChannel client = ((ServerSocketChannel) key.channel()).accept();
                    if (client != null) {
                        client.close();
                    }
                } catch (IOException e) {
                    // a client that reset first: nothing to do
                }
            });
        }
    }
}
