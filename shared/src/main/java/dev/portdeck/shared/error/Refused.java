package dev.portdeck.shared.error;

/**
 * The panel understood the request and said no (limit, primary, server state, validation, ...).
 * The message is the panel's own `detail`.
 */
public final class Refused extends PanelException {
    private final RefusalReason reason;
    private final String code;
    private final String detail;
    private final String field;

    public Refused(String sentence, int httpStatus, RefusalReason reason, String code, String detail, String field) {
        super(sentence, httpStatus, null);
        this.reason = reason;
        this.code = code;
        this.detail = detail;
        this.field = field;
    }

    public RefusalReason reason() {
        return reason;
    }

    /** The panel's error code, e.g. "TooManyAllocationsException" or "DisplayException". */
    public String code() {
        return code;
    }

    /** The panel's own `detail` text. */
    public String detail() {
        return detail;
    }

    /** For validation errors, `meta.source_field` (e.g. "notes"), else null. */
    public String field() {
        return field;
    }
}
