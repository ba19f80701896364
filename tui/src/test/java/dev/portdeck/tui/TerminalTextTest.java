package dev.portdeck.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Panel text on a terminal: nothing in it may move the cursor, reorder what is shown, or hide characters. */
class TerminalTextTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1\\r\\u001b[2KRemove|127.0.0.1  [2KRemove|carriage return and ESC become spaces",
        "evil\\u009b2J|evil 2J|the one-byte C1 CSI is an escape too",
        "a\\u2028b\\u2029c|a b c|Unicode line and paragraph separators break lines too",
        "admin\\u202Egnp.exe|admingnp.exe|a right-to-left override is dropped",
        "x\\u2066y\\u2069z\\u202Aw\\u202C|xyzw|bidi isolates and embeddings are dropped",
        "Surv\\u200Bival\\u200D\\uFEFF|Survival|zero-width space, joiner and BOM are dropped",
        "Überlebenswelt 生存|Überlebenswelt 生存|ordinary letters stay as they are",
    })
    void cleaningNeutralisesControlsBidiAndZeroWidthCharacters(String raw, String shown, String why) {
        assertEquals(shown, TerminalText.clean(unescape(raw)), why);
    }

    @ParameterizedTest(name = "{0} takes {1}")
    @CsvSource({
        "abc, 3",
        "生存, 4",
        "e\\u0301, 1",
        "a\\u200Bb, 2",
        "\\uD83C\\uDFAE, 2",
    })
    void widthCountsTheColumnsOnScreen(String raw, int columns) {
        assertEquals(columns, TerminalText.width(unescape(raw)));
    }

    /** The test data spells characters as \\uXXXX, \\r and \\n so the source stays readable. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'r' || s.charAt(i + 1) == 'n')) {
                b.append(s.charAt(i + 1) == 'r' ? '\r' : '\n');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
