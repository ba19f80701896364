package dev.portdeck.tui.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dashboard screen as a user at a terminal sees it: the command in a detached tmux pane of a given size, keys typed
 * one at a time after it drew, then the pane's text. A screen marker's arguments read
 * `[--size COLSxROWS] [--wait SECONDS] [--keys "KEY ..."] -- COMMAND ...` (keys are tmux send-keys words).
 */
final class TmuxScreen {

    private static final double KEY_GAP_SECONDS = 0.3;
    private static final double AFTER_KEYS_SECONDS = 2;

    private final String size;
    private final double waitSeconds;
    private final List<String> keys;
    private final List<String> command;

    private TmuxScreen(String size, double waitSeconds, List<String> keys, List<String> command) {
        this.size = size;
        this.waitSeconds = waitSeconds;
        this.keys = keys;
        this.command = command;
    }

    static TmuxScreen parse(List<String> words) {
        String size = "80x24";
        double wait = 4;
        List<String> keys = List.of();
        int i = 0;
        for (; i < words.size() && !words.get(i).equals("--"); i += 2) {
            String value = words.get(i + 1);
            switch (words.get(i)) {
                case "--size" -> size = value;
                case "--wait" -> wait = Double.parseDouble(value);
                case "--keys" -> keys = List.of(value.trim().split("\\s+"));
                default -> throw new IllegalArgumentException("a screen marker knows --size, --wait, --keys, not "
                        + words.get(i));
            }
        }
        return new TmuxScreen(size, wait, keys, words.subList(Math.min(i + 1, words.size()), words.size()));
    }

    /** The pane's lines; `environment` is the command's (PATH naming the portdeck to run, a private config home). */
    List<String> capture(Map<String, String> environment) throws IOException, InterruptedException {
        String socket = "portdeck-captures-" + ProcessHandle.current().pid();
        String[] cells = size.split("x");
        StringBuilder shell = new StringBuilder("TERM=xterm-256color");
        for (String word : command) {
            shell.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        try {
            tmux(environment, socket, "new-session", "-d", "-x", cells[0], "-y", cells[1], shell + "; sleep 30");
            pause(waitSeconds);
            for (String key : keys) {
                tmux(environment, socket, "send-keys", key);
                pause(KEY_GAP_SECONDS);
            }
            if (!keys.isEmpty()) {
                pause(AFTER_KEYS_SECONDS);
            }
            return List.of(tmux(environment, socket, "capture-pane", "-p", "-t", "0").split("\n", -1));
        } finally {
            tmux(environment, socket, "kill-server");
        }
    }

    private static String tmux(Map<String, String> environment, String socket, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("tmux", "-L", socket));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    private static void pause(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }
}
