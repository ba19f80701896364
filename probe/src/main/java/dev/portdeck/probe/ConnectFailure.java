package dev.portdeck.probe;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Maps what a failed connect threw to an {@link Outcome}, as nmap's connect scan does (see probing.md). The JDK turns
 * errno into exception classes: ECONNREFUSED/ETIMEDOUT into ConnectException, EHOSTUNREACH into
 * NoRouteToHostException, EADDRINUSE/EADDRNOTAVAIL/EACCES into BindException, the rest into SocketException with the
 * strerror text; so the class alone is not enough and the message decides the rest.
 */
final class ConnectFailure {

    private static final Outcome CLOSED = new Outcome.Closed();

    private ConnectFailure() {
    }

    static Outcome classify(Exception e, Duration waited) {
        if (e instanceof ConnectException && "Connection refused".equals(e.getMessage())) {
            return CLOSED; // the common case of a sweep, decided without lower-casing and searching the message
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("too many open files")) {
            return new Outcome.LocalError("out of file descriptors on this machine (Too many open files)");
        }
        if (e instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return new Outcome.Unreachable("no route to host (EHOSTUNREACH: ICMP unreachable or prohibited)");
        }
        if (lower.contains("permission denied")) {
            return new Outcome.Unreachable("access denied on the way (EACCES)");
        }
        if (e instanceof BindException || lower.contains("cannot assign requested address")) {
            return new Outcome.LocalError("no free local address or port on this machine (" + message + ")");
        }
        if (e instanceof ConnectException && lower.contains("refused")) {
            return new Outcome.Closed();
        }
        if (lower.contains("connection reset")) {
            // A RST before the handshake is ECONNREFUSED; ECONNRESET means the handshake completed and the listener
            // then reset it (a server that accepts and drops at once): the port is open, the time is an upper bound.
            return new Outcome.Open(waited);
        }
        if (lower.contains("timed out")) {
            // The kernel gave up before our deadline (a low tcp_syn_retries): still no answer.
            return new Outcome.Filtered(waited);
        }
        if (lower.contains("network is unreachable")) {
            return new Outcome.Unreachable("network is unreachable (ENETUNREACH)");
        }
        if (lower.contains("host is down") || lower.contains("not on the network")) {
            return new Outcome.Unreachable(message);
        }
        if (lower.contains("operation not permitted")) {
            return new Outcome.LocalError("this machine's firewall refused the connect (EPERM)");
        }
        // Unknown: do not blame the target for what may be ours.
        return new Outcome.LocalError(message);
    }
}
