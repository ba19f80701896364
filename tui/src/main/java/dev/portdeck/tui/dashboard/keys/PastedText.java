package dev.portdeck.tui.dashboard.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A whole paste as one input event (the terminal's bracketed paste, see {@link BracketedPaste}): it goes into the
 * text field with focus as one insertion and never runs as keys.
 */
public final class PastedText extends KeyStroke {

    private final String text;
    private final boolean tooLarge;

    public PastedText(String text) {
        this(text == null ? "" : text, false);
    }

    private PastedText(String text, boolean tooLarge) {
        super(KeyType.Unknown);
        this.text = text;
        this.tooLarge = tooLarge;
    }

    /** A paste larger than any field takes: its text was not kept. */
    static PastedText tooLarge() {
        return new PastedText("", true);
    }

    public String text() {
        return text;
    }

    public boolean isTooLarge() {
        return tooLarge;
    }

    /**
     * The paste as one line: trailing line breaks go (a copied line usually ends in one), tabs become spaces, other
     * control characters go; null when line breaks remain inside, or when it was too large.
     */
    public String singleLine() {
        if (tooLarge) {
            return null;
        }
        String t = text.replaceAll("[\\r\\n]+$", "");
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(t.length());
        t.replace('\t', ' ').codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString(); // an escape sequence in a paste stays out of the text
    }

    @Override
    public String toString() {
        return tooLarge ? "PastedText[too large]" : "PastedText[" + text.codePointCount(0, text.length()) + " characters]";
    }
}
