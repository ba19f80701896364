package dev.portdeck.tui.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Puts text on the user's clipboard with OSC 52 (`ESC ] 52 ; c ; base64 BEL`): the terminal itself does it, so it
 * works over SSH. Terminals may refuse (xterm needs allowWindowOps; tmux needs `set -g set-clipboard on`).
 */
final class Clipboard {

    private final Consumer<byte[]> terminal;

    /** `terminal` writes raw bytes to the terminal, past the screen's own buffer. */
    Clipboard(Consumer<byte[]> terminal) {
        this.terminal = terminal;
    }

    /** The exact bytes that ask the terminal to copy `text`. */
    static byte[] osc52(String text) {
        String payload = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return ("\u001b]52;c;" + payload + "\u0007").getBytes(StandardCharsets.US_ASCII);
    }

    void copy(String text) {
        terminal.accept(osc52(text));
    }
}
