package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpReplyTest {

    static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theRequestIsHttp11WithHostAndConnectionClose() {
        assertEquals("HEAD / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: portdeck\r\nAccept: */*\r\n"
                + "Connection: close\r\n\r\n", StandardCharsets.ISO_8859_1.decode(
                        HttpReply.request("HEAD", "/", "example.org", 80, 80)).toString());
        String v6 = StandardCharsets.ISO_8859_1.decode(HttpReply.request("GET", "/x", "::1", 8123, 80)).toString();
        assertTrue(v6.contains("\r\nHost: [::1]:8123\r\n"), v6);
        String sneaky = StandardCharsets.ISO_8859_1.decode(
                HttpReply.request("GET", "/", "a\r\nX-Evil 1", 80, 80)).toString();
        assertTrue(sneaky.contains("Host: aX-Evil1\r\n"), sneaky);
    }

    @Test
    void statusLineAndServerHeaderAreReadWhenTheHeadersEnd() throws BadReply {
        HttpReply r = new HttpReply(false, 0);
        assertFalse(r.add(text("HTTP/1.1 200 OK\r\nServer: nginx/1.25\r\n")));
        assertTrue(r.add(text("Content-Length: 12\r\n\r\n")));
        assertEquals(new Service("HTTP", "200 OK", "nginx/1.25", null, null, null), HttpHead.service(r, false));
    }

    @Test
    void interimRepliesAreSkipped() throws BadReply {
        HttpReply r = new HttpReply(false, 0);
        assertTrue(r.add(text("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n")));
        assertEquals("204 No Content", r.statusText());
    }

    @Test
    void aContentLengthBodyIsCompleteAtItsLength() throws BadReply {
        HttpReply r = new HttpReply(true, 1000);
        assertFalse(r.add(text("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")));
        assertTrue(r.add(text("lo")));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), r.body());
    }

    @Test
    void aChunkedBodyIsDecodedAcrossReads() throws BadReply {
        HttpReply r = new HttpReply(true, 1000);
        String whole = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n6;x=y\r\npedia \r\n"
                + "E\r\nin \r\n\r\nchunks.\r\n0\r\n\r\n";
        boolean done = false;
        for (int i = 0; i < whole.length(); i++) {
            done = r.add(text(whole.substring(i, i + 1))); // one byte at a time
        }
        assertTrue(done);
        assertEquals("Wikipedia in \r\n\r\nchunks.", new String(r.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void aBodyToTheEndOfTheConnectionIsCompleteWhenItCloses() throws BadReply {
        HttpReply r = new HttpReply(true, 1000);
        assertFalse(r.add(text("HTTP/1.0 200 OK\r\n\r\n{}")));
        assertTrue(r.endOfStream());
        assertEquals("{}", new String(r.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void aCutOffBodyIsNamed() throws BadReply {
        HttpReply r = new HttpReply(true, 1000);
        r.add(text("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{}"));
        assertEquals("the HTTP reply is cut off", assertThrows(BadReply.class, r::endOfStream).getMessage());
    }

    @Test
    void oversizedHeadersAndBodiesAreRefused() throws BadReply {
        HttpReply headers = new HttpReply(false, 0);
        headers.add(text("HTTP/1.1 200 OK\r\n"));
        assertThrows(BadReply.class, () -> headers.add(text("X: " + "a".repeat(20_000) + "\r\n")));
        HttpReply body = new HttpReply(true, 100);
        assertEquals("an HTTP reply over 100 bytes", assertThrows(BadReply.class,
                () -> body.add(text("HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n"))).getMessage());
    }

    @Test
    void somethingElseThanHttpIsNamedAndTlsIsRecognised() {
        assertEquals("not an HTTP reply", assertThrows(BadReply.class,
                () -> new HttpReply(false, 0).add(text("SSH-2.0-OpenSSH_9.2\r\n"))).getMessage());
        assertEquals("the port speaks TLS (try https)", assertThrows(BadReply.class,
                () -> new HttpReply(false, 0).add(ByteBuffer.wrap(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02}))).getMessage());
    }

    @Test
    void headFallsBackToGetWhenRefusedOrAnsweredWithNonsense() {
        HttpHead head = HttpHead.head("h", 80, false);
        head.open(0);
        assertInstanceOf(Step.Reconnect.class, head.receive(text("HTTP/1.1 405 Method Not Allowed\r\n\r\n"), 1));
        HttpHead again = HttpHead.head("h", 80, false);
        again.open(0);
        Step.Reconnect get = assertInstanceOf(Step.Reconnect.class, again.receive(text("garbage\r\n\r\n"), 1));
        String request = StandardCharsets.ISO_8859_1.decode(((Step.Send) get.next().open(2)).bytes()).toString();
        assertTrue(request.startsWith("GET / HTTP/1.1\r\n"), request);
        assertEquals(new Step.Failed("not an HTTP reply"), get.next().receive(text("garbage\r\n\r\n"), 3));
    }
}
