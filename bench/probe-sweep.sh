#!/usr/bin/env bash
# Benchmark of `portdeck probe` on loopback, measured as a whole process next to nmap's connect scan.
#
#   bench/probe-sweep.sh            # 10,000 ports 127.0.0.1:20000-29999, 1% listening, 5 runs each
#   FROM=40000 RUNS=9 bench/probe-sweep.sh
#
# It starts 100 listeners itself (bench/Listeners.java), stops them at the end, and sends traffic to 127.0.0.1 only.
# Prints: wall time of each variant (median of RUNS), the ratio to nmap, whether every port was classified the same,
# the engine's in-process throughput and its loopback connect time next to `nping --tcp-connect`.
set -euo pipefail
cd "$(dirname "$0")/.."

FROM=${FROM:-20000}
COUNT=${COUNT:-10000}
TO=$((FROM + COUNT - 1))
STEP=$((COUNT / 100))
RUNS=${RUNS:-5}
JAR=tui/target/portdeck.jar
WORK=$(mktemp -d)
CDS=$WORK/portdeck.jsa
FAST_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData)
listener_pid=

cleanup() {
  if [ -n "$listener_pid" ]; then kill "$listener_pid" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ]; then
  echo "building $JAR ..."
  mvn -B -q -pl tui -am package -DskipTests
fi

# 100 listeners, every STEP-th port.
java bench/Listeners.java "$FROM" "$TO" "$STEP" > "$WORK/listening" &
listener_pid=$!
for _ in $(seq 1 200); do [ -s "$WORK/listening" ] && break; sleep 0.1; done
[ -s "$WORK/listening" ] || { echo "the listeners did not start" >&2; exit 1; }
tr ',' '\n' < "$WORK/listening" | sort -n > "$WORK/expected-open"
echo "ports 127.0.0.1:$FROM-$TO ($COUNT), listening on $(wc -l < "$WORK/expected-open") of them"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo

now_ns() { date +%s%N; }

# Median wall time in ms of RUNS runs of "$@", output of the last run in $WORK/last.
median_ms() {
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(now_ns)
    "$@" > "$WORK/last" 2>/dev/null || true
    t1=$(now_ns)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

portdeck_open_ports() { grep '"state":"open"' "$WORK/last" | sed 's/.*"port":\([0-9]*\).*/\1/' | sort -n; }
portdeck_states() { sed 's/.*"state":"\([a-z-]*\)".*/\1/' "$WORK/last" | sort | uniq -c | tr '\n' ' '; }

run_portdeck() {
  local label=$1; shift
  local ms
  ms=$(median_ms java "$@" -jar "$JAR" probe --json "127.0.0.1:$FROM-$TO")
  local lines; lines=$(wc -l < "$WORK/last")
  portdeck_open_ports > "$WORK/open-$label"
  grep -c '"state":"closed"' "$WORK/last" > "$WORK/closed-$label" || true
  printf '%-34s %6d ms   %s lines: %s\n' "portdeck ($label)" "$ms" "$lines" "$(portdeck_states)"
  echo "$ms" > "$WORK/ms-$label"
}

run_portdeck "java -jar" 
run_portdeck "C1, SerialGC" "${FAST_FLAGS[@]}"
# Application class-data sharing: one training run writes the archive, later runs map it instead of loading classes.
java "${FAST_FLAGS[@]}" -XX:ArchiveClassesAtExit="$CDS" -jar "$JAR" probe --json "127.0.0.1:$FROM-$TO" > /dev/null 2>&1 || true
if [ -f "$CDS" ]; then
  run_portdeck "C1, SerialGC, AppCDS" "${FAST_FLAGS[@]}" -XX:SharedArchiveFile="$CDS"
fi

if command -v nmap >/dev/null; then
  ms=$(median_ms nmap -sT -T5 --max-retries 0 -n -Pn -oG - -p "$FROM-$TO" 127.0.0.1)
  grep -o '[0-9]*/open/' "$WORK/last" | cut -d/ -f1 | sort -n > "$WORK/open-nmap"
  closed=$(grep -o 'Ignored State: closed ([0-9]*)' "$WORK/last" | grep -o '[0-9]*' || echo 0)
  printf '%-34s %6d ms   %s open, %s closed\n' "nmap -sT -T5 --max-retries 0" "$ms" \
    "$(wc -l < "$WORK/open-nmap")" "$closed"
  echo
  for label in "java -jar" "C1, SerialGC" "C1, SerialGC, AppCDS"; do
    [ -f "$WORK/ms-$label" ] || continue
    ratio=$(awk -v a="$(cat "$WORK/ms-$label")" -v b="$ms" 'BEGIN { printf "%.2f", a / b }')
    same=no
    # Same open ports as nmap and as the listeners, and every other port closed for both.
    if cmp -s "$WORK/open-$label" "$WORK/open-nmap" && cmp -s "$WORK/open-$label" "$WORK/expected-open" \
        && [ "$(cat "$WORK/closed-$label")" = "$closed" ] \
        && [ $(( $(wc -l < "$WORK/open-$label") + closed )) -eq "$COUNT" ]; then
      same=yes
    fi
    printf 'ratio portdeck (%s) / nmap = %s; every port classified the same as nmap (and the listeners): %s\n' "$label" "$ratio" "$same"
  done
else
  echo "nmap is not installed: no side-by-side (apt-get install nmap)"
fi

echo
first_open=$(head -1 "$WORK/expected-open")
java "${FAST_FLAGS[@]}" -cp "$JAR" bench/SweepThroughput.java "$FROM" "$TO" 5 "$first_open" 1000
if command -v nping >/dev/null; then
  nping --tcp-connect -c 1000 --delay 1ms -p "$first_open" 127.0.0.1 2>/dev/null \
    | grep -E 'Max rtt' | sed "s/^/nping --tcp-connect 127.0.0.1:$first_open x1000: /"
fi
