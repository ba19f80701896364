package dev.portdeck.probe.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reassembles a Source engine split reply: datagrams that start with -2 ({@code FE FF FF FF}), then int32 reply id,
 * byte total, byte number, short size, then a part of the payload. Parts may come in any order and twice; a part of
 * another reply is ignored. Compressed replies (the id's top bit: bzip2) are refused, as the JDK cannot unpack bzip2.
 * At most {@link #MAX_PARTS} parts and {@link #MAX_BYTES} bytes.
 */
final class SplitReply {

    static final int HEADER = -2;
    static final int MAX_PARTS = 32;
    static final int MAX_BYTES = 64 * 1024;
    static final int HEADER_BYTES = 4 + 4 + 1 + 1 + 2;

    private int id;
    private byte[][] parts;
    private int have;
    private int bytes;

    /** Adds one split datagram; the whole payload once every part is here, else null. */
    byte[] add(ByteBuffer datagram) throws BadReply {
        ByteBuffer d = datagram.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (d.remaining() < HEADER_BYTES || d.getInt() != HEADER) {
            throw new BadReply("a truncated split reply");
        }
        int replyId = d.getInt();
        int total = d.get() & 0xFF;
        int number = d.get() & 0xFF;
        d.getShort(); // the server's packet size
        if (replyId < 0) {
            throw new BadReply("compressed split replies are not supported");
        }
        if (total < 1 || total > MAX_PARTS || number >= total) {
            throw new BadReply("a split reply with part " + number + " of " + total);
        }
        if (parts == null) {
            id = replyId;
            parts = new byte[total][];
        } else if (replyId != id || total != parts.length) {
            return null; // a part of another reply
        }
        if (parts[number] == null) {
            bytes += d.remaining();
            if (bytes > MAX_BYTES) {
                throw new BadReply("a split reply over " + MAX_BYTES + " bytes");
            }
            parts[number] = new byte[d.remaining()];
            d.get(parts[number]);
            have++;
        }
        return have == parts.length ? joined() : null;
    }

    private byte[] joined() {
        byte[] whole = new byte[bytes];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }

    /** {@code payload} cut into split datagrams of at most {@code size} payload bytes each (for tests and fixtures). */
    static ByteBuffer[] split(byte[] payload, int replyId, int size) {
        int total = Math.max(1, (payload.length + size - 1) / size);
        ByteBuffer[] datagrams = new ByteBuffer[total];
        for (int n = 0; n < total; n++) {
            int from = n * size;
            int length = Math.min(size, payload.length - from);
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + length).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(HEADER).putInt(replyId).put((byte) total).put((byte) n).putShort((short) (size + HEADER_BYTES));
            b.put(payload, from, length);
            datagrams[n] = b.flip();
        }
        return datagrams;
    }
}
