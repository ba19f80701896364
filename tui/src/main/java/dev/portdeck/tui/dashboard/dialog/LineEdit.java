package dev.portdeck.tui.dashboard.dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of text being edited, as a shell edits it (readline's keys), counted in code points so that an emoji is
 * one character, as the panel counts it. The cursor sits between code points: 0 is before the first.
 */
final class LineEdit {

    private final List<Integer> text = new ArrayList<>();
    private int cursor;

    LineEdit(String initial) {
        set(initial);
    }

    /** Replaces the text; the cursor goes to the end, where Ctrl-U then clears everything. */
    void set(String value) {
        text.clear();
        (value == null ? "" : value).codePoints().forEach(text::add);
        cursor = text.size();
    }

    String text() {
        StringBuilder b = new StringBuilder();
        text.forEach(b::appendCodePoint);
        return b.toString();
    }

    int cursor() {
        return cursor;
    }

    List<Integer> codePoints() {
        return List.copyOf(text);
    }

    int length() {
        return text.size();
    }

    void insert(String s) {
        for (int cp : s.codePoints().toArray()) {
            text.add(cursor++, cp);
        }
    }

    void backspace() {
        if (cursor > 0) {
            text.remove(--cursor);
        }
    }

    /** Delete, Ctrl-D: the character under the cursor. */
    void delete() {
        if (cursor < text.size()) {
            text.remove(cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(text.size(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.size();
    }

    /** Ctrl-K: from the cursor to the end. */
    void killToEnd() {
        text.subList(cursor, text.size()).clear();
    }

    /** Ctrl-U: from the start to the cursor (everything when the cursor is at the end). */
    void killToStart() {
        text.subList(0, cursor).clear();
        cursor = 0;
    }

    /** Ctrl-W: the word before the cursor, words separated by white space (unix-word-rubout). */
    void killWordBack() {
        int from = cursor;
        while (from > 0 && Character.isWhitespace(text.get(from - 1))) {
            from--;
        }
        while (from > 0 && !Character.isWhitespace(text.get(from - 1))) {
            from--;
        }
        text.subList(from, cursor).clear();
        cursor = from;
    }

    /** Alt-D: to the end of the next word. */
    void killWordForward() {
        int to = nextWordEnd();
        text.subList(cursor, to).clear();
    }

    /** Alt-B: to the start of this or the previous word (letters and digits). */
    void wordBack() {
        while (cursor > 0 && !Character.isLetterOrDigit(text.get(cursor - 1))) {
            cursor--;
        }
        while (cursor > 0 && Character.isLetterOrDigit(text.get(cursor - 1))) {
            cursor--;
        }
    }

    /** Alt-F: to the end of this or the next word. */
    void wordForward() {
        cursor = nextWordEnd();
    }

    private int nextWordEnd() {
        int at = cursor;
        while (at < text.size() && !Character.isLetterOrDigit(text.get(at))) {
            at++;
        }
        while (at < text.size() && Character.isLetterOrDigit(text.get(at))) {
            at++;
        }
        return at;
    }
}
