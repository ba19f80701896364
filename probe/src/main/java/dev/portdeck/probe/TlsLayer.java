package dev.portdeck.probe;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for the {@code https} check, on the selector thread with an {@link SSLEngine}: bytes from the network go in,
 * plaintext comes out, and what must be sent collects in {@link #outbound()}. Chosen over a blocking socket on a pool
 * because a sweep may hold hundreds of handshakes at once, and a hung server would pin a pooled thread until its
 * deadline; here it costs only a registered socket. The handshake's tasks (key exchange, signature checks) run inline:
 * about a millisecond of CPU each. Any certificate is accepted: the check reports it, it does not judge it.
 */
final class TlsLayer {

    private static final int MAX_STEPS = 64;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean began;
    private boolean handshaken;
    private boolean closed;

    TlsLayer(String host, int port) {
        String name = sniName(host);
        engine = Context.SSL.createSSLEngine(name, port);
        engine.setUseClientMode(true);
        if (name != null) {
            try {
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(name)));
                engine.setSSLParameters(parameters);
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (e.g. with an underscore): ask without it
            }
        }
        int packet = engine.getSession().getPacketBufferSize();
        netIn = ByteBuffer.allocate(packet);
        netOut = ByteBuffer.allocate(packet);
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /** Builds the (lazily created) SSL context now, off the selector threads (see CheckPreparation). */
    static void prepare() {
        Context.SSL.getProtocol();
    }

    /** SNI carries names only, never IP literals. */
    private static String sniName(String host) {
        boolean literal = host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        return literal ? null : host;
    }

    /** Starts the handshake: its first flight is in {@link #outbound()}. */
    void begin() throws SSLException {
        engine.beginHandshake();
        began = true;
        advance();
    }

    boolean handshaken() {
        return handshaken;
    }

    /** The server ended the TLS session (close_notify): like the end of the stream. */
    boolean closed() {
        return closed;
    }

    /** Bytes that arrived from the server; returns the plaintext they carried (possibly none), in a new buffer. */
    ByteBuffer fromNetwork(ByteBuffer bytes) throws SSLException {
        ByteBuffer plain = EMPTY;
        while (bytes.hasRemaining() && !closed) {
            int n = Math.min(bytes.remaining(), netIn.remaining());
            if (n == 0) {
                throw new SSLException("a TLS record larger than the session allows");
            }
            ByteBuffer part = bytes.slice().limit(n);
            netIn.put(part);
            bytes.position(bytes.position() + n);
            plain = concat(plain, advance());
        }
        return plain;
    }

    /** Encrypts {@code plain} into {@link #outbound()}. */
    void send(ByteBuffer plain) throws SSLException {
        for (int guard = 0; plain.hasRemaining() && guard < MAX_STEPS; guard++) {
            SSLEngineResult r = engine.wrap(plain, netOut);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = grow(netOut, engine.getSession().getPacketBufferSize());
            } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
        }
    }

    /** The bytes waiting to be sent, in write mode: flip, write, compact. */
    ByteBuffer outbound() {
        return netOut;
    }

    /** The certificate the server presented, or null. */
    Certificate certificate() {
        try {
            java.security.cert.Certificate[] chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? describe(x) : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    static Certificate describe(X509Certificate x) {
        boolean selfSigned;
        try {
            x.verify(x.getPublicKey());
            selfSigned = true;
        } catch (GeneralSecurityException | RuntimeException e) {
            selfSigned = false;
        }
        return new Certificate(dev.portdeck.probe.check.ServiceText.clean(x.getSubjectX500Principal().getName()),
                dev.portdeck.probe.check.ServiceText.clean(x.getIssuerX500Principal().getName()),
                x.getNotAfter().toInstant(), selfSigned);
    }

    /** Drives the handshake (and then unwraps) as far as the bytes at hand allow; returns any plaintext. */
    private ByteBuffer advance() throws SSLException {
        ByteBuffer plain = EMPTY;
        for (int guard = 0; guard < MAX_STEPS && !closed; guard++) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                    task.run();
                }
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult r = engine.wrap(EMPTY, netOut);
                noteFinished(r);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    closed = true;
                }
                continue;
            }
            // NEED_UNWRAP, or the handshake is over: unwrap whatever came in
            netIn.flip();
            SSLEngineResult r = engine.unwrap(netIn, appIn);
            netIn.compact();
            noteFinished(r);
            if (appIn.position() > 0) {
                appIn.flip();
                plain = concat(plain, appIn);
                appIn.clear();
            }
            SSLEngineResult.Status status = r.getStatus();
            if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
            } else if (status == SSLEngineResult.Status.CLOSED) {
                closed = true;
            } else if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW
                    || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) {
                break; // needs more bytes from the network
            }
        }
        if (began && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
            handshaken = true;
        }
        return plain;
    }

    private void noteFinished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshaken = true;
        }
    }

    private static ByteBuffer grow(ByteBuffer b, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, b.capacity() * 2));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    private static ByteBuffer concat(ByteBuffer a, ByteBuffer b) {
        if (!b.hasRemaining()) {
            return a;
        }
        ByteBuffer joined = ByteBuffer.allocate(a.remaining() + b.remaining());
        joined.put(a).put(b);
        return joined.flip();
    }

    /** One context for every https check: building it costs tens of milliseconds. */
    private static final class Context {
        static final SSLContext SSL = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new ReportOnly()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS is not available in this JDK: " + e.getMessage(), e);
            }
        }
    }

    /** Accepts every chain: the check reports the certificate instead of judging it. */
    private static final class ReportOnly extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
