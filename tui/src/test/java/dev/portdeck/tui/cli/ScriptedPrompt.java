package dev.portdeck.tui.cli;

import dev.portdeck.tui.cli.common.Prompt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A Prompt that answers from a script and records the questions. */
public final class ScriptedPrompt implements Prompt {
    private final boolean terminal;
    private final Deque<String> answers = new ArrayDeque<>();
    public final List<String> questions = new ArrayList<>();

    public ScriptedPrompt(boolean terminal, String... answers) {
        this.terminal = terminal;
        this.answers.addAll(List.of(answers));
    }

    @Override
    public boolean isTerminal() {
        return terminal;
    }

    @Override
    public String readLine(String question) {
        questions.add(question);
        return answers.poll();
    }

    @Override
    public char[] readSecret(String question) {
        questions.add(question);
        String a = answers.poll();
        return a == null ? null : a.toCharArray();
    }
}
