package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VarIntPropertyTest {

    private static byte[] encode(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VarInt.write(out, value);
        return out.toByteArray();
    }

    @Property
    void everyIntReadsBackFromItsEncoding(@ForAll int value) throws BadReply {
        byte[] bytes = encode(value);
        assertEquals(VarInt.size(value), bytes.length);
        VarInt.Read read = VarInt.read(bytes, 0, bytes.length);
        assertEquals(value, read.value());
        assertEquals(bytes.length, read.size());
    }

    @Property
    void aCutOffEncodingAsksForMoreInsteadOfGuessing(@ForAll int value, @ForAll @IntRange(min = 0, max = 4) int keep)
            throws BadReply {
        byte[] bytes = encode(value);
        if (keep < bytes.length) {
            assertNull(VarInt.read(bytes, 0, keep));
        }
    }

    @Property
    void bytesAfterTheEncodingAreNotRead(@ForAll int value, @ForAll byte[] tail) throws BadReply {
        byte[] bytes = encode(value);
        byte[] joined = Arrays.copyOf(bytes, bytes.length + tail.length);
        System.arraycopy(tail, 0, joined, bytes.length, tail.length);
        assertEquals(new VarInt.Read(value, bytes.length), VarInt.read(joined, 0, joined.length));
    }

    @Test
    void knownEncodingsFromTheProtocolDocumentation() {
        assertArrayEquals(new byte[] {0x00}, encode(0));
        assertArrayEquals(new byte[] {0x7f}, encode(127));
        assertArrayEquals(new byte[] {(byte) 0x80, 0x01}, encode(128));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff, 0x7f}, encode(2097151));
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}, encode(-1));
    }

    @Test
    void aVarIntThatNeverEndsIsRefusedAfterFiveBytes() {
        byte[] endless = new byte[64];
        Arrays.fill(endless, (byte) 0x80);
        BadReply e = assertThrows(BadReply.class, () -> VarInt.read(endless, 0, endless.length));
        assertEquals("a VarInt longer than 5 bytes", e.getMessage());
    }
}
