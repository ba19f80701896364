package dev.portdeck.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.io.PrintWriter;

/** Text from a panel made safe to put on a terminal, for the commands and the dashboard alike. */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Neutralises what could drive the terminal or disguise the text: control characters (C0 such as ESC, CR and
     * line breaks, DEL, the C1 range such as the one-byte CSI, and the line/paragraph separators) become spaces, so an
     * escape sequence shows as harmless text; invisible format characters (bidi embeddings and overrides U+202A–202E,
     * isolates U+2066–2069, zero-width spaces and joiners, the BOM) are dropped, so what is shown is what is there.
     * Null becomes "".
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().allMatch(TerminalText::harmless)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (harmless(cp)) {
                b.appendCodePoint(cp);
            } else if (!invisible(cp)) {
                b.append(' ');
            }
        });
        return b.toString();
    }

    /** Prints one line of text that may hold panel text, {@link #clean cleaned} as a whole, and flushes. */
    public static void println(PrintWriter out, String line) {
        out.println(clean(line));
        out.flush();
    }

    /** The columns `text` takes on a terminal once {@link #clean cleaned}: wide (CJK) characters 2, combining marks 0. */
    public static int width(String text) {
        return clean(text).codePoints().map(TerminalText::columns).sum();
    }

    private static boolean harmless(int cp) {
        return !Character.isISOControl(cp) && !invisible(cp) && cp != '\u2028' && cp != '\u2029';
    }

    /** Unicode "format" characters: bidi controls, zero-width space/joiners, word joiner, BOM, soft hyphen. */
    private static boolean invisible(int cp) {
        return Character.getType(cp) == Character.FORMAT;
    }

    private static int columns(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        if (Character.isBmpCodePoint(cp)) {
            return TerminalTextUtils.isCharDoubleWidth((char) cp) ? 2 : 1;
        }
        // Outside the BMP: emoji and the CJK extension planes take two columns on common terminals.
        return cp >= 0x1F300 && cp <= 0x1FAFF || cp >= 0x20000 && cp <= 0x3FFFD ? 2 : 1;
    }
}
