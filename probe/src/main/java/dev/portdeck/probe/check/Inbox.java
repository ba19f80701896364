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

    /**
     * Appends what fits under the cap; false when not all of {@code src} fit (the rest is dropped). Callers read what
     * did fit first: its own fault is the better reason than its size.
     */
    boolean add(ByteBuffer src) {
        int n = Math.min(src.remaining(), cap - length);
        boolean all = n == src.remaining();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(bytes.length * 2, length + n)));
        }
        src.get(bytes, length, n);
        length += n;
        return all;
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
