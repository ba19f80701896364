package dev.portdeck.tui.dashboard.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.DefaultKeyDecodingProfile;
import com.googlecode.lanterna.input.InputDecoder;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What Lanterna 3.1.5's own decoder makes of a terminal's bracketed paste once it reads through {@link BracketedPaste}:
 * one {@link PastedText} key, however the bytes arrive; the keys around it stay keys.
 */
class BracketedPasteTest {

    private static final String START = "\u001b[200~";
    private static final String END = "\u001b[201~";

    /** Writes each chunk with a pause between (as a slow link delivers it) and decodes `expected` keys. */
    private static List<KeyStroke> decode(int expected, String... chunks) throws Exception {
        PipedOutputStream terminal = new PipedOutputStream();
        BracketedPaste input = new BracketedPaste(new PipedInputStream(terminal, 1 << 20));
        InputDecoder decoder = new InputDecoder(new InputStreamReader(input, StandardCharsets.UTF_8));
        decoder.addProfile(new DefaultKeyDecodingProfile());
        decoder.addProfile(input.profile());
        Thread writer = new Thread(() -> {
            try {
                for (String chunk : chunks) {
                    terminal.write(chunk.getBytes(StandardCharsets.UTF_8));
                    terminal.flush();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        List<KeyStroke> keys = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (keys.size() < expected && System.nanoTime() < end) {
            KeyStroke k = decoder.getNextCharacter(false);
            if (k == null) {
                Thread.sleep(5);
            } else {
                keys.add(k);
            }
        }
        writer.join();
        return keys;
    }

    @Test
    void aPasteIsOneKeyAndTheKeysAroundItStayKeys() throws Exception {
        List<KeyStroke> keys = decode(3, "x" + START + "A\nB q D" + END + "q");
        assertEquals('x', keys.get(0).getCharacter());
        PastedText paste = assertInstanceOf(PastedText.class, keys.get(1));
        assertEquals("A\nB q D", paste.text(), "the newline and the letters that are commands elsewhere stay text");
        assertEquals('q', keys.get(2).getCharacter());
    }

    @Test
    void aPasteSplitAcrossReadsIsStillOne() throws Exception {
        List<KeyStroke> keys = decode(2, START + "first half, ", "second half \uD83C\uDFAE" + END, "j");
        PastedText paste = assertInstanceOf(PastedText.class, keys.get(0));
        assertEquals("first half, second half \uD83C\uDFAE", paste.text(), "an emoji in a paste arrives whole");
        assertEquals('j', keys.get(1).getCharacter());
    }

    @Test
    void escapeAndArrowsStillArriveAtOnce() throws Exception {
        List<KeyStroke> keys = decode(2, "\u001b", "\u001b[A");
        assertEquals(KeyType.Escape, keys.get(0).getKeyType(), "a bare Esc is not held back as a paste's start");
        assertEquals(KeyType.ArrowUp, keys.get(1).getKeyType());
    }

    @Test
    void pastesBecomeOneLineOrAreRefused() {
        assertEquals("copied line", new PastedText("copied line\n").singleLine(), "the trailing newline goes");
        assertNull(new PastedText("A\nB").singleLine(), "inner line breaks are refused");
        assertEquals("a b[2J", new PastedText("a\tb\u001b[2J").singleLine(), "no escape sequences get in");
        assertTrue(PastedText.tooLarge().isTooLarge());
    }
}
