package dev.portdeck.tui.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and docs/ show what the current build prints: every marked capture is run again in-process against the
 * demo panel and must print what the docs show, up to the values that differ between any two runs. When one fails,
 * `docs/captures.sh` writes the new output into the docs (read the diff before committing it).
 */
class DocumentedOutputTest {

    @TempDir
    Path home;

    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md with docs/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<Path> documents() throws IOException {
        Path repo = repository();
        List<Path> files = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (Stream<Path> docs = Files.list(repo.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<CaptureBlock> captures() throws IOException {
        List<CaptureBlock> blocks = new ArrayList<>();
        for (Path file : documents()) {
            CaptureBlock.of(file).stream().filter(CaptureBlock::isCapture).forEach(blocks::add);
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyCapturedCommandStillPrintsWhatTheDocsShow() throws IOException {
        return captures().stream().map(block -> DynamicTest.dynamicTest(block.title(), () -> check(block)));
    }

    private void check(CaptureBlock block) throws IOException {
        boolean everyNumber = "vary".equals(block.options().get("numbers"));
        String shown = VolatileValues.masked(block.body(), everyNumber);
        String printed = null;
        // Once more on a difference: a game answer that missed its deadline on a loaded machine is not a change.
        for (int attempt = 1; attempt <= 2 && !shown.equals(printed); attempt++) {
            printed = VolatileValues.masked(run(block, home.resolve("run" + attempt)), everyNumber);
        }
        assertEquals(shown, printed, block.title() + " no longer prints what the docs show; run docs/captures.sh,"
                + " read the diff and commit it (or fix the command)");
    }

    static List<String> run(CaptureBlock block, Path home) {
        List<CommandOutput> outputs = new ArrayList<>();
        try (InProcessPanel panel = new InProcessPanel(block.options(), home)) {
            for (String line : block.commands()) {
                outputs.add(panel.run(line));
            }
            Assumptions.assumeFalse(panel.rangeOverMovedPort(), "another program holds a demo port that a documented"
                    + " range covers, so the range cannot show what the docs show; not compared this time");
        }
        return CommandOutput.body(outputs, Integer.parseInt(block.options().getOrDefault("head", "0")));
    }

    @Test
    void theReadmeAndEachCommandPageHaveCaptures() throws IOException {
        Path repo = repository();
        for (String doc : List.of("README.md", "docs/commands.md", "docs/probe.md", "docs/demo.md")) {
            assertTrue(CaptureBlock.of(repo.resolve(doc)).stream().anyMatch(CaptureBlock::isCapture),
                    doc + " shows no captured command output");
        }
    }

    @Test
    void everyShownRunOfPortdeckIsMarkedAsACapture() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path file : documents()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                boolean opens = lines.get(i - 1).startsWith("```") && lines.get(i).startsWith("$ portdeck");
                if (opens && !(i >= 2 && lines.get(i - 2).strip().matches("<!-- (capture|example)\\b.*-->"))) {
                    unmarked.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i));
                }
            }
        }
        assertEquals(List.of(), unmarked, "output shown without a capture marker (or <!-- example: why -->)");
    }
}
