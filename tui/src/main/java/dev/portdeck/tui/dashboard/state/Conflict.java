package dev.portdeck.tui.dashboard.state;

/**
 * The allocation changed on the panel after the editor read it (another dashboard, the web UI): nothing was sent.
 *
 * Carries what the panel has now, so both can be shown.
 */
public final class Conflict extends RuntimeException {

    private final String panelNow;

    Conflict(String panelNow) {
        super("the notes changed on the panel while you edited them");
        this.panelNow = panelNow;
    }

    /** The panel's notes now ("" for none). */
    public String panelNow() {
        return panelNow;
    }
}
