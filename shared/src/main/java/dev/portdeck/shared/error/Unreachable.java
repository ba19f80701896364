package dev.portdeck.shared.error;

/** No usable answer: connection refused, DNS failure, TLS failure, timeout, or a 5xx from the panel itself. */
public final class Unreachable extends PanelException {
    public Unreachable(String sentence, int httpStatus, Throwable cause) {
        super(sentence, httpStatus, cause);
    }
}
