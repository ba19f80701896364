package dev.portdeck.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Small servers on loopback for the check tests, each on a free port, each stopped by close(): a TCP server that hands
 * every connection to a handler, and a UDP server that answers each datagram through a handler. They are written for
 * the tests (hostile ones especially); valid game servers come from independent implementations (node peers).
 */
final class Fixtures {

    private Fixtures() {
    }

    /** What a TCP fixture does with one accepted connection (on its own thread). */
    @FunctionalInterface
    interface Connection {
        void serve(Socket socket, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /** What a UDP fixture answers to one datagram: the datagrams to send back (none: silence). */
    @FunctionalInterface
    interface Datagrams {
        List<byte[]> answer(byte[] request, int requestNumber);
    }

    static final class Tcp implements AutoCloseable {
        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> Prober.daemon(r, "fixture-tcp"));
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        final List<byte[]> firstBytes = new CopyOnWriteArrayList<>();

        Tcp(Connection connection) throws IOException {
            server = Loopback.listen(false);
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        open.add(s);
                        threads.execute(() -> {
                            try (s) {
                                connection.serve(s, s.getInputStream(), s.getOutputStream());
                            } catch (IOException | InterruptedException e) {
                                // the prober hung up, or the test is over
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                s.close();
            }
            threads.shutdownNow();
        }
    }

    static final class Udp implements AutoCloseable {
        private final DatagramSocket socket;
        private final Thread loop;
        final List<Long> arrivals = new CopyOnWriteArrayList<>();

        Udp(Datagrams datagrams) throws SocketException {
            this(datagrams, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }

        Udp(Datagrams datagrams, InetSocketAddress bind) throws SocketException {
            socket = new DatagramSocket(bind);
            loop = Prober.daemon(() -> {
                byte[] buffer = new byte[65_536];
                int n = 0;
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                        socket.receive(p);
                        arrivals.add(System.nanoTime());
                        byte[] request = java.util.Arrays.copyOf(p.getData(), p.getLength());
                        for (byte[] reply : datagrams.answer(request, n++)) {
                            socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "fixture-udp");
            loop.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            loop.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** Reads until {@code n} bytes came or the stream ended; what came. */
    static byte[] read(InputStream in, int n) throws IOException {
        return in.readNBytes(n);
    }

    /** Keeps a connection open, silent, until the prober or the test closes it. */
    static void hang(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // drain what the prober sends, say nothing
        }
    }
}
