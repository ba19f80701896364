package dev.portdeck.tui.cli;

import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.ServerNames;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * `portdeck generate-completion`: picocli's bash/zsh script, with SERVER arguments completed from the panel. Each
 * SERVER takes {@link ServerNames} as candidates, a marker this command replaces by a call of
 * `portdeck __complete-servers`, remembered by the shell for half a minute and bounded by `timeout 3`.
 */
@Command(name = "generate-completion", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class,
        description = {"Print a bash/zsh completion script for portdeck: source <(portdeck generate-completion).",
            "It completes commands, options, enum values (--flavor, power signals) and server names from the panel."})
public final class CompletionCommand implements Callable<Integer> {

    private static final Pattern CANDIDATES = Pattern.compile("local (\\w+)=\\(\"" + ServerNames.MARKER + "\"\\)");

    static final String SERVERS_FUNCTION = """

            # Server names and short ids for SERVER arguments, asked only when such an argument is completed:
            # portdeck answers from the panel (or its own one-minute cache), with the panel options typed on this
            # line; the shell keeps the answer for 30 s and waits at most 3 s for it.
            function _portdeck_servers_refresh() {
              local portdeck_cmd=${COMP_WORDS[0]} i
              local -a args=(__complete-servers)
              for (( i=1; i<${#COMP_WORDS[@]}; i++ )); do
                case ${COMP_WORDS[i]} in
                  --panel|--profile) args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
                  --all-servers|--allow-insecure-http) args+=("${COMP_WORDS[i]}") ;;
                esac
              done
              local key="${args[*]}"
              if [[ "$key" != "${_portdeck_servers_key:-}" || $(( SECONDS - ${_portdeck_servers_at:-0} )) -gt 30 ]]; then
                if command -v timeout >/dev/null 2>&1; then
                  _portdeck_servers_list=$(timeout 3 "$portdeck_cmd" "${args[@]}" 2>/dev/null)
                else
                  _portdeck_servers_list=$("$portdeck_cmd" "${args[@]}" 2>/dev/null)
                fi
                _portdeck_servers_key=$key
                _portdeck_servers_at=$SECONDS
              fi
            }

            # Fills the array named $1 with the server names, one element per line. Positional candidates pass
            # through one more round of expansion in picocli's script, so their spaces are escaped once more here.
            function _portdeck_fill() {
              _portdeck_servers_refresh
              local _portdeck_name
              while IFS= read -r _portdeck_name; do
                [[ $1 == *_pos_param_args ]] && printf -v _portdeck_name %q "$_portdeck_name"
                [[ -n $_portdeck_name ]] && eval "$1+=(\\"\\$_portdeck_name\\")"
              done <<< "$_portdeck_servers_list"
            }
            """;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("portdeck", spec.root().commandLine());
        spec.commandLine().getOut().print(withServerNames(script));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** The picocli script with every marker array left empty, and filled from the panel just before it is used. */
    static String withServerNames(String script) {
        Matcher m = CANDIDATES.matcher(script);
        StringBuilder b = new StringBuilder();
        java.util.Set<String> arrays = new java.util.LinkedHashSet<>();
        while (m.find()) {
            arrays.add(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement("local -a " + m.group(1) + "=()"));
        }
        m.appendTail(b);
        String out = b.toString();
        for (String array : arrays) {
            out = out.replaceAll("(?m)^(\\s*)(.*\\$\\{" + array + "\\[@]}.*)$",
                    "$1_portdeck_fill " + array + "; $2");
        }
        return out + SERVERS_FUNCTION;
    }
}
