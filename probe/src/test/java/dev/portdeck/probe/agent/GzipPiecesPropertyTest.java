package dev.portdeck.probe.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Pieces compressed apart make one gzip stream that the JDK's reader (and so any gzip reader) reads as one. */
class GzipPiecesPropertyTest {

    @Property(tries = 300)
    void theCombinedCrcIsTheCrcOfTheConcatenation(@ForAll @Size(max = 3000) byte[] a,
            @ForAll @Size(max = 3000) byte[] b) {
        assertEquals(crc(concat(a, b)), GzipPieces.combine(crc(a), crc(b), b.length));
    }

    @Property(tries = 60)
    void piecesCompressedApartReadAsTheirConcatenation(@ForAll("texts") List<byte[]> pieces) throws IOException {
        GzipPieces.Piece[] compressed = new GzipPieces.Piece[pieces.size()];
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < pieces.size(); i++) {
            GzipPieces.Compressing c = new GzipPieces.Compressing(64, i == pieces.size() - 1);
            c.write(pieces.get(i), 0, pieces.get(i).length);
            compressed[i] = c.piece();
            whole.writeBytes(pieces.get(i));
        }
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        GzipPieces.write(gzip, compressed);
        assertArrayEquals(whole.toByteArray(), gunzip(gzip.toByteArray()));
    }

    @Example
    void oneCompressedPieceServesManyStreams() throws IOException {
        byte[] head = "portdeck_allocation_up{allocation=\"1\"} 1\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        GzipPieces.Compressing c = new GzipPieces.Compressing(1024, false);
        c.write(head, 0, head.length);
        GzipPieces.Piece once = c.piece();
        for (String tail : new String[] {"", "portdeck_panel_up 1\n", "# EOF\n"}) {
            GzipPieces.Compressing t = new GzipPieces.Compressing(64, true);
            byte[] bytes = tail.getBytes(StandardCharsets.UTF_8);
            t.write(bytes, 0, bytes.length);
            ByteArrayOutputStream gzip = new ByteArrayOutputStream();
            GzipPieces.write(gzip, once, t.piece());
            assertArrayEquals(concat(head, bytes), gunzip(gzip.toByteArray()), tail);
        }
    }

    @Provide
    Arbitrary<List<byte[]>> texts() {
        Arbitrary<byte[]> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars("portdeck_{}=\"1.0\n ").ofMaxLength(5000)
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(5000));
        return text.list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
