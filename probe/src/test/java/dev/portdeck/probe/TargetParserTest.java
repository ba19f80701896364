package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetParserTest {

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> TargetParser.parse(spec)).getMessage();
    }

    @Test
    void hostPortIPv6AndNamesParse() {
        assertEquals(List.of(Target.of("127.0.0.1", 25565)), TargetParser.parse("127.0.0.1:25565"));
        assertEquals(List.of(Target.of("::1", 25565)), TargetParser.parse("[::1]:25565"));
        assertEquals(List.of(Target.of("mc.example.org", 80)), TargetParser.parse("mc.example.org:80"));
        assertEquals("[::1]:25565", TargetParser.parse("[::1]:25565").get(0).toString());
    }

    @Test
    void rangesAndCommaListsExpandInOrderWithoutDuplicates() {
        assertEquals(List.of(Target.of("h", 80), Target.of("h", 443), Target.of("h", 8000), Target.of("h", 8001),
                Target.of("g", 1)), TargetParser.parse("h:80,443,8000-8001,80,g:1"));
        assertEquals(65535, TargetParser.parse("127.0.0.1:1-65535").size());
    }

    @Test
    void badInputGetsOneSentenceNamingTheProblem() {
        assertTrue(error("example.org").contains("has no port"));
        assertTrue(error("::1:80").contains("without brackets"));
        assertTrue(error("[::1:80").contains("unclosed"));
        assertTrue(error("h:90-80").contains("runs backwards; write it as 80-90"));
        assertTrue(error("h:70000").contains("outside 1-65535"));
        assertTrue(error("h:0").contains("outside 1-65535"));
        assertTrue(error("h:http").contains("not a port number"));
        assertTrue(error("h:").contains("no port after ':'"));
        assertTrue(error(":80").contains("no host"));
        assertTrue(error("80").contains("no host"));
        assertTrue(error("").contains("empty"));
        assertTrue(error("ho st:80").contains("not a valid host"));
        assertTrue(error("[zz]:80").contains("not an IPv6 address"));
        assertTrue(error("h:1-65535,1-2").contains("more than 65535 ports"));
    }

    @Test
    void aNegativePortAndAUrlAreDescribedAsWhatTheyAre() {
        assertEquals("'-80' is not a port: ports are 1-65535, and a range is written from-to, e.g. 80-90.",
                error("127.0.0.1:-80"));
        assertEquals("'http://127.0.0.1:80' is a URL; a target is host:port, e.g. 127.0.0.1:80.",
                error("http://127.0.0.1:80"));
        assertEquals("'https://panel.example.com:8443/api' is a URL; a target is host:port, e.g."
                + " panel.example.com:8443.", error("https://panel.example.com:8443/api"));
    }
}
