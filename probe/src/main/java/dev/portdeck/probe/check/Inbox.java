package dev.portdeck.probe.check;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The bytes received so far on one connection, never more than a fixed cap. */
final class Inbox {

    private final int cap;
    private byte[] bytes = new byte[256];
    private int length;

    Inbox(int cap) {
        this.cap = cap;
    }

    /** Appends everything in {@code src}; false (and nothing appended) when that would pass the cap. */
    boolean add(ByteBuffer src) {
        int n = src.remaining();
        if (n > cap - length) {
            return false;
        }
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(bytes.length * 2, length + n)));
        }
        src.get(bytes, length, n);
        length += n;
        return true;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Drops the first {@code n} bytes. */
    void consume(int n) {
        System.arraycopy(bytes, n, bytes, 0, length - n);
        length -= n;
    }
}
