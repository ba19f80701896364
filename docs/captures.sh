#!/bin/sh
# Writes the output of the current build into every marked block of README.md and docs/*.md:
#   <!-- capture -->  each "$ portdeck ..." line of the block, run by bash against a fresh `portdeck demo --serve-only`
#   <!-- screen: [--size CxR] [--wait S] [--keys "KEY ..."] -- portdeck ... -->  the dashboard in tmux, keys typed
# Usage: docs/captures.sh [FILE.md ...]   (default: all). Read `git diff` before committing what it wrote.
# DocumentedOutputTest (in `mvn verify`) fails when a capture no longer matches what the build prints.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -pl tui -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/captures.classpath -Dmdep.includeScope=test
exec java -cp "tui/target/test-classes:tui/target/classes:$(cat tui/target/captures.classpath)" \
  dev.portdeck.tui.docs.RegenerateCaptures "$@"
