package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    private static String text(String literal) throws Exception {
        return AddressText.of(InetAddress.getByName(literal));
    }

    @Test
    void ipv6IsWrittenTheShortCanonicalWay() throws Exception {
        assertEquals("::1", text("0:0:0:0:0:0:0:1"));
        assertEquals("::", text("0:0:0:0:0:0:0:0"));
        assertEquals("2001:db8::1", text("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"), "one zero group stays");
        assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"), "the longest run is shortened");
        assertEquals("fe80::1:0:0:1", text("fe80:0:0:0:1:0:0:1"), "the longer run, not the first");
        assertEquals("1::1:0:0:1:1", text("1:0:0:1:0:0:1:1"), "the first of two equal runs");
    }

    @Test
    void ipv4IsUnchanged() throws Exception {
        assertEquals("127.0.0.1", text("127.0.0.1"));
    }
}
