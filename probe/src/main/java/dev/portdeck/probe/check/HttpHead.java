package dev.portdeck.probe.check;

import dev.portdeck.probe.Service;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The {@code http}/{@code https} check: {@code HEAD /}, and {@code GET /} on a new connection when HEAD is refused
 * (405, 501), closed or answered with something that is not HTTP. Done at the end of the headers: the body is never
 * read, so a server that hangs after them costs nothing. The service's round trip is request to the end of the headers.
 *
 * <p>In {@link Service}: game "HTTP" or "HTTPS", name the status code and reason ("200 OK"), version the
 * {@code Server} header; for https the prober adds the certificate.
 */
final class HttpHead implements Conversation {

    private final String host;
    private final int port;
    private final boolean tls;
    private final String method;
    private final HttpReply reply = new HttpReply(false, 0);
    private long sent;

    private HttpHead(String host, int port, boolean tls, String method) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.method = method;
    }

    static HttpHead head(String host, int port, boolean tls) {
        return new HttpHead(host, port, tls, "HEAD");
    }

    @Override
    public Wire wire() {
        return tls ? Wire.TLS : Wire.TCP;
    }

    @Override
    public Step open(long now) {
        sent = now;
        return new Step.Send(HttpReply.request(method, "/", host, port, tls ? 443 : 80));
    }

    @Override
    public void sent(long at) {
        sent = at;
    }

    @Override
    public Step receive(ByteBuffer bytes, long now) {
        try {
            if (!reply.add(bytes)) {
                return Step.AWAIT;
            }
        } catch (BadReply e) {
            return headFailed(e.getMessage());
        }
        if (isHead() && (reply.status() == 405 || reply.status() == 501)) {
            return getInstead();
        }
        return new Step.Answered(Duration.ofNanos(now - sent), service(reply, tls));
    }

    @Override
    public Step endOfStream(long now) {
        return headFailed(reply.anythingReceived() ? "the HTTP reply is cut off"
                : "closed the connection without an HTTP reply");
    }

    @Override
    public Step timeUp(long now) {
        return new Step.Failed(reply.anythingReceived() ? "no complete HTTP headers in time" : "no HTTP reply in time");
    }

    private boolean isHead() {
        return method.equals("HEAD");
    }

    private Step headFailed(String reason) {
        return isHead() ? getInstead() : new Step.Failed(reason);
    }

    private Step getInstead() {
        return new Step.Reconnect(new HttpHead(host, port, tls, "GET"));
    }

    static Service service(HttpReply reply, boolean tls) {
        return new Service(tls ? "HTTPS" : "HTTP", ServiceText.clean(reply.statusText()),
                ServiceText.clean(reply.header("server")), null, null, null);
    }
}
