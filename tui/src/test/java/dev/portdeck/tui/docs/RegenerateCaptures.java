package dev.portdeck.tui.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/captures.sh: runs every marked block of the README and docs/ with the built jar and writes what it printed
 * into the block. Captures run against a fresh `portdeck demo --serve-only` each; screens run in tmux (left as they
 * were, with a line, when tmux is missing).
 * Arguments: the Markdown files to update (default: all).
 */
public final class RegenerateCaptures {

    private RegenerateCaptures() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = DocumentedOutputTest.repository();
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.add(Path.of(a).toAbsolutePath());
        }
        if (files.isEmpty()) {
            files.addAll(DocumentedOutputTest.documents());
        }
        for (Path file : files) {
            List<CaptureBlock> blocks = CaptureBlock.of(file);
            List<List<String>> bodies = new ArrayList<>();
            for (CaptureBlock block : blocks) {
                System.err.println("captures: " + repo.relativize(file) + ":" + (block.line() + 1) + " " + block.spec());
                bodies.add(block.isCapture() ? capture(repo, block) : screen(repo, block));
            }
            CaptureBlock.rewrite(file, blocks, bodies);
        }
    }

    private static List<String> capture(Path repo, CaptureBlock block) throws Exception {
        Path home = Files.createTempDirectory("portdeck-captures");
        List<CommandOutput> outputs = new ArrayList<>();
        try (DemoProcess demo = new DemoProcess(repo, block.options(), home)) {
            for (String line : block.commands()) {
                outputs.add(demo.run(line));
            }
        }
        return CommandOutput.body(outputs, Integer.parseInt(block.options().getOrDefault("head", "0")));
    }

    /** The screen in tmux, `portdeck` being this checkout's bin/portdeck; the old one when tmux is missing. */
    private static List<String> screen(Path repo, CaptureBlock block) throws Exception {
        if (!onPath("tmux")) {
            System.err.println("captures: no tmux (apt-get install -y tmux); the screen stays as it was");
            return block.body();
        }
        Path home = Files.createTempDirectory("portdeck-screen");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("portdeck"), repo.resolve("bin/portdeck"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("PORTDECK_") || k.equals("NO_COLOR"));
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("XDG_CONFIG_HOME", Files.createDirectories(home.resolve("config")).toString());
        env.put("XDG_STATE_HOME", Files.createDirectories(home.resolve("state")).toString());
        List<String> lines = new ArrayList<>(TmuxScreen.parse(ShellLine.words(block.spec(), Map.of())).capture(env)
                .stream().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
