package dev.portdeck.tui.dashboard;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Unix terminal, able to write characters beyond the BMP: Lanterna 3.1.5 writes a string one UTF-16 unit at a
 * time, so each half of an emoji goes out alone and the terminal shows "??". Here a code point goes out whole.
 * Taking the terminal runs `stty` twice (save, then every setting at once) instead of five times: each is a process,
 * tens of milliseconds before the first frame.
 */
final class EmojiSafeTerminal extends UnixTerminal {

    /** The settings acquire() asks for, run as one `stty`; no initializer: acquire() runs in the super constructor. */
    private List<String> sttyBatch;

    EmojiSafeTerminal(InputStream in, OutputStream out) throws IOException {
        super(in, out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
    }

    @Override
    protected void acquire() throws IOException {
        sttyBatch = new ArrayList<>();
        try {
            super.acquire();
        } finally {
            List<String> settings = sttyBatch;
            sttyBatch = null;
            if (!settings.isEmpty()) {
                runSTTYCommand(settings.toArray(String[]::new));
            }
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (sttyBatch == null) {
            super.canonicalMode(enabled);
        } else {
            sttyBatch.addAll(enabled ? List.of("icanon") : List.of("-icanon", "min", "1"));
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (sttyBatch == null) {
            super.keyEchoEnabled(enabled);
        } else {
            sttyBatch.add(enabled ? "echo" : "-echo");
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (sttyBatch == null) {
            super.keyStrokeSignalsEnabled(enabled);
        } else {
            sttyBatch.addAll(List.of("intr", enabled ? "^C" : "undef"));
        }
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
