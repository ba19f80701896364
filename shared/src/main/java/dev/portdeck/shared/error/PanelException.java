package dev.portdeck.shared.error;

/**
 * Everything that can go wrong talking to a panel, as one sentence a person understands ({@link #getMessage()}).
 * The message never contains the API key. Subclasses are the cases a caller reacts to differently.
 */
public abstract sealed class PanelException extends RuntimeException
        permits Unauthorized, Forbidden, NotFound, Refused, RateLimited, NotTheApi, Unreachable {

    private final int httpStatus;

    protected PanelException(String sentence, int httpStatus, Throwable cause) {
        super(sentence, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status the panel answered with, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
