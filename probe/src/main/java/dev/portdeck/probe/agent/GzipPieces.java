package dev.portdeck.probe.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * One gzip member (RFC 1952) made of pieces compressed apart: each piece but the last ends with a sync flush (byte
 * aligned, not final) and each starts with an empty history (nothing refers back across pieces), so a piece
 * compressed once serves many responses, followed by pieces compressed for each. The trailer's CRC-32 of the whole is combined from the pieces' own CRCs, as zlib's
 * crc32_combine does; the JDK compresses but cannot resume a CRC or a deflate stream.
 */
final class GzipPieces {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int CRC32_POLYNOMIAL = 0xedb88320; // reflected, as CRC32 computes it

    /** A compressed piece: raw deflate blocks, and the length and CRC-32 of what they hold. */
    record Piece(byte[] deflated, int deflatedLength, long length, int crc) {
    }

    private GzipPieces() {
    }

    /** A stream that compresses what is written into a {@link Piece}, at the fastest level. */
    static final class Compressing extends OutputStream {
        private final ByteArrayOutputStream sink;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final DeflaterOutputStream out;
        private final CRC32 crc = new CRC32();
        private final boolean last;
        private long length;

        /** {@code last}: the piece that ends the stream; any other ends with a sync flush. */
        Compressing(int expectedSize, boolean last) {
            this.sink = new Exposed(Math.max(512, expectedSize));
            this.out = new DeflaterOutputStream(sink, deflater, 1 << 16, true);
            this.last = last;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            length += len;
        }

        /** Ends the piece; the stream cannot be written after. */
        Piece piece() throws IOException {
            if (last) {
                out.finish();
            } else {
                out.flush(); // a sync flush: everything out, byte aligned, the stream not ended
            }
            deflater.end();
            return new Piece(((Exposed) sink).array(), sink.size(), length, (int) crc.getValue());
        }
    }

    /** The final piece, holding {@code text} (which may be empty). */
    static Piece last(byte[] text) throws IOException {
        Compressing end = new Compressing(64, true);
        end.write(text, 0, text.length);
        return end.piece();
    }

    /** What a piece holds, uncompressed: for a plain response made of the same pieces. */
    static void inflateTo(OutputStream out, Piece piece, byte[] buffer) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(piece.deflated(), 0, piece.deflatedLength());
            int n;
            while ((n = inflater.inflate(buffer)) > 0 || !inflater.needsInput() && !inflater.finished()) {
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("our own deflate stream is broken", e);
        } finally {
            inflater.end();
        }
    }

    /** Writes one gzip member: the header, the pieces in order (the last one compressed as {@code last}), the trailer. */
    static void write(OutputStream out, Piece... pieces) throws IOException {
        out.write(HEADER);
        int crc = 0;
        long length = 0;
        for (Piece p : pieces) {
            out.write(p.deflated(), 0, p.deflatedLength());
            crc = combine(crc, p.crc(), p.length());
            length += p.length();
        }
        writeIntLittleEndian(out, crc);
        writeIntLittleEndian(out, (int) length); // ISIZE: the length modulo 2^32
    }

    /** The CRC-32 of A followed by B, from crc(A), crc(B) and the length of B (zlib's crc32_combine). */
    static int combine(int crcA, int crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        int[] odd = new int[32]; // the operator for one zero bit
        odd[0] = CRC32_POLYNOMIAL;
        int row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        int[] even = square(odd); // two zero bits
        odd = square(even); // four zero bits
        int crc = crcA;
        long length = lengthB;
        do {
            even = square(odd); // the first pass: a zero byte, then two, four, ...
            if ((length & 1) != 0) {
                crc = times(even, crc);
            }
            length >>>= 1;
            if (length == 0) {
                break;
            }
            odd = square(even);
            if ((length & 1) != 0) {
                crc = times(odd, crc);
            }
            length >>>= 1;
        } while (length != 0);
        return crc ^ crcB;
    }

    private static int times(int[] matrix, int vector) {
        int sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static int[] square(int[] matrix) {
        int[] square = new int[32];
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
        return square;
    }

    private static void writeIntLittleEndian(OutputStream out, int value) throws IOException {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    /** Keeps its array as it is (a piece is its bytes, not a copy of them). */
    private static final class Exposed extends ByteArrayOutputStream {
        Exposed(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }
    }
}
