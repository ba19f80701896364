#!/usr/bin/env bash
# Benchmark of "is anything listening here?" with about 10,000 sockets bound on this machine (loopback only).
#
#   bench/listening-snapshot.sh                 # 7,500 TCP listeners + 2,500 UDP sockets on 127.0.0.9:20000-, 10 rounds
#   TCP=15000 UDP=5000 ROUNDS=20 bench/listening-snapshot.sh
#
# A helper process (bench/BoundSockets.java) binds the sockets and is stopped at the end; nothing connects anywhere.
# Prints, in wall time and CPU time: one snapshot; 5,000 allocations answered with their owners; one allocation; a later
# round (next(): owners remembered); then `ss -tulpn` and `portdeck listening` (1 and 5,000 rows) as whole processes.
set -euo pipefail
cd "$(dirname "$0")/.."

ADDRESS=${ADDRESS:-127.0.0.9}
FROM=${FROM:-20000}
TCP=${TCP:-7500}
UDP=${UDP:-2500}
ASKED=${ASKED:-5000}
ROUNDS=${ROUNDS:-10}
JAR=tui/target/portdeck.jar
FAST_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData) # as bin/portdeck
WORK=$(mktemp -d)
holder=

cleanup() {
  if [ -n "$holder" ]; then kill "$holder" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -r /proc/net/tcp ] || { echo "bench/listening-snapshot.sh: needs Linux's /proc/net" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "building $JAR ..."
  mvn -B -q -pl tui -am package -DskipTests
fi
ulimit -n $((TCP + UDP + 1000)) 2>/dev/null || true

java bench/BoundSockets.java "$ADDRESS" "$FROM" "$TCP" "$UDP" > "$WORK/bound" &
holder=$!
for _ in $(seq 1 600); do [ -s "$WORK/bound" ] && break; sleep 0.1; done
[ -s "$WORK/bound" ] || { echo "the sockets were not bound (open-files limit: $(ulimit -n))" >&2; exit 1; }
read -r tcp_bound udp_bound < "$WORK/bound"
echo "bound: $tcp_bound TCP listeners and $udp_bound UDP sockets on $ADDRESS from port $FROM (pid $holder)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "/proc/net sizes: tcp $(wc -c < /proc/net/tcp) B, tcp6 $(wc -c < /proc/net/tcp6 2>/dev/null || echo 0) B," \
  "udp $(wc -c < /proc/net/udp) B, udp6 $(wc -c < /proc/net/udp6 2>/dev/null || echo 0) B;" \
  "open descriptors in all processes: $(find /proc/[0-9]*/fd -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)"
echo

java "${FAST_FLAGS[@]}" -cp "$JAR" bench/ListeningCost.java "$ADDRESS" "$FROM" "$ASKED" "$ROUNDS"
echo

# Whole processes: wall time and CPU time (user + system), each the median of ROUNDS runs.
median() { sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }
measure() { # label, command...: ROUNDS runs
  local label=$1; shift
  : > "$WORK/wall"; : > "$WORK/cpu"
  for _ in $(seq 1 "$ROUNDS"); do
    { TIMEFORMAT='%R %U %S'; time "$@" > "$WORK/out" 2> "$WORK/err" || true; } 2> "$WORK/time"
    read -r real user sys < "$WORK/time"
    awk -v r="$real" 'BEGIN { printf "%d\n", r * 1000 }' >> "$WORK/wall"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >> "$WORK/cpu"
  done
  printf '%-62s median %5d ms wall, %5d ms CPU\n' "$label" "$(median < "$WORK/wall")" "$(median < "$WORK/cpu")"
}
last=$((FROM + ASKED - 1))
command -v ss >/dev/null && measure "ss -tulpn (every socket with its process)" ss -tulpn
measure "bin/portdeck listening $ADDRESS:$FROM (1 row)" bin/portdeck listening "$ADDRESS:$FROM"
measure "bin/portdeck listening $ADDRESS:$FROM-$last ($ASKED rows)" bin/portdeck listening "$ADDRESS:$FROM-$last"
measure "bin/portdeck listening --json (same $ASKED rows)" bin/portdeck listening --json "$ADDRESS:$FROM-$last"
