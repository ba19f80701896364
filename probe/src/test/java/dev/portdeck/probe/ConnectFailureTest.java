package dev.portdeck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exceptions the JDK throws for each errno, mapped as probing.md says (messages as Linux/JDK 17 word them). */
class ConnectFailureTest {

    private static Outcome classify(IOException e) {
        return ConnectFailure.classify(e, Duration.ofMillis(5));
    }

    @Test
    void refusedIsClosed() {
        assertInstanceOf(Outcome.Closed.class, classify(new ConnectException("Connection refused")));
    }

    @Test
    void noRouteNetUnreachableAndAccessDeniedAreUnreachable() {
        assertInstanceOf(Outcome.Unreachable.class, classify(new NoRouteToHostException("No route to host")));
        assertInstanceOf(Outcome.Unreachable.class, classify(new SocketException("Network is unreachable")));
        // The JDK throws EACCES as a BindException; it is the path refusing, not our port.
        assertInstanceOf(Outcome.Unreachable.class, classify(new BindException("Permission denied")));
    }

    @Test
    void runningOutOfPortsOrDescriptorsIsOurProblemNotTheTargets() {
        assertInstanceOf(Outcome.LocalError.class, classify(new BindException("Cannot assign requested address")));
        assertInstanceOf(Outcome.LocalError.class, classify(new BindException("Address already in use")));
        assertInstanceOf(Outcome.LocalError.class, classify(new SocketException("Too many open files")));
        assertInstanceOf(Outcome.LocalError.class, classify(new IOException("Too many open files")));
    }

    @Test
    void theKernelsOwnTimeoutIsStillFiltered() {
        Outcome outcome = classify(new ConnectException("Connection timed out"));
        assertEquals(new Outcome.Filtered(Duration.ofMillis(5)), outcome);
    }

    @Test
    void aResetAfterTheHandshakeIsOpenNotALocalProblem() {
        assertEquals(new Outcome.Open(Duration.ofMillis(5)), classify(new SocketException("Connection reset")));
        assertEquals(new Outcome.Open(Duration.ofMillis(5)), classify(new SocketException("Connection reset by peer")));
    }

    @Test
    void anErrorWeDoNotKnowIsNotBlamedOnTheTarget() {
        assertInstanceOf(Outcome.LocalError.class, classify(new SocketException("Something odd")));
    }
}
