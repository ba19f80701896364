import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;

/**
 * Benchmark helper: binds TCP listeners on ADDRESS ports FROM..FROM+TCP-1 and UDP sockets on FROM..FROM+UDP-1,
 * holds them (never accepts: nothing connects), prints how many it got on one line, and runs until killed.
 * A port someone else holds is skipped. Usage: java bench/BoundSockets.java ADDRESS FROM TCP UDP
 */
public class BoundSockets {
    public static void main(String[] args) throws IOException, InterruptedException {
        InetAddress address = InetAddress.getByName(args[0]);
        int from = Integer.parseInt(args[1]);
        int tcp = Integer.parseInt(args[2]);
        int udp = Integer.parseInt(args[3]);
        int tcpBound = 0;
        int udpBound = 0;
        for (int port = from; port < from + tcp; port++) {
            try {
                ServerSocketChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(address, port), 4);
                tcpBound++;
            } catch (IOException busy) {
                // held by someone else: the count says what is really bound
            }
        }
        for (int port = from; port < from + udp; port++) {
            try {
                DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(address, port));
                udpBound++;
            } catch (IOException busy) {
                // as above
            }
        }
        System.out.println(tcpBound + " " + udpBound);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
