package dev.portdeck.tui.cli.common;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Questions to the person at the terminal; replaceable in tests. With no terminal, secrets are read from stdin. */
public interface Prompt {

    /** Whether a person is at a terminal (System.console() != null). */
    boolean isTerminal();

    /** Shows `question` and reads one line, or null at end of input. */
    String readLine(String question);

    /** Reads a secret without echo on a terminal, or one line of stdin otherwise; null at end of input. */
    char[] readSecret(String question);

    /** The real terminal, and stdin when there is none. */
    static Prompt system(InputStream stdin) {
        return new SystemPrompt(stdin);
    }

    /** Backed by System.console(), falling back to one line of stdin so scripts can pipe a key in. */
    final class SystemPrompt implements Prompt {
        private final InputStream stdin;
        private BufferedReader reader;

        SystemPrompt(InputStream stdin) {
            this.stdin = stdin;
        }

        @Override
        public boolean isTerminal() {
            return System.console() != null;
        }

        @Override
        public String readLine(String question) {
            Console console = System.console();
            return console != null ? console.readLine("%s", question) : stdinLine();
        }

        @Override
        public char[] readSecret(String question) {
            Console console = System.console();
            if (console != null) {
                return console.readPassword("%s", question);
            }
            String line = stdinLine();
            return line == null ? null : line.toCharArray();
        }

        private synchronized String stdinLine() {
            try {
                if (reader == null) {
                    reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                }
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
