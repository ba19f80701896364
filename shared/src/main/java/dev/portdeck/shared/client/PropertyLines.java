package dev.portdeck.shared.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A properties file as its logical lines (a line continued with a trailing backslash is one), each kept exactly as
 * written, so one setting can be changed without touching the others: {@link ConfigFile#put}. The rules are those of
 * {@link java.util.Properties#load(java.io.Reader)}.
 */
final class PropertyLines {

    private PropertyLines() {
    }

    /** The logical lines of {@code text}, each with its line break(s); joined they give {@code text} back. */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            boolean comment = isComment(text, i);
            while (true) {
                int end = endOfLine(text, i);
                int next = afterBreak(text, end);
                boolean continues = !comment && next > end && next < text.length() && oddBackslashes(text, i, end);
                i = next;
                if (!continues) {
                    break;
                }
            }
            lines.add(text.substring(start, i));
        }
        return lines;
    }

    /** The key a logical line sets, unescaped, or null for a blank line or a comment. */
    static String key(String line) {
        int i = skipBlanks(line, 0);
        if (i >= line.length() || isBreak(line.charAt(i)) || line.charAt(i) == '#' || line.charAt(i) == '!') {
            return null;
        }
        StringBuilder key = new StringBuilder();
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '\\' && i < line.length()) {
                char e = line.charAt(i++);
                if (isBreak(e)) { // a continuation: the next line's leading blanks are not part of the key
                    if (e == '\r' && i < line.length() && line.charAt(i) == '\n') {
                        i++;
                    }
                    i = skipBlanks(line, i);
                } else if (e == 'u' && i + 4 <= line.length() && line.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
                    key.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                    i += 4;
                } else {
                    key.append(switch (e) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 'f' -> '\f';
                        default -> e;
                    });
                }
            } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f' || isBreak(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The line break that ends a logical line ("" for the file's last line without one). */
    static String ending(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        return line.endsWith("\n") || line.endsWith("\r") ? line.substring(line.length() - 1) : "";
    }

    /** "key=value", escaped so that {@link java.util.Properties} reads exactly these back. */
    static String line(String key, String value) {
        return escape(key, true) + "=" + escape(value, false);
    }

    private static String escape(String text, boolean key) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> b.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                default -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    private static boolean isComment(String text, int from) {
        int i = skipBlanks(text, from);
        return i < text.length() && (text.charAt(i) == '#' || text.charAt(i) == '!');
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static int endOfLine(String text, int from) {
        int i = from;
        while (i < text.length() && !isBreak(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int afterBreak(String text, int end) {
        if (end >= text.length()) {
            return end;
        }
        return text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
    }

    private static boolean oddBackslashes(String text, int start, int end) {
        int n = 0;
        for (int i = end - 1; i >= start && text.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
