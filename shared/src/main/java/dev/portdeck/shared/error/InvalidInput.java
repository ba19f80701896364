package dev.portdeck.shared.error;

/** Input refused before anything was sent to the panel (a bad port, IP, or a note that is too long). */
public final class InvalidInput extends RuntimeException {
    private final String field;

    public InvalidInput(String field, String sentence) {
        super(sentence);
        this.field = field;
    }

    /** "notes", "port", "ip", ... */
    public String field() {
        return field;
    }
}
