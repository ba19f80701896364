package dev.portdeck.tui.dashboard.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.SimpleTheme;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.gui2.DefaultWindowDecorationRenderer;
import com.googlecode.lanterna.gui2.TextBox;

/**
 * Colours from the terminal's own 16 ANSI colours, so user palettes and light backgrounds work; or none at all
 * (`NO_COLOR`, `--no-color`), where the selection stays visible through reverse video.
 */
public final class Palette {

    private final boolean color;

    public Palette(boolean color) {
        this.color = color;
    }

    /** Colour unless `--no-color` was given or `NO_COLOR` is set to anything non-empty (no-color.org). */
    public static Palette from(boolean noColorFlag, String noColorEnv) {
        return new Palette(!noColorFlag && (noColorEnv == null || noColorEnv.isEmpty()));
    }

    public boolean hasColor() {
        return color;
    }

    /** Resets `g` to plain text in `tone`. */
    public void apply(TextGraphics g, Tone tone) {
        g.clearModifiers();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(color ? foreground(tone) : TextColor.ANSI.DEFAULT);
        if (!color && (tone == Tone.BAD || tone == Tone.ACCENT)) {
            g.enableModifiers(SGR.BOLD);
        }
        if (tone == Tone.DIM && !color) {
            g.enableModifiers(SGR.ITALIC);
        }
    }

    /** The header and title bars. */
    public void applyBar(TextGraphics g) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.enableModifiers(SGR.REVERSE);
    }

    /** The selected row: reverse video in both modes, so it shows without colour. */
    public void applySelected(TextGraphics g) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.enableModifiers(SGR.REVERSE, SGR.BOLD);
    }

    private static TextColor foreground(Tone tone) {
        return switch (tone) {
            case GOOD -> TextColor.ANSI.GREEN;
            case BAD -> TextColor.ANSI.RED;
            case WARN -> TextColor.ANSI.YELLOW;
            case DIM -> TextColor.ANSI.BLACK_BRIGHT;
            case ACCENT -> TextColor.ANSI.CYAN;
            case NORMAL -> TextColor.ANSI.DEFAULT;
        };
    }

    /**
     * The theme of dialogs: terminal defaults with a blue focus in colour, reverse video without; with `ascii` the
     * window borders are drawn with - | + instead of box-drawing characters.
     */
    public Theme dialogTheme(boolean ascii) {
        SimpleTheme theme = SimpleTheme.makeTheme(true, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT,
                TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT,
                TextColor.ANSI.DEFAULT);
        if (color) {
            theme.getDefaultDefinition().setSelected(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, SGR.BOLD);
            theme.getDefaultDefinition().setActive(TextColor.ANSI.WHITE, TextColor.ANSI.BLUE, SGR.BOLD);
        } else {
            theme.getDefaultDefinition().setSelected(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.REVERSE);
            theme.getDefaultDefinition().setActive(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.REVERSE);
        }
        // text fields must show where they are even when empty and unfocused
        theme.addOverride(TextBox.class, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, SGR.UNDERLINE)
                .setActive(color ? TextColor.ANSI.WHITE : TextColor.ANSI.DEFAULT,
                        color ? TextColor.ANSI.BLUE : TextColor.ANSI.DEFAULT, color ? SGR.BOLD : SGR.REVERSE);
        if (ascii) {
            SimpleTheme.Definition border = theme.addOverride(DefaultWindowDecorationRenderer.class,
                    TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT);
            border.setCharacter("HORIZONTAL_LINE", '-').setCharacter("VERTICAL_LINE", '|')
                    .setCharacter("TOP_LEFT_CORNER", '+').setCharacter("TOP_RIGHT_CORNER", '+')
                    .setCharacter("BOTTOM_LEFT_CORNER", '+').setCharacter("BOTTOM_RIGHT_CORNER", '+')
                    .setCharacter("TITLE_SEPARATOR_LEFT", '-').setCharacter("TITLE_SEPARATOR_RIGHT", '-');
        }
        return theme;
    }
}
