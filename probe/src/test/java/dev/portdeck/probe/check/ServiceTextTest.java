package dev.portdeck.probe.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ServiceTextTest {

    @Test
    void minecraftColourCodesAreDropped() {
        assertEquals("A Minecraft Server", ServiceText.clean("§aA §lMinecraft §r§6Server"));
    }

    @Test
    void lineBreaksAndTabsBecomeSingleSpaces() {
        assertEquals("line one line two", ServiceText.clean("  line one\n\n\tline two\r\n"));
    }

    @Test
    void escapeSequencesCannotReachTheTerminal() {
        String cleaned = ServiceText.clean("evil\u001b[2J\u009b31mname\u0007");
        assertTrue(cleaned.chars().noneMatch(Character::isISOControl), cleaned);
        assertEquals("evil [2J 31mname", cleaned);
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRemoved() {
        assertEquals("adminnimda", ServiceText.clean("admin\u202Enimda\u200B\u2066\uFEFF"));
    }

    @Test
    void loneSurrogatesAndPilesOfCombiningMarksGo() {
        assertEquals("ok", ServiceText.clean("o\uD800k"));
        assertEquals("Z\u0301\u0302\u0303", ServiceText.clean("Z\u0301\u0302\u0303\u0304\u0305\u0306"));
    }

    @Test
    void longTextIsCutAtTwoHundredCharactersWithAMark() {
        String cleaned = ServiceText.clean("x".repeat(10_000));
        assertEquals(ServiceText.MAX_LENGTH, cleaned.length());
        assertTrue(cleaned.endsWith("…"));
        assertEquals("y".repeat(200), ServiceText.clean("y".repeat(200)));
    }

    @Test
    void nullStaysNull() {
        assertNull(ServiceText.clean(null));
    }

    @Property
    void cleanedTextIsShortAndFreeOfControlAndFormatCharacters(@ForAll String raw) {
        String cleaned = ServiceText.clean(raw);
        assertTrue(cleaned.length() <= ServiceText.MAX_LENGTH, cleaned);
        assertTrue(cleaned.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                || cp == '§'), cleaned);
        assertEquals(cleaned, cleaned.strip());
    }
}
