package dev.portdeck.tui.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one documented command printed, stdout and stderr in the order a terminal shows them, and how a capture shows
 * it: "$ line", the output, and "[exit N]" when N is not 0; {@code head} keeps only the first lines.
 */
record CommandOutput(String line, String output, int exit) {

    /** The same output with each key of {@code paths} (this run's temporary folders) written as its value. */
    CommandOutput tidied(Map<String, String> paths) {
        String out = output;
        for (Map.Entry<String, String> p : paths.entrySet()) {
            out = out.replace(p.getKey(), p.getValue());
        }
        return new CommandOutput(line, out, exit);
    }

    /** A capture's body: each command and what it printed, a blank line between commands. */
    static List<String> body(List<CommandOutput> outputs, int head) {
        List<String> body = new ArrayList<>();
        for (CommandOutput o : outputs) {
            if (!body.isEmpty()) {
                body.add("");
            }
            body.add("$ " + o.line);
            List<String> out = lines(o.output);
            if (head > 0 && out.size() > head) {
                out = new ArrayList<>(out.subList(0, head));
                out.add("...");
            }
            body.addAll(out);
            if (o.exit != 0) {
                body.add("[exit " + o.exit + "]");
            }
        }
        return body;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        return new ArrayList<>(List.of(text.stripTrailing().split("\n", -1)))
                .stream().map(String::stripTrailing).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
}
