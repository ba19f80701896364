package dev.portdeck.probe.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The /proc/net parser on lines captured from a little-endian Linux 6.x machine (see each test for what was bound). */
class ProcNetTest {

    private static final String TCP = ""
            + "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
            + "                                                     \n"
            // python: bind 0.0.0.0:25565 and 127.0.0.5:8123, listen; then one connection to 127.0.0.5:8123
            + "   0: 00000000:63DD 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71262 1"
            + " 0000000095a51c40 100 0 0 10 0                     \n"
            + "   2: 0500007F:1FBB 00000000:0000 0A 00000000:00000001 00:00000000 00000000     0        0 71263 2"
            + " 00000000b8497c69 100 0 0 10 0                     \n"
            + "   3: 0100007F:87AE 0500007F:1FBB 01 00000000:00000000 00:00000000 00000000     0        0 71271 2"
            + " 0000000011c42c5b 20 0 0 10 -1                     \n"
            + "   4: 0500007F:1FBB 0100007F:87AE 01 00000000:00000000 00:00000000 00000000     0        0 0 1"
            + " 0000000067188f16 20 0 0 10 -1                         \n";

    private static final String TCP6 = ""
            + "  sl  local_address                         remote_address                        st tx_queue rx_queue"
            + " tr tm->when retrnsmt   uid  timeout inode\n"
            // ::1:27015, fd00::2:443, [::]:19132, ::ffff:127.0.0.1:30120 (v4-mapped), then a TIME_WAIT
            + "   0: 00000000000000000000000001000000:6987 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000     0        0 71265 1 00000000e4b5617b 100 0 0 10 0\n"
            + "   1: 000000FD000000000000000002000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000  1000        0 71267 1 00000000d063aa19 100 0 0 10 0\n"
            + "   2: 00000000000000000000000000000000:4ABC 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000     0        0 71264 1 000000004de09434 100 0 0 10 0\n"
            + "   3: 0000000000000000FFFF00000100007F:75A8 00000000000000000000000000000000:0000 0A 00000000:00000000"
            + " 00:00000000 00000000     0        0 71266 1 00000000df2d66a2 100 0 0 10 0\n"
            + "   4: 0000000000000000FFFF00000100007F:9A65 0000000000000000FFFF00000100007F:C606 06 00000000:00000000"
            + " 03:000016C6 00000000     0        0 0 3 000000007edcb7b7\n";

    private static final String UDP = ""
            + "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref"
            + " pointer drops            \n"
            // a connected client socket (state 01) and 0.0.0.0:19132 bound
            + " 3767: 0100007F:AD37 0100007F:4ABC 01 00000000:00000000 00:00000000 00000000     0        0 71272 2"
            + " 00000000973821c7 0         \n"
            + "11324: 00000000:4ABC 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 71268 2"
            + " 000000003ff95acb 0         \n";

    private static final String UDP6 = ""
            + "  sl  local_address                         remote_address                        st tx_queue rx_queue"
            + " tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
            + " 2823: 00000000000000000000000000000000:6987 00000000000000000000000000000000:0000 07 00000000:00000000"
            + " 00:00000000 00000000     0        0 71269 2 00000000bcc22c40 0\n"
            + " 5928: 0000000000000000FFFF00000100007F:75A8 00000000000000000000000000000000:0000 07 00000000:00000000"
            + " 00:00000000 00000000     0        0 71270 2 0000000030d546bf 0\n";

    private static List<SocketRow> parse(String text, Transport transport, boolean ipv6) {
        return ProcNet.parse(text.getBytes(StandardCharsets.US_ASCII), transport, ipv6, ByteOrder.LITTLE_ENDIAN);
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void ipv4ListenersAreReadWithTheirAddressPortAndInodeAndConnectionsAreLeftOut() throws Exception {
        List<SocketRow> rows = parse(TCP, Transport.TCP, false);
        assertEquals(List.of(
                new SocketRow(Transport.TCP, false, ip("0.0.0.0"), 25565, 0, 71262),
                new SocketRow(Transport.TCP, false, ip("127.0.0.5"), 8123, 0, 71263)), rows);
    }

    @Test
    void ipv6AddressesAreFourLittleEndianWordsAndAV4MappedOneIsItsIpv4Address() throws Exception {
        List<SocketRow> rows = parse(TCP6, Transport.TCP, true);
        assertEquals(List.of(
                new SocketRow(Transport.TCP, true, ip("::1"), 27015, 0, 71265),
                new SocketRow(Transport.TCP, true, ip("fd00::2"), 443, 1000, 71267),
                new SocketRow(Transport.TCP, true, ip("::"), 19132, 0, 71264),
                new SocketRow(Transport.TCP, true, ip("127.0.0.1"), 30120, 0, 71266)), rows);
        assertEquals("[::ffff:127.0.0.1]", rows.get(3).owned(new Owner.NoProcess()).addressText(),
                "shown as ss shows a v4-mapped bind");
        assertEquals("[::]", rows.get(2).owned(new Owner.NoProcess()).addressText());
    }

    @Test
    void udpKeepsBoundUnconnectedSocketsOnlyAsSsListensDoes() throws Exception {
        assertEquals(List.of(new SocketRow(Transport.UDP, false, ip("0.0.0.0"), 19132, 0, 71268)),
                parse(UDP, Transport.UDP, false));
        assertEquals(List.of(
                new SocketRow(Transport.UDP, true, ip("::"), 27015, 0, 71269),
                new SocketRow(Transport.UDP, true, ip("127.0.0.1"), 30120, 0, 71270)), parse(UDP6, Transport.UDP, true));
    }

    @Test
    void onABigEndianMachineTheWordsAreInNetworkOrder() throws Exception {
        String line = "  sl  local_address rem_address   st\n"
                + "   0: 7F000001:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000   0  0 42 1\n";
        assertEquals(List.of(new SocketRow(Transport.TCP, false, ip("127.0.0.1"), 8080, 0, 42)),
                ProcNet.parse(line.getBytes(StandardCharsets.US_ASCII), Transport.TCP, false, ByteOrder.BIG_ENDIAN));
    }

    @Test
    void aMalformedOrTruncatedLineIsSkippedAndTheRestIsRead() throws Exception {
        String text = TCP.lines().findFirst().orElseThrow() + "\n"
                + "   0: 0000ZZ00:63DD 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1\n"
                + "   1: 00000000:63DD 00000000:0000 0A\n"
                + "   2: 00000000:63 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 2 1\n"
                + "garbage\n\n"
                + "   3: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 3 1"; // no newline
        assertEquals(List.of(new SocketRow(Transport.TCP, false, ip("0.0.0.0"), 80, 0, 3)),
                parse(text, Transport.TCP, false));
    }

    @Test
    void anEmptyTableHasNoSockets() {
        assertTrue(parse("", Transport.TCP, false).isEmpty());
        assertTrue(parse(TCP.lines().findFirst().orElseThrow(), Transport.TCP, false).isEmpty());
    }

    @Test
    void aTcpTableIsReadOnlyUpToTheEndOfItsListenersHoweverManyConnectionsFollow() throws Exception {
        String header = TCP.lines().findFirst().orElseThrow() + "\n";
        String listeners = TCP.lines().skip(1).limit(2).map(l -> l + "\n").reduce("", String::concat);
        String timeWait = "   9: 0100007F:9A65 0100007F:C606 06 00000000:00000000 03:000016C6 00000000     0        0 0 3"
                + " 000000007edcb7b7\n";
        CountingStream table = new CountingStream(header + listeners, timeWait, 200_000); // ~20 MB of TIME_WAIT
        byte[] text = ProcNet.readListeners(table);
        assertEquals(header + listeners, new String(text, StandardCharsets.US_ASCII));
        assertTrue(table.served < 1 << 20, "read " + table.served + " bytes of a 20 MB table");
        assertEquals(parse(TCP, Transport.TCP, false),
                ProcNet.parse(text, Transport.TCP, false, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void pendingConnectionsAmongTheListenersAsOlderKernelsPrintThemDoNotEndTheRead() throws Exception {
        String synRecv = "   1: 0500007F:1FBB 0100007F:87AE 03 00000000:00000000 01:00000064 00000000     0        0 0 1"
                + " 0000000011c42c5b\n";
        String[] lines = TCP.split("\n");
        String text = lines[0] + "\n" + lines[1] + "\n" + synRecv + lines[2] + "\n" + lines[3] + "\n" + lines[4] + "\n";
        byte[] read = ProcNet.readListeners(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(
                new SocketRow(Transport.TCP, false, ip("0.0.0.0"), 25565, 0, 71262),
                new SocketRow(Transport.TCP, false, ip("127.0.0.5"), 8123, 0, 71263)),
                ProcNet.parse(read, Transport.TCP, false, ByteOrder.LITTLE_ENDIAN));
        assertFalse(new String(read, StandardCharsets.US_ASCII).contains(" 01 "), "stopped at the connection");
    }

    @Test
    void aTableWithoutConnectionsOrWithoutAFinalNewlineIsReadWhole() throws Exception {
        String listenersOnly = TCP.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElseThrow(); // no final newline
        assertEquals(listenersOnly, new String(ProcNet.readListeners(
                new ByteArrayInputStream(listenersOnly.getBytes(StandardCharsets.US_ASCII))), StandardCharsets.US_ASCII));
        assertEquals("", new String(ProcNet.readListeners(InputStream.nullInputStream()), StandardCharsets.US_ASCII));
    }

    /** What the early stop relies on, checked against this machine's kernel: listeners print before connections. */
    @Test
    void thisKernelPrintsEveryListenerBeforeAnyConnection() throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(tcp), "no /proc/net/tcp: not Linux");
        try (ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(first.getInetAddress(), first.getLocalPort()), 2000);
            try (Socket accepted = first.accept();
                 ServerSocket later = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
                    if (!Files.isReadable(table)) {
                        continue;
                    }
                    List<String> states = new ArrayList<>();
                    Files.readAllLines(table).stream().skip(1).map(l -> l.trim().split(" +")[3]).forEach(states::add);
                    int firstOther = states.indexOf("01");
                    assertTrue(firstOther < 0 || states.subList(firstOther, states.size()).stream()
                            .noneMatch("0A"::equals), table + ": a listener after a connection: " + states);
                }
                List<SocketRow> read = new ArrayList<>();
                for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
                    if (Files.isReadable(table)) {
                        try (InputStream in = Files.newInputStream(table)) {
                            read.addAll(ProcNet.parse(ProcNet.readListeners(in), Transport.TCP,
                                    table.endsWith("tcp6"), ByteOrder.nativeOrder()));
                        }
                    }
                }
                assertTrue(read.stream().anyMatch(r -> r.port() == later.getLocalPort()),
                        "the listener opened after a connection is found");
                assertTrue(read.stream().anyMatch(r -> r.port() == first.getLocalPort()));
            }
        }
    }

    /** A table of {@code head} then {@code line} repeated, counting what was read of it. */
    private static final class CountingStream extends InputStream {
        private final byte[] head;
        private final byte[] line;
        private final long total;
        long served;

        CountingStream(String head, String line, int repeats) {
            this.head = head.getBytes(StandardCharsets.US_ASCII);
            this.line = line.getBytes(StandardCharsets.US_ASCII);
            this.total = this.head.length + (long) this.line.length * repeats;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            for (int i = 0; i < n; i++, served++) {
                b[off + i] = served < head.length ? head[(int) served]
                        : line[(int) ((served - head.length) % line.length)];
            }
            return n;
        }
    }
}
