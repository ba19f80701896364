package dev.portdeck.tui.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * docs/captures.sh: runs every marked block of the README and docs/ with the built jar and writes what it printed
 * into the block. Captures run against a fresh `portdeck demo --serve-only` each; screens run through tui-screen
 * (TUI_SCREEN, default /work/shared/tools/tui-screen, skipped with a line when it is missing).
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

    /** The screen as tui-screen shows it, `portdeck` being this checkout's bin/portdeck; the old one if it cannot. */
    private static List<String> screen(Path repo, CaptureBlock block) throws Exception {
        Path tool = Path.of(System.getenv().getOrDefault("TUI_SCREEN", "/work/shared/tools/tui-screen"));
        if (!Files.isExecutable(tool)) {
            System.err.println("captures: no " + tool + " (set TUI_SCREEN); the screen stays as it was");
            return block.body();
        }
        Path home = Files.createTempDirectory("portdeck-screen");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("portdeck"), repo.resolve("bin/portdeck"));
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(ShellLine.words(block.spec(), java.util.Map.of()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new java.io.File("/dev/null"));
        pb.environment().keySet().removeIf(k -> k.startsWith("PORTDECK_") || k.equals("NO_COLOR"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("XDG_CONFIG_HOME", Files.createDirectories(home.resolve("config")).toString());
        pb.environment().put("XDG_STATE_HOME", Files.createDirectories(home.resolve("state")).toString());
        Process p = pb.start();
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>(screen.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
