package dev.portdeck.probe.check;

import java.io.ByteArrayOutputStream;

/** Minecraft's VarInt: 7-bit groups, least significant first, the high bit set while more follow; 1 to 5 bytes. */
final class VarInt {

    static final int MAX_BYTES = 5;

    private VarInt() {
    }

    /** A decoded VarInt and how many bytes it took. */
    record Read(int value, int size) { }

    static void write(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    static int size(int value) {
        int size = 1;
        for (int v = value; (v & ~0x7F) != 0; v >>>= 7) {
            size++;
        }
        return size;
    }

    /**
     * The VarInt at {@code bytes[offset]}, looking no further than {@code end}; null when it continues past {@code end}
     * (more bytes needed).
     *
     * @throws BadReply when it runs past five bytes
     */
    static Read read(byte[] bytes, int offset, int end) throws BadReply {
        int value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= end) {
                return null;
            }
            int b = bytes[offset + i];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return new Read(value, i + 1);
            }
        }
        throw new BadReply("a VarInt longer than 5 bytes");
    }
}
