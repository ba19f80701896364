#!/usr/bin/env bash
# Start-up of the installed command (the .deb: /usr/bin/portdeck, jpackage's launcher on the jlink runtime) next to
# the jar run by the JDK: `portdeck --version` and a probe of one open loopback port, with hyperfine.
#
#   mvn -B package -Pdist -DskipTests && dpkg -i dist/target/portdeck_*.deb && bench/install-startup.sh
#   RUNS=30 bench/install-startup.sh
#
# The open port is the installed demo panel's own (`portdeck demo --serve-only`), stopped at the end: 127.0.0.1 only.
# hyperfine interleaves nothing, so on a busy machine compare user+system CPU, which load disturbs least.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-20}
JAR=tui/target/portdeck.jar
command -v hyperfine >/dev/null || { echo "install-startup: needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/portdeck ] || { echo "install-startup: install the .deb first (dpkg -i dist/target/portdeck_*.deb)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "install-startup: $JAR is missing (mvn -B package -DskipTests)" >&2; exit 2; }
work=$(mktemp -d)
demo_pid=
cleanup() {
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

timeout 600 /usr/bin/portdeck demo --serve-only >"$work/demo.out" 2>/dev/null &
demo_pid=$!
for _ in $(seq 1 300); do
  grep -q '^export' "$work/demo.out" && break
  sleep 0.1
done
port=$(sed -n 's|^export PORTDECK_PANEL_URL=http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$work/demo.out")
[ -n "$port" ] || { echo "install-startup: the demo panel did not start" >&2; exit 1; }

flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss512k -Xmx256m" # bin/portdeck's
echo "install-startup: $RUNS runs each; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for args in "--version" "probe 127.0.0.1:$port"; do
  hyperfine -N -w 3 -r "$RUNS" --export-markdown "$work/table.md" \
    -n "installed: portdeck $args" "/usr/bin/portdeck $args" \
    -n "java -jar portdeck.jar $args" "java -jar $JAR $args" \
    -n "java (bin/portdeck's flags) -jar portdeck.jar $args" "java $flags -jar $JAR $args" >"$work/hyperfine.out"
  grep -E '^Benchmark|Time \(mean|Range' "$work/hyperfine.out"
  cat "$work/table.md"
done
