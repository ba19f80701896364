package dev.portdeck.tui.dashboard.theme;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.portdeck.tui.TerminalText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Panel text as the terminal really draws it: a sequence of glyphs, each one or two columns wide, so that what Lanterna
 * counts and what the terminal draws agree and rows never shift.
 * <ul>
 *   <li>Controls become spaces ({@link TerminalText#clean}); the text is composed (NFC), so "e" + U+0301 is one "é".</li>
 *   <li>What draws in zero columns is dropped: format characters (zero-width space/joiner, bidi controls such as
 *       U+202E, the byte-order mark) and combining marks that did not compose (variation selectors among them).</li>
 *   <li>Emoji stay emoji: those beyond the BMP are two columns (Lanterna counts their two UTF-16 units); BMP emoji
 *       that terminals draw wide (☕, ⚡) get U+FE0F so that Lanterna treats them as two columns too.</li>
 *   <li>Flags (regional indicator pairs) become their letters ("DE"): terminals disagree on their width.</li>
 * </ul>
 */
public final class ScreenText {

    private static final char EMOJI_STYLE = '\uFE0F';
    /** Below this (Hangul Jamo, the first of Lanterna's wide blocks) every BMP character is one column. */
    private static final char FIRST_WIDE = '\u1100';
    private static final char REPLACEMENT = '\uFFFD';
    private static final int REGIONAL_A = 0x1F1E6;
    private static final int REGIONAL_Z = 0x1F1FF;
    /** BMP code points with Emoji_Presentation=Yes (Unicode emoji-data): terminals draw them two columns wide. */
    private static final int[][] WIDE_BMP_EMOJI = {
        {0x231A, 0x231B}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
        {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE},
        {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
        {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
        {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
        {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}};

    /**
     * Cells drawn before, by style and glyph. Lanterna checks every new cell with a BreakIterator and interns its text,
     * which made building cells most of what a redraw cost; a cell is immutable, so one per glyph and style will do.
     * Bounded: the palette has few styles, panel text few distinct glyphs per style.
     */
    private static final Map<Style, Map<String, TextCharacter>> CELLS = new ConcurrentHashMap<>();
    private static final int MAX_STYLES = 64;
    private static final int MAX_GLYPHS = 1024;

    private record Style(TextColor foreground, TextColor background, EnumSet<SGR> modifiers) {
    }

    private ScreenText() {
    }

    /** The glyphs of `text` in order, each one terminal cell or two ({@link #width(String)}). */
    public static List<String> glyphs(String text) {
        String clean = TerminalText.clean(text);
        List<String> out = new ArrayList<>(clean.length());
        if (plainAscii(clean)) {
            clean.chars().forEach(c -> out.add(String.valueOf((char) c)));
            return out;
        }
        Normalizer.normalize(clean, Normalizer.Form.NFC).codePoints().forEach(cp -> add(out, cp));
        return out;
    }

    private static void add(List<String> out, int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return;
        }
        if (cp >= REGIONAL_A && cp <= REGIONAL_Z) {
            out.add(String.valueOf((char) ('A' + cp - REGIONAL_A)));
        } else if (type == Character.SURROGATE) {
            out.add(String.valueOf(REPLACEMENT));
        } else if (Character.isSupplementaryCodePoint(cp)) {
            out.add(wideAstral(cp) ? new String(Character.toChars(cp)) : String.valueOf(REPLACEMENT));
        } else if (wideBmpEmoji(cp)) {
            out.add(new String(new char[] {(char) cp, EMOJI_STYLE}));
        } else {
            out.add(String.valueOf((char) cp));
        }
    }

    /** Emoji, pictographs and CJK beyond the BMP: two columns in terminals, as Lanterna counts them. */
    private static boolean wideAstral(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x1F004 && cp <= 0x1F251) || script == Character.UnicodeScript.HAN
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static boolean wideBmpEmoji(int cp) {
        if (cp < WIDE_BMP_EMOJI[0][0] || cp > 0x2B55) {
            return false;
        }
        for (int[] range : WIDE_BMP_EMOJI) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean plainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** `text` as it will be drawn (the glyphs joined). */
    public static String displayable(String text) {
        return String.join("", glyphs(text));
    }

    private static int glyphWidth(String glyph) {
        if (glyph.length() > 1) {
            return 2;
        }
        char c = glyph.charAt(0);
        return c < FIRST_WIDE || !TerminalTextUtils.isCharDoubleWidth(c) ? 1 : 2; // skips the block look-up for most text
    }

    /** Columns `text` takes on the terminal. */
    public static int width(String text) {
        return glyphs(text).stream().mapToInt(ScreenText::glyphWidth).sum();
    }

    /**
     * `text` cut (ending in `ellipsis`) or padded to exactly `width` columns; a wide glyph that would straddle the
     * edge becomes a space. `right` pads on the left (numbers).
     */
    public static String fit(String text, int width, boolean right, String ellipsis) {
        if (width <= 0) {
            return "";
        }
        List<String> glyphs = glyphs(text);
        int w = glyphs.stream().mapToInt(ScreenText::glyphWidth).sum();
        if (w <= width) {
            String pad = " ".repeat(width - w);
            String joined = String.join("", glyphs);
            return right ? pad + joined : joined + pad;
        }
        int room = Math.max(0, width - ellipsis.length());
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (String g : glyphs) {
            int gw = glyphWidth(g);
            if (used + gw > room) {
                break;
            }
            b.append(g);
            used += gw;
        }
        b.append(ellipsis, 0, Math.min(ellipsis.length(), width));
        return b + " ".repeat(Math.max(0, width - used - Math.min(ellipsis.length(), width)));
    }

    /** The last glyphs of `text` that fit in `width` columns, padded on the left (a history whose end is the news). */
    public static String tail(String text, int width) {
        List<String> glyphs = glyphs(text);
        StringBuilder b = new StringBuilder();
        int used = 0;
        for (int i = glyphs.size() - 1; i >= 0; i--) {
            int gw = glyphWidth(glyphs.get(i));
            if (used + gw > width) {
                break;
            }
            b.insert(0, glyphs.get(i));
            used += gw;
        }
        return " ".repeat(Math.max(0, width - used)) + b;
    }

    /**
     * Draws `text` at (x, y) glyph by glyph in the graphics' current style: Lanterna's putString would split an emoji
     * into two halves drawn as "??". Returns the column after the text.
     */
    public static int put(TextGraphics g, int x, int y, String text) {
        Map<String, TextCharacter> cells = cells(g);
        int col = x;
        for (String glyph : glyphs(text)) {
            g.setCharacter(col, y, cell(cells, g, glyph));
            col += glyphWidth(glyph);
        }
        return col;
    }

    /** `width` blank cells from (x, y) in the graphics' current style: one cell object, not one per column. */
    public static void blank(TextGraphics g, int x, int y, int width) {
        if (width > 0) {
            g.drawLine(x, y, x + width - 1, y, cell(g, " "));
        }
    }

    /** The cell for `glyph` in the graphics' current style, made once. */
    private static TextCharacter cell(TextGraphics g, String glyph) {
        return cell(cells(g), g, glyph);
    }

    private static TextCharacter cell(Map<String, TextCharacter> cells, TextGraphics g, String glyph) {
        TextCharacter cell = cells.get(glyph);
        if (cell == null) {
            cell = new SizedCell(TextCharacter.fromString(glyph, g.getForegroundColor(), g.getBackgroundColor(),
                    g.getActiveModifiers())[0]);
            if (cells.size() < MAX_GLYPHS) {
                cells.put(glyph, cell);
            }
        }
        return cell;
    }

    private static Map<String, TextCharacter> cells(TextGraphics g) {
        Style style = new Style(g.getForegroundColor(), g.getBackgroundColor(), EnumSet.copyOf(g.getActiveModifiers()));
        Map<String, TextCharacter> cells = CELLS.get(style);
        if (cells == null) {
            if (CELLS.size() >= MAX_STYLES) {
                CELLS.clear();
            }
            cells = CELLS.computeIfAbsent(style, k -> new ConcurrentHashMap<>());
        }
        return cells;
    }

    /**
     * `text` word-wrapped to `width` columns by display width; a word longer than a line is cut across lines. Always
     * at least one line.
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (String word : displayable(text).split(" ", -1)) {
            int w = width(word);
            if (used > 0 && used + 1 + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            if (used > 0) {
                line.append(' ');
                used++;
            }
            for (String glyph : glyphs(word)) {
                int gw = glyphWidth(glyph);
                if (used + gw > width && used > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                line.append(glyph);
                used += gw;
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
