#!/usr/bin/env bash
# Benchmark of `portdeck probe` on loopback, measured as a whole process next to nmap's connect scan.
#
#   bench/probe-sweep.sh            # 10,000 ports 127.0.0.1:20000-29999, 1% listening, 5 runs each
#   FROM=40000 RUNS=9 bench/probe-sweep.sh
#   BASELINE_JAR=/tmp/old/portdeck.jar bench/probe-sweep.sh   # also time an older build (java -jar), for before/after
#
# It starts 100 listeners itself (bench/Listeners.java), stops them at the end, and sends traffic to 127.0.0.1 only.
# Variants are run in turn, RUNS rounds, so a change in the machine's load hits every variant alike.
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
FAST_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData) # as bin/portdeck
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

# Variants: a label, then the command. JSON variants print every port; table variants print the open ones and a
# count of the closed ones (the default for more than 25 targets), as nmap does.
LABELS=()
declare -A CMD
variant() { LABELS+=("$1"); CMD[$1]=$2; }
[ -n "${BASELINE_JAR:-}" ] && variant "before: java -jar, --json" "java -jar $BASELINE_JAR probe --json 127.0.0.1:$FROM-$TO"
variant "java -jar, --json" "java -jar $JAR probe --json 127.0.0.1:$FROM-$TO"
variant "bin/portdeck, --json" "bin/portdeck probe --json 127.0.0.1:$FROM-$TO"
variant "bin/portdeck, table" "bin/portdeck probe 127.0.0.1:$FROM-$TO"
command -v nmap >/dev/null && variant nmap "nmap -sT -T5 --max-retries 0 -n -Pn -oG - -p $FROM-$TO 127.0.0.1"

# RUNS rounds of every variant in turn; wall times in $WORK/times-<n>, output of the last round in $WORK/out-<n>.
for _ in $(seq 1 "$RUNS"); do
  for n in "${!LABELS[@]}"; do
    t0=$(now_ns)
    ${CMD[${LABELS[$n]}]} > "$WORK/out-$n" 2>/dev/null || true
    t1=$(now_ns)
    echo $(( (t1 - t0) / 1000000 )) >> "$WORK/times-$n"
  done
done
median() { sort -n "$1" | sed -n "$(( (RUNS + 1) / 2 ))p"; }

# Open ports and the number of closed ones, as each variant reported them.
classify() {
  local out=$1 label=$2
  case $label in
    nmap)
      grep -o '[0-9]*/open/' "$out" | cut -d/ -f1 | sort -n
      closed=$(grep -o 'Ignored State: closed ([0-9]*)' "$out" | grep -o '[0-9]*' || echo 0) ;;
    *json*)
      grep '"state":"open"' "$out" | sed 's/.*"port":\([0-9]*\).*/\1/' | sort -n
      closed=$(grep -c '"state":"closed"' "$out" || true) ;;
    *)
      grep -E '^. +127\.0\.0\.1:[0-9]+ .* open ' "$out" | sed 's/^. *127\.0\.0\.1:\([0-9]*\) .*/\1/' | sort -n
      closed=$(grep -o 'Not shown: [0-9]* closed' "$out" | grep -o '[0-9]*' || echo 0) ;;
  esac
}

nmap_ms=
for n in "${!LABELS[@]}"; do
  [ "${LABELS[$n]}" = nmap ] && nmap_ms=$(median "$WORK/times-$n")
done
printf '%-28s %7s %12s  %s\n' variant median "all runs" "classification"
for n in "${!LABELS[@]}"; do
  label=${LABELS[$n]}
  classify "$WORK/out-$n" "$label" > "$WORK/open-$n"
  ms=$(median "$WORK/times-$n")
  ratio=
  [ -n "$nmap_ms" ] && ratio=$(awk -v a="$ms" -v b="$nmap_ms" 'BEGIN { printf "%.2f x nmap", a / b }')
  same=no
  # Same open ports as the listeners, and every other port closed.
  if cmp -s "$WORK/open-$n" "$WORK/expected-open" && [ $(( $(wc -l < "$WORK/open-$n") + closed )) -eq "$COUNT" ]; then
    same=yes
  fi
  printf '%-28s %4d ms  %-14s %s open, %s closed, as listening: %s  %s\n' "$label" "$ms" \
    "$(tr '\n' ' ' < "$WORK/times-$n")" "$(wc -l < "$WORK/open-$n")" "$closed" "$same" "$ratio"
done
command -v nmap >/dev/null || echo "nmap is not installed: no side-by-side (apt-get install nmap)"

echo
first_open=$(head -1 "$WORK/expected-open")
java "${FAST_FLAGS[@]}" -cp "$JAR" bench/SweepThroughput.java "$FROM" "$TO" 5 "$first_open" 1000
if command -v nping >/dev/null; then
  nping --tcp-connect -c 1000 --delay 1ms -p "$first_open" 127.0.0.1 2>/dev/null \
    | grep -E 'Max rtt' | sed "s/^/nping --tcp-connect 127.0.0.1:$first_open x1000: /"
fi
