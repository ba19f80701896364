#!/usr/bin/env bash
# Benchmark of "is anything listening here?" with about 10,000 sockets bound on this machine (loopback only).
#
#   bench/listening-snapshot.sh                 # 7,500 TCP listeners + 2,500 UDP sockets on 127.0.0.9:20000-, 10 rounds
#   TCP=15000 UDP=5000 ROUNDS=20 bench/listening-snapshot.sh
#
# A helper process (bench/BoundSockets.java) binds the sockets and is stopped at the end; nothing connects anywhere.
# Prints: the cost of one snapshot, of answering 5,000 allocations (half of them bound) with their owners, of one
# allocation, then `ss -tulpn` and `portdeck listening` over the same 5,000 addresses as whole processes.
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

now_ns() { date +%s%N; }
median_ms() { sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p"; }
last=$((FROM + ASKED - 1))
if command -v ss >/dev/null; then
  for _ in $(seq 1 "$ROUNDS"); do
    t0=$(now_ns); ss -tulpn > /dev/null; t1=$(now_ns); echo $(( (t1 - t0) / 1000000 ))
  done > "$WORK/ss"
  echo "ss -tulpn (every socket with its process), whole process: median $(median_ms < "$WORK/ss") ms"
fi
for _ in $(seq 1 "$ROUNDS"); do
  t0=$(now_ns); bin/portdeck listening --json "$ADDRESS:$FROM-$last" > "$WORK/out" 2>"$WORK/err" || true; t1=$(now_ns)
  echo $(( (t1 - t0) / 1000000 ))
done > "$WORK/cli"
echo "bin/portdeck listening --json $ADDRESS:$FROM-$last ($ASKED rows), whole process: median $(median_ms < "$WORK/cli") ms"
