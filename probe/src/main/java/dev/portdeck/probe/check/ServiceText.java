package dev.portdeck.probe.check;

/**
 * Text a service sent about itself, made safe for a table cell, a JSON field and a terminal: Minecraft's § colour
 * codes go; control characters and line breaks become spaces; bidi overrides, zero-width and other invisible format
 * characters, lone surrogates and long runs of combining marks go; whitespace runs collapse; at most
 * {@link #MAX_LENGTH} characters are kept (the cut is marked with "…").
 */
public final class ServiceText {

    public static final int MAX_LENGTH = 200;
    private static final int MAX_MARKS = 3;

    private ServiceText() {
    }

    /** The cleaned text, or null for null. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 1));
        int marks = 0;
        boolean space = true; // drops leading spaces and collapses runs
        for (int i = 0; i < raw.length() && out.length() <= MAX_LENGTH; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '§') {
                if (i < raw.length()) {
                    i += Character.charCount(raw.codePointAt(i)); // the code that follows the sign
                }
                continue;
            }
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            if (type == Character.FORMAT || type == Character.SURROGATE) {
                continue; // bidi overrides, zero-width characters, BOM, lone surrogates
            }
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            marks = mark ? marks + 1 : 0;
            if (marks > MAX_MARKS) {
                continue;
            }
            out.appendCodePoint(cp);
            space = false;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > MAX_LENGTH) {
            end = MAX_LENGTH - 1;
            if (Character.isHighSurrogate(out.charAt(end - 1))) {
                end--;
            }
            return out.substring(0, end) + "…";
        }
        return out.substring(0, end);
    }

    /** A whole number as a service wrote it in text ("20", " 7 "), or null when it is none or out of int range. */
    public static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
