package dev.portdeck.tui.docs;

import dev.portdeck.tui.cli.common.Prompt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** No terminal, and stdin is what `echo TEXT |` piped in (nothing otherwise), as in a shell script. */
final class PipedPrompt implements Prompt {

    private final Deque<String> lines = new ArrayDeque<>();

    PipedPrompt(String stdin) {
        if (!stdin.isEmpty()) {
            lines.addAll(List.of(stdin.split("\n")));
        }
    }

    @Override
    public boolean isTerminal() {
        return false;
    }

    @Override
    public String readLine(String question) {
        return lines.poll();
    }

    @Override
    public char[] readSecret(String question) {
        String line = lines.poll();
        return line == null ? null : line.toCharArray();
    }
}
