package dev.portdeck.tui.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One documented command line, read the way bash reads the small part of its grammar the docs use:
 * {@code NAME=value} prefixes, single and double quotes, {@code $NAME} and {@code ${NAME}}, {@code echo TEXT |},
 * {@code < /dev/null} and a trailing {@code # comment}. Anything else is refused, so the docs cannot show a line that
 * the in-process run would read differently from a shell.
 *
 * @param env   variables set for this command only
 * @param args  the arguments after {@code portdeck}
 * @param stdin what the command reads (empty when nothing is piped in)
 */
record ShellLine(Map<String, String> env, List<String> args, String stdin) {

    /** Reads {@code line}, expanding variables from {@code vars}. */
    static ShellLine parse(String line, Map<String, String> vars) {
        List<String> words = words(line, vars);
        String stdin = "";
        int pipe = words.indexOf("|");
        if (pipe >= 0) {
            if (pipe == 0 || !words.get(0).equals("echo")) {
                throw new IllegalArgumentException("only `echo TEXT | portdeck ...` may pipe: " + line);
            }
            stdin = String.join(" ", words.subList(1, pipe)) + "\n";
            words = words.subList(pipe + 1, words.size());
        }
        int redirect = words.indexOf("<");
        if (redirect >= 0) {
            if (redirect != words.size() - 2 || !words.get(redirect + 1).equals("/dev/null")) {
                throw new IllegalArgumentException("only a trailing `< /dev/null` may redirect: " + line);
            }
            words = words.subList(0, redirect);
        }
        Map<String, String> env = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
            String w = words.get(i++);
            env.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        }
        if (i >= words.size() || !words.get(i).equals("portdeck")) {
            throw new IllegalArgumentException("a captured line runs portdeck: " + line);
        }
        return new ShellLine(env, List.copyOf(words.subList(i + 1, words.size())), stdin);
    }

    /** The words of {@code line} as bash splits them (also for a screen marker's arguments). */
    static List<String> words(String line, Map<String, String> vars) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                word = flush(words, word);
            } else if (c == '#' && word == null) {
                break;
            } else if ((c == '|' || c == '<') && word == null) {
                words.add(String.valueOf(c));
            } else if (c == '\'') {
                int end = closing(line, i, '\'');
                word = append(word, line.substring(i + 1, end));
                i = end;
            } else if (c == '"') {
                int end = closing(line, i, '"');
                word = append(word, expand(line.substring(i + 1, end), vars));
                i = end;
            } else if (c == '$') {
                int end = variableEnd(line, i);
                word = append(word, expand(line.substring(i, end), vars));
                i = end - 1;
            } else if (c == '\\' || c == '`' || c == ';' || c == '&' || c == '>' || c == '*' || c == '(') {
                throw new IllegalArgumentException("'" + c + "' is more shell than a captured line may use: " + line);
            } else {
                word = append(word, String.valueOf(c));
            }
        }
        flush(words, word);
        return words;
    }

    private static StringBuilder flush(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }

    private static StringBuilder append(StringBuilder word, String text) {
        return (word == null ? new StringBuilder() : word).append(text);
    }

    private static int closing(String line, int open, char quote) {
        int end = line.indexOf(quote, open + 1);
        if (end < 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
        }
        return end;
    }

    private static int variableEnd(String line, int dollar) {
        if (dollar + 1 < line.length() && line.charAt(dollar + 1) == '{') {
            return closing(line, dollar + 1, '}') + 1;
        }
        int end = dollar + 1;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    /** $NAME and ${NAME} from {@code vars}; an unset one is empty, as in bash. */
    private static String expand(String text, Map<String, String> vars) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '$' && i + 1 < text.length()) {
                int end = variableEnd(text, i);
                String name = text.substring(i + 1, end).replace("{", "").replace("}", "");
                out.append(vars.getOrDefault(name, ""));
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
