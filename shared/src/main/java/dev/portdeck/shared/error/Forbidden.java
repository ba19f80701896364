package dev.portdeck.shared.error;

/** 403: the key lacks a permission (e.g. "allocation.update"), or is an application key on the client API. */
public final class Forbidden extends PanelException {
    private final String permission;

    public Forbidden(String sentence, String permission) {
        super(sentence, 403, null);
        this.permission = permission;
    }

    /** The missing permission, or null when the panel did not say and it could not be inferred. */
    public String permission() {
        return permission;
    }
}
