#!/bin/sh
# Shell completion for portdeck from the jar (run by `mvn -B package -Pdist`):
#   OUTDIR/portdeck   bash: `portdeck generate-completion`, picocli's script from the command model plus server names
#   OUTDIR/_portdeck  zsh: the same functions run through zsh's bashcompinit. zsh autoloads _portdeck from $fpath on
#                     the first Tab; its body defines the functions, registers them for later Tabs (the script's own
#                     `complete` line), then completes that first Tab too. The script's shell set-up block is left
#                     out: it would set COMPLETE_ALIASES in the user's shell, and its compopt alias comes too late for
#                     functions parsed with the body, so compopt (bash-only) is a no-op function instead.
# Usage: completion.sh JAVA JAR OUTDIR
set -eu
java=$1
jar=$2
out=$3
mkdir -p "$out"
"$java" -Djava.awt.headless=true -jar "$jar" generate-completion >"$out/portdeck"
{
  echo '#compdef portdeck'
  echo "# zsh completion for portdeck, made from picocli's bash completion at build time (dist/completion.sh)."
  echo 'autoload -U +X bashcompinit && bashcompinit'
  echo 'compopt() { :; }'
  sed -e '/^#!/d' -e '/^if \[ -n "\$BASH_VERSION" \]; then$/,/^fi$/d' "$out/portdeck"
  echo '_bash_complete -F _complete_portdeck -o default'
} >"$out/_portdeck"
