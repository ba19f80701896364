package dev.portdeck.probe.local;

import dev.portdeck.probe.Check.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of {@code /proc/net/{tcp,tcp6,udp,udp6}}: a header line, then one socket per line,
 * {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...}. Only bound sockets are kept:
 * TCP in LISTEN ({@code 0A}) and UDP unconnected ({@code 07}), what {@code ss -tuln} lists. Parsed from the bytes by
 * hand: a node's table can hold tens of thousands of connections, read once per probe round.
 */
final class ProcNet {

    static final int TCP_LISTEN = 0x0A;
    /** Kernels before 4.4 print a listener's pending connections (SYN_RECV) right after it, among the listeners. */
    static final int TCP_SYN_RECV = 0x03;
    static final int UDP_UNCONNECTED = 0x07;

    /** The length of the listeners' text last read (of whichever table: they are of a size on one machine). */
    private static volatile int lastListenersLength;

    private ProcNet() {
    }

    /**
     * The bound sockets of one file's text. Addresses are printed as 32-bit words in the kernel's byte order
     * ({@code order}: the machine's own when read live); a line that does not parse is skipped.
     */
    static List<SocketRow> parse(byte[] text, Transport transport, boolean ipv6, ByteOrder order) {
        int wanted = transport == Transport.TCP ? TCP_LISTEN : UDP_UNCONNECTED;
        List<SocketRow> rows = new ArrayList<>();
        long[] field = new long[2]; // [start, end) of the current field, reused for every line
        int start = next(text, 0); // the header
        while (start < text.length) {
            int end = next(text, start);
            SocketRow row = line(text, start, end - 1, field, transport, ipv6, order, wanted);
            if (row != null) {
                rows.add(row);
            }
            start = end;
        }
        return rows;
    }

    /**
     * A TCP table's text up to the end of its listeners. The kernel prints the listening sockets first (its listening
     * hash, then the established one), and on a busy node most of the table is connections and TIME_WAIT (an agent's
     * every probe leaves one for a minute) at some microseconds of kernel time a line: reading stops at the first
     * line in a state other than LISTEN or SYN_RECV.
     */
    static byte[] readListeners(InputStream in) throws IOException {
        // Sized from the last read: a node's listeners hardly change, and doubling from 64 KB to a 7,500-listener
        // table's 1 MB left 4 MB of copies behind on every round.
        byte[] text = new byte[Math.max(1 << 16, lastListenersLength + (lastListenersLength >> 3) + 1)];
        int length = 0;
        int line = -1; // where the first line not looked at yet starts; -1 while the header has not ended
        long[] field = new long[2];
        for (int n; (n = in.read(text, length, text.length - length)) >= 0; ) {
            length += n;
            if (line < 0) {
                line = lineEnd(text, 0, length);
            }
            for (int end; line >= 0 && (end = lineEnd(text, line, length)) >= 0; line = end) {
                long state = state(text, line, end - 1, field);
                if (state >= 0 && state != TCP_LISTEN && state != TCP_SYN_RECV) {
                    lastListenersLength = line;
                    return Arrays.copyOf(text, line);
                }
            }
            if (length == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
        }
        lastListenersLength = length;
        return Arrays.copyOf(text, length);
    }

    /** The state ({@code st}) of the socket line between {@code from} and {@code to}, or -1. */
    private static long state(byte[] b, int from, int to, long[] field) {
        int at = from;
        for (int i = 0; i < 4; i++) {
            at = field(b, at, to, field); // sl, local_address, rem_address, st
        }
        return field[1] - field[0] == 2 ? hex(b, (int) field[0], (int) field[1]) : -1;
    }

    /** The index after the next newline at or after {@code from} (or the end). */
    private static int next(byte[] text, int from) {
        int end = lineEnd(text, from, text.length);
        return end < 0 ? text.length : end;
    }

    /** The index after the next newline at or after {@code from} and before {@code length}, or -1 when none has come. */
    private static int lineEnd(byte[] text, int from, int length) {
        for (int i = from; i < length; i++) {
            if (text[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** One socket line between {@code from} and {@code to} (exclusive), or null when not bound or not parseable. */
    private static SocketRow line(byte[] b, int from, int to, long[] field, Transport transport, boolean ipv6,
                                  ByteOrder order, int wanted) {
        int at = from;
        at = field(b, at, to, field); // sl
        at = field(b, at, to, field); // local_address
        int local = (int) field[0];
        int localEnd = (int) field[1];
        at = field(b, at, to, field); // rem_address
        at = field(b, at, to, field); // st
        if (field[1] - field[0] != 2 || hex(b, (int) field[0], (int) field[1]) != wanted) {
            return null;
        }
        at = field(b, at, to, field); // tx_queue:rx_queue
        at = field(b, at, to, field); // tr:tm->when
        at = field(b, at, to, field); // retrnsmt
        at = field(b, at, to, field); // uid
        long uid = decimal(b, (int) field[0], (int) field[1]);
        at = field(b, at, to, field); // timeout
        field(b, at, to, field); // inode
        long inode = decimal(b, (int) field[0], (int) field[1]);
        int colon = local + (ipv6 ? 32 : 8);
        if (uid < 0 || inode < 0 || colon >= localEnd || b[colon] != ':' || localEnd - colon != 5) {
            return null;
        }
        byte[] address = address(b, local, colon, order);
        long port = hex(b, colon + 1, localEnd);
        if (address == null || port < 0) {
            return null;
        }
        try {
            return new SocketRow(transport, ipv6, InetAddress.getByAddress(address), (int) port, uid, inode);
        } catch (UnknownHostException e) {
            return null; // cannot happen for 4 or 16 bytes
        }
    }

    /** Finds the next space-separated field from {@code at}; its bounds go to {@code field}; returns its end. */
    private static int field(byte[] b, int at, int to, long[] field) {
        int i = at;
        while (i < to && b[i] == ' ') {
            i++;
        }
        int start = i;
        while (i < to && b[i] != ' ') {
            i++;
        }
        field[0] = start;
        field[1] = i;
        return i;
    }

    /**
     * The address bytes of {@code 0100007F} (127.0.0.1 on a little-endian machine) or 32 hex digits for IPv6: each
     * 32-bit word is printed as a number in the kernel's byte order, so on little-endian machines its bytes come
     * reversed.
     */
    private static byte[] address(byte[] b, int from, int to, ByteOrder order) {
        byte[] address = new byte[(to - from) / 2];
        for (int word = 0; word < address.length / 4; word++) {
            long value = hex(b, from + word * 8, from + word * 8 + 8);
            if (value < 0) {
                return null;
            }
            for (int i = 0; i < 4; i++) {
                int shift = order == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (3 - i);
                address[word * 4 + i] = (byte) (value >>> shift);
            }
        }
        return address;
    }

    /** A hexadecimal number of at most 15 digits, or -1. */
    private static long hex(byte[] b, int from, int to) {
        if (from >= to || to - from > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(b[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** A decimal number of at most 18 digits, or -1. */
    private static long decimal(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
