package dev.portdeck.shared.error;

/** 401: the panel rejected the key (wrong, revoked, or not a client key). */
public final class Unauthorized extends PanelException {
    public Unauthorized(String sentence) {
        super(sentence, 401, null);
    }
}
