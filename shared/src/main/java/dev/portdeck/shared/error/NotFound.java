package dev.portdeck.shared.error;

/** 404: the server or allocation does not exist, or the key cannot see it. */
public final class NotFound extends PanelException {
    private final String what;

    public NotFound(String sentence, String what) {
        super(sentence, 404, null);
        this.what = what;
    }

    /** What was looked for, e.g. "server d3aac109" or "allocation 18 of server d3aac109". */
    public String what() {
        return what;
    }
}
