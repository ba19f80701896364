package dev.portdeck.shared.error;

/**
 * The panel will not take this key at all: 401 (wrong, revoked, or not a client key), or 400 when the account must
 * turn on two-factor authentication first.
 */
public final class Unauthorized extends PanelException {
    public Unauthorized(String sentence) {
        super(sentence, 401, null);
    }

    public Unauthorized(String sentence, int httpStatus) {
        super(sentence, httpStatus, null);
    }
}
