package dev.portdeck.shared.sim.games;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Minecraft's VarInt: 7-bit groups, least significant first, the high bit saying more follows; at most 5 bytes. */
final class VarInt {

    private VarInt() {
    }

    /** The VarInt at the buffer's position, consumed; null (nothing consumed) when it is not all there yet. */
    static Integer read(ByteBuffer in) {
        int value = 0;
        for (int i = 0; i < 5; i++) {
            if (in.position() + i >= in.limit()) {
                return null;
            }
            byte b = in.get(in.position() + i);
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                in.position(in.position() + i + 1);
                return value;
            }
        }
        throw new IllegalStateException("a VarInt longer than 5 bytes");
    }

    static void write(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }
}
