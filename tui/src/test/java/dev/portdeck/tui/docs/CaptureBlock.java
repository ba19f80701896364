package dev.portdeck.tui.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced block of a Markdown file that a run of portdeck fills, announced by the HTML comment on the line before it:
 * <pre>
 * &lt;!-- capture: flavor=pelican head=12 --&gt;      lines "$ portdeck ..." in the block, each followed by its output
 * &lt;!-- screen: --size 80x24 --wait 6 -- portdeck demo --&gt;   the screen in tmux (regenerated, not compared)
 * </pre>
 * Capture options: {@code flavor=documented|pterodactyl|pelican} (the demo panel's rules), {@code head=N} (only the
 * first N lines of each command's output, then "..."), {@code nopanel} (no demo panel and no PORTDECK_* variables),
 * {@code numbers=vary} (the test masks every number: the panel picks a random port).
 *
 * @param file   the Markdown file
 * @param line   the 0-based index of the comment line; the fence opens on the next line
 * @param close  the 0-based index of the closing fence
 * @param kind   "capture" or "screen"
 * @param spec   the comment's text after "kind:" (options, or the screen's size, wait and keys)
 * @param body   the lines between the fences, as the file has them now
 */
record CaptureBlock(Path file, int line, int close, String kind, String spec, List<String> body) {

    private static final Pattern MARKER = Pattern.compile("<!-- (capture|screen)(?::\\s*(.*?))?\\s*-->");

    /** Every marked block of {@code file}, in order. */
    static List<CaptureBlock> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<CaptureBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i).strip());
            if (!m.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(where(file, i) + ": a capture marker must be followed by a fence");
            }
            int close = i + 2;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            if (close >= lines.size()) {
                throw new IllegalStateException(where(file, i) + ": the fence after the marker is never closed");
            }
            String spec = m.group(2) == null ? "" : m.group(2);
            blocks.add(new CaptureBlock(file, i, close, m.group(1), spec, List.copyOf(lines.subList(i + 2, close))));
            i = close;
        }
        return blocks;
    }

    /** Replaces the bodies of {@code blocks} (all of one file, as read) with {@code bodies}, keeping every other line. */
    static void rewrite(Path file, List<CaptureBlock> blocks, List<List<String>> bodies) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int b = blocks.size() - 1; b >= 0; b--) {
            CaptureBlock block = blocks.get(b);
            List<String> region = lines.subList(block.line + 2, block.close);
            region.clear();
            region.addAll(bodies.get(b));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    boolean isCapture() {
        return kind.equals("capture");
    }

    /** The capture's options: {@code key=value} words, and bare words as {@code word=true}. */
    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : spec.split("\\s+")) {
            if (!word.isEmpty()) {
                int eq = word.indexOf('=');
                options.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "true" : word.substring(eq + 1));
            }
        }
        return options;
    }

    /** The command lines of a capture, without their "$ ". */
    List<String> commands() {
        return body.stream().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2)).toList();
    }

    /** "docs/commands.md:42 portdeck servers": where a reader finds it. */
    String title() {
        String first = isCapture() && !commands().isEmpty() ? commands().get(0) : spec;
        return where(file, line) + " " + first;
    }

    private static String where(Path file, int index) {
        return file.getFileName() + ":" + (index + 1);
    }
}
