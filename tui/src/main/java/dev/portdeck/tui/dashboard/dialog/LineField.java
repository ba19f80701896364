package dev.portdeck.tui.dashboard.dialog;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.portdeck.tui.dashboard.keys.PastedText;
import dev.portdeck.tui.dashboard.theme.ScreenText;
import java.util.List;
import java.util.function.Consumer;

/**
 * A one-line text field that edits like a shell line: Ctrl-A/Home, Ctrl-E/End, Ctrl-B/F and the arrows, Alt-B/Alt-F
 * by word, Backspace, Delete/Ctrl-D, Ctrl-K to the end, Ctrl-U to the start, Ctrl-W and Alt-Backspace the word before,
 * Alt-D the word after. Enter submits; a paste is one insertion. Drawn in the theme's text-box style: underlined when
 * it waits, highlighted with the cursor in it when it has focus.
 */
public final class LineField extends AbstractInteractableComponent<LineField> {

    private final LineEdit edit;
    private final int columns;
    private final Runnable submit;
    private Consumer<String> onChange = text -> { };
    private Consumer<String> complain = why -> { };
    private String lockedBecause;
    private char highSurrogate;
    private int scroll;

    public LineField(int columns, String initial, Runnable submit) {
        this.edit = new LineEdit(initial);
        this.columns = columns;
        this.submit = submit;
    }

    /** Called with the new text after every change the user makes. */
    LineField onChange(Consumer<String> listener) {
        this.onChange = listener;
        return this;
    }

    /** Where a refused key or paste is explained (the dialog's message line). */
    LineField onComplaint(Consumer<String> listener) {
        this.complain = listener;
        return this;
    }

    public String text() {
        return edit.text();
    }

    /** Code points, as the panel counts characters. */
    int length() {
        return edit.length();
    }

    void setText(String text) {
        edit.set(text);
        invalidate();
    }

    /** While `why` is not null, editing keys are refused with that sentence (e.g. while saving). */
    void lock(String why) {
        lockedBecause = why;
    }

    @Override
    protected Result handleKeyStroke(KeyStroke key) {
        if (key instanceof PastedText paste) {
            return pasted(paste);
        }
        switch (key.getKeyType()) {
            case Enter -> submit.run();
            case Tab, ArrowDown -> {
                return Result.MOVE_FOCUS_NEXT;
            }
            case ReverseTab, ArrowUp -> {
                return Result.MOVE_FOCUS_PREVIOUS;
            }
            case ArrowLeft -> edit.left();
            case ArrowRight -> edit.right();
            case Home -> edit.home();
            case End -> edit.end();
            case Backspace -> change(key.isAltDown() ? edit::killWordBack : edit::backspace);
            case Delete -> change(edit::delete);
            case Character -> character(key);
            default -> {
                return Result.UNHANDLED;
            }
        }
        invalidate();
        return Result.HANDLED;
    }

    private void character(KeyStroke key) {
        char c = key.getCharacter();
        if (key.isCtrlDown()) {
            control(Character.toLowerCase(c));
        } else if (key.isAltDown()) {
            switch (Character.toLowerCase(c)) {
                case 'b' -> edit.wordBack();
                case 'f' -> edit.wordForward();
                case 'd' -> change(edit::killWordForward);
                default -> complain.accept("Alt-" + c + " does nothing here; Esc cancels, Enter saves.");
            }
        } else if (Character.isHighSurrogate(c)) {
            highSurrogate = c; // an emoji arrives as two keystrokes: wait for its second half
        } else if (Character.isLowSurrogate(c) && highSurrogate != 0) {
            String pair = new String(new char[] {highSurrogate, c});
            highSurrogate = 0;
            change(() -> edit.insert(pair));
        } else {
            change(() -> edit.insert(String.valueOf(c)));
        }
    }

    private void control(char c) {
        switch (c) {
            case 'a' -> edit.home();
            case 'e' -> edit.end();
            case 'b' -> edit.left();
            case 'f' -> edit.right();
            case 'd' -> change(edit::delete);
            case 'h' -> change(edit::backspace);
            case 'k' -> change(edit::killToEnd);
            case 'u' -> change(edit::killToStart);
            case 'w' -> change(edit::killWordBack);
            default -> complain.accept("Ctrl-" + Character.toUpperCase(c) + " does nothing here; Esc cancels.");
        }
    }

    private Result pasted(PastedText paste) {
        String line = paste.singleLine();
        if (paste.isTooLarge()) {
            complain.accept("Not pasted: the paste is larger than any field here takes.");
        } else if (line == null) {
            complain.accept("Not pasted: the text has line breaks, and this field is one line.");
        } else {
            change(() -> edit.insert(line));
        }
        invalidate();
        return Result.HANDLED;
    }

    /** An edit, unless the field is locked; listeners hear of real changes only. */
    private void change(Runnable action) {
        if (lockedBecause != null) {
            complain.accept(lockedBecause);
            return;
        }
        String before = edit.text();
        action.run();
        String after = edit.text();
        if (!after.equals(before)) {
            onChange.accept(after);
        }
    }

    // ---- drawing: glyph widths per code point, scrolled so that the cursor is always in view ----

    private int[] widths() {
        List<Integer> cps = edit.codePoints();
        int[] w = new int[cps.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ScreenText.width(new String(Character.toChars(cps.get(i))));
        }
        return w;
    }

    private static int span(int[] widths, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += widths[i];
        }
        return sum;
    }

    private int cursorColumn(int[] widths) {
        int width = Math.max(1, getSize().getColumns());
        scroll = Math.min(scroll, edit.cursor());
        while (span(widths, scroll, edit.cursor()) >= width) {
            scroll++;
        }
        return span(widths, scroll, edit.cursor());
    }

    private void paint(TextGUIGraphics g) {
        ThemeDefinition definition = getTheme().getDefinition(TextBox.class); // the text-box look of the theme
        g.applyThemeStyle(isFocused() ? definition.getActive() : definition.getNormal());
        g.fill(' ');
        int[] widths = widths();
        cursorColumn(widths);
        List<Integer> cps = edit.codePoints();
        int x = 0;
        for (int i = scroll; i < cps.size(); i++) {
            if (x + widths[i] > g.getSize().getColumns()) {
                break;
            }
            x = ScreenText.put(g, x, 0, new String(Character.toChars(cps.get(i))));
        }
    }

    @Override
    protected InteractableRenderer<LineField> createDefaultRenderer() {
        return new InteractableRenderer<>() {
            @Override
            public TerminalPosition getCursorLocation(LineField field) {
                return new TerminalPosition(field.cursorColumn(field.widths()), 0);
            }

            @Override
            public TerminalSize getPreferredSize(LineField field) {
                return new TerminalSize(field.columns, 1);
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, LineField field) {
                field.paint(graphics);
            }
        };
    }
}
