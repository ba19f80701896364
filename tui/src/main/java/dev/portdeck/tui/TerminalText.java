package dev.portdeck.tui;

/** Text from a panel made safe to put on a terminal, for the commands and the dashboard alike. */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * Control characters become spaces: a server name or note must not carry escape sequences (C0 ESC or the C1 CSI)
     * or line breaks onto the user's terminal. Null becomes "".
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return b.toString();
    }
}
