package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Unix terminal, able to write characters beyond the BMP: Lanterna 3.1.5 writes a string one UTF-16 unit at a
 * time, so each half of an emoji goes out alone and the terminal shows "??". Here a code point goes out whole.
 */
final class EmojiSafeTerminal extends UnixTerminal {

    EmojiSafeTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    }

    @Override
    public void putString(String string) throws IOException {
        for (int i = 0; i < string.length(); ) {
            int cp = string.codePointAt(i);
            if (Character.isBmpCodePoint(cp)) {
                putCharacter((char) cp);
            } else {
                writeToTerminal(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
        }
    }
}
