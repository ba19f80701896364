package dev.portdeck.shared.error;

/** The answer was not the panel API: a proxy's HTML error page, an empty body, broken JSON. */
public final class NotTheApi extends PanelException {
    private final String contentType;
    private final String snippet;

    public NotTheApi(String sentence, int httpStatus, String contentType, String snippet) {
        super(sentence, httpStatus, null);
        this.contentType = contentType;
        this.snippet = snippet;
    }

    public String contentType() {
        return contentType;
    }

    /** The start of the body, for --verbose diagnostics. */
    public String snippet() {
        return snippet;
    }
}
