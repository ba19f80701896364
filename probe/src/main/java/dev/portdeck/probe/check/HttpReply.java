package dev.portdeck.probe.check;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.x reply read as it arrives: the status line and headers (at most {@link #MAX_HEADER_BYTES}), then, when
 * the body is wanted, a body framed by Content-Length, chunked encoding or the end of the connection (at most
 * {@code maxBody} bytes). Interim 1xx replies are skipped.
 */
final class HttpReply {

    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int MAX_CHUNK_LINE = 1024;

    private final boolean wantBody;
    private final int maxBody;
    private final Inbox inbox;
    private int searchFrom;
    private int scanned; // where the search for the blank line goes on, so a slow drip costs no rescans
    private int bodyStart = -1;
    private int status;
    private String reason;
    private final Map<String, String> headers = new HashMap<>();
    private long contentLength = -1;
    private boolean chunked;
    private boolean closed;
    // chunked decoding, incremental
    private final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    private int chunkAt;
    private long chunkLeft = -1; // -1: a size line is next
    private boolean lastChunk;

    /**
     * @param wantBody false for HEAD, or when only the status and headers matter
     * @param maxBody  the largest body accepted
     */
    HttpReply(boolean wantBody, int maxBody) {
        this.wantBody = wantBody;
        this.maxBody = maxBody;
        this.inbox = new Inbox(MAX_HEADER_BYTES + maxBody + (wantBody ? 64 * 1024 : 0));
    }

    /** Takes what arrived; true once the reply is complete. */
    boolean add(ByteBuffer bytes) throws BadReply {
        boolean fit = inbox.add(bytes);
        while (bodyStart < 0 && findHeaders()) {
            // loops past interim 1xx replies
        }
        if (bodyStart >= 0 && chunked && wantBody) {
            decodeChunks();
        }
        if (!fit && !complete()) {
            throw new BadReply(bodyStart < 0 ? "HTTP headers over " + MAX_HEADER_BYTES + " bytes"
                    : "an HTTP reply over " + maxBody + " bytes");
        }
        return complete();
    }

    /** The server closed: true when that completes the reply (a body read to the end of the connection). */
    boolean endOfStream() throws BadReply {
        closed = true;
        if (bodyStart >= 0 && wantBody && !complete() && (chunked || contentLength >= 0)) {
            throw new BadReply("the HTTP reply is cut off");
        }
        return complete();
    }

    boolean headersDone() {
        return bodyStart >= 0;
    }

    boolean anythingReceived() {
        return inbox.length() > 0;
    }

    boolean complete() {
        if (bodyStart < 0) {
            return false;
        }
        if (!wantBody || status == 204 || status == 304) {
            return true;
        }
        if (chunked) {
            return lastChunk;
        }
        if (contentLength >= 0) {
            return inbox.length() - bodyStart >= contentLength;
        }
        return closed;
    }

    int status() {
        return status;
    }

    /** The status code and reason phrase, e.g. "200 OK" (the reason may be absent: "200"). */
    String statusText() {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }

    /** A header's first value (name case-insensitive), or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    byte[] body() {
        if (chunked) {
            return decoded.toByteArray();
        }
        int length = inbox.length() - bodyStart;
        if (contentLength >= 0) {
            length = (int) Math.min(length, contentLength);
        }
        return java.util.Arrays.copyOfRange(inbox.array(), bodyStart, bodyStart + length);
    }

    // ---- headers ----

    private boolean findHeaders() throws BadReply {
        byte[] b = inbox.array();
        int n = inbox.length();
        if (searchFrom == 0 && n > 0 && !startsLikeHttp(b, n)) {
            int first = b[0] & 0xFF;
            boolean tls = first == 0x15 || first == 0x16; // a TLS alert or handshake record
            throw new BadReply(tls ? "the port speaks TLS (try https)" : "not an HTTP reply");
        }
        for (int i = Math.max(searchFrom + 1, scanned); i < n; i++) {
            if (b[i] == '\n' && (b[i - 1] == '\n' || (i - 2 >= searchFrom && b[i - 1] == '\r' && b[i - 2] == '\n'))) {
                scanned = i + 1;
                return headerBlock(searchFrom, i + 1);
            }
        }
        scanned = n;
        if (n - searchFrom > MAX_HEADER_BYTES) {
            throw new BadReply("HTTP headers over " + MAX_HEADER_BYTES + " bytes");
        }
        return false;
    }

    private static boolean startsLikeHttp(byte[] b, int n) {
        byte[] prefix = {'H', 'T', 'T', 'P', '/'};
        for (int i = 0; i < Math.min(n, prefix.length); i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses the block [from, end); true when it was an interim 1xx reply and another block follows. */
    private boolean headerBlock(int from, int end) throws BadReply {
        String[] lines = new String(inbox.array(), from, end - from, StandardCharsets.ISO_8859_1).split("\r?\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (!statusLine[0].startsWith("HTTP/") || statusLine.length < 2 || !statusLine[1].matches("\\d{3}")) {
            throw new BadReply("a malformed HTTP status line");
        }
        int code = Integer.parseInt(statusLine[1]);
        if (code >= 100 && code < 200 && code != 101) {
            searchFrom = end;
            return true;
        }
        status = code;
        reason = statusLine.length > 2 ? statusLine[2].trim() : "";
        for (int i = 1; i < lines.length && headers.size() < MAX_HEADERS; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        chunked = String.valueOf(header("transfer-encoding")).toLowerCase(Locale.ROOT).contains("chunked");
        if (!chunked && header("content-length") != null) {
            try {
                contentLength = Long.parseLong(header("content-length"));
            } catch (NumberFormatException e) {
                throw new BadReply("a malformed Content-Length");
            }
            if (wantBody && contentLength > maxBody) {
                throw new BadReply("an HTTP reply over " + maxBody + " bytes");
            }
        }
        bodyStart = end;
        chunkAt = end;
        return false;
    }

    // ---- chunked bodies ----

    private void decodeChunks() throws BadReply {
        byte[] b = inbox.array();
        int n = inbox.length();
        while (!lastChunk && chunkAt < n) {
            if (chunkLeft < 0) {
                int eol = lineEnd(b, chunkAt, n);
                if (eol < 0) {
                    if (n - chunkAt > MAX_CHUNK_LINE) {
                        throw new BadReply("a malformed chunked body");
                    }
                    return;
                }
                String size = new String(b, chunkAt, eol - chunkAt, StandardCharsets.ISO_8859_1).trim();
                int semicolon = size.indexOf(';');
                try {
                    chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new BadReply("a malformed chunked body");
                }
                if (chunkLeft < 0 || decoded.size() + chunkLeft > maxBody) {
                    throw new BadReply("an HTTP reply over " + maxBody + " bytes");
                }
                chunkAt = eol + 1;
                lastChunk = chunkLeft == 0; // trailers after the last chunk are not needed
            } else if (chunkLeft > 0) {
                int take = (int) Math.min(chunkLeft, n - chunkAt);
                decoded.write(b, chunkAt, take);
                chunkAt += take;
                chunkLeft -= take;
            } else {
                int eol = lineEnd(b, chunkAt, n); // the CRLF after a chunk's data
                if (eol < 0) {
                    return;
                }
                chunkAt = eol + 1;
                chunkLeft = -1;
            }
        }
    }

    /** The index of the next '\n' at or after {@code from}, or -1. */
    private static int lineEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** A request with {@code Connection: close}; the host is cleaned of anything that could break the header. */
    static ByteBuffer request(String method, String path, String host, int port, int defaultPort) {
        String h = host.chars().filter(c -> c > 0x20 && c < 0x7F).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String authority = (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + (port == defaultPort ? "" : ":" + port);
        String text = method + " " + path + " HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: portdeck\r\n"
                + "Accept: */*\r\nConnection: close\r\n\r\n";
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
