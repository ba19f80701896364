#!/usr/bin/env bash
# Benchmark of `portdeck probe` on loopback, measured as a whole process next to nmap's connect scan.
#
#   bench/probe-sweep.sh            # 10,000 ports 127.0.0.1:20000-29999, 1% listening, 7 runs each
#   FROM=40000 RUNS=9 bench/probe-sweep.sh
#   BASELINE_JAR=/tmp/old/portdeck.jar BASELINE_LAUNCHER=/tmp/old/bin/portdeck bench/probe-sweep.sh   # before/after
#
# It starts 100 listeners itself (bench/Listeners.java), stops them at the end, and sends traffic to 127.0.0.1 only.
# Variants are run in turn, RUNS rounds, so a change in the machine's load hits every variant alike. bin/portdeck runs
# with a cache directory of its own, warmed first (its class-data archives are made by the first runs of each kind).
# Prints, per variant: the median wall time and the median CPU time (user + system) of the whole process, the ratio to
# nmap, whether every port was classified as the listeners say; then a one-port check (bin/portdeck probe
# 127.0.0.1:PORT) next to nmap's; then the engine's in-process throughput with one selector thread and with one per
# core, as a multiple of nmap's connects per second, and its loopback connect time next to `nping --tcp-connect`;
# then the same sweep from a C loop (bench/connect-loop.c, when gcc is there): what this machine allows without a JVM.
set -euo pipefail
cd "$(dirname "$0")/.."

FROM=${FROM:-20000}
COUNT=${COUNT:-10000}
TO=$((FROM + COUNT - 1))
STEP=$((COUNT / 100))
RUNS=${RUNS:-7}
JAR=tui/target/portdeck.jar
WORK=$(mktemp -d)
FAST_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:-UsePerfData) # as bin/portdeck
TIME=/usr/bin/time
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
[ -x "$TIME" ] || { echo "probe-sweep: needs GNU time for CPU times (apt-get install time)" >&2; exit 2; }

# 100 listeners, every STEP-th port.
java bench/Listeners.java "$FROM" "$TO" "$STEP" > "$WORK/listening" &
listener_pid=$!
for _ in $(seq 1 200); do [ -s "$WORK/listening" ] && break; sleep 0.1; done
[ -s "$WORK/listening" ] || { echo "the listeners did not start" >&2; exit 1; }
tr ',' '\n' < "$WORK/listening" | sort -n > "$WORK/expected-open"
first_open=$(head -1 "$WORK/expected-open")
echo "ports 127.0.0.1:$FROM-$TO ($COUNT), listening on $(wc -l < "$WORK/expected-open") of them"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo

# Variants: a label, then the command. JSON variants print every port; table variants print the open ones and a
# count of the closed ones (the default for more than 25 targets), as nmap does. "one port" variants probe one.
LABELS=()
declare -A CMD
variant() { LABELS+=("$1"); CMD[$1]=$2; }
launcher() { echo "env XDG_CACHE_HOME=$WORK/cache-$1 ${3:-} $2"; } # bin/portdeck with a cache of its own
range=127.0.0.1:$FROM-$TO
one=127.0.0.1:$first_open
if [ -n "${BASELINE_JAR:-}" ]; then
  variant "before: java -jar, --json" "java -jar $BASELINE_JAR probe --json $range"
  variant "before: with the flags, --json" "java ${FAST_FLAGS[*]} -jar $BASELINE_JAR probe --json $range"
  if [ -n "${BASELINE_LAUNCHER:-}" ]; then
    variant "before: bin/portdeck, --json" "$(launcher old "$BASELINE_LAUNCHER" "PORTDECK_JAR=$BASELINE_JAR") probe --json $range"
  fi
fi
variant "java -jar, --json" "java -jar $JAR probe --json $range"
variant "bin/portdeck, --json" "$(launcher new bin/portdeck) probe --json $range"
variant "bin/portdeck, table" "$(launcher new bin/portdeck) probe $range"
variant "bin/portdeck no archive, --json" "$(launcher none bin/portdeck PORTDECK_NO_CDS=1) probe --json $range"
command -v nmap >/dev/null && variant nmap "nmap -sT -T5 --max-retries 0 -n -Pn -oG - -p $FROM-$TO 127.0.0.1"
# The one-port checks have caches of their own: their archives are made from one-port runs, not from the sweeps'
if [ -n "${BASELINE_LAUNCHER:-}" ]; then
  variant "before: bin/portdeck, one port" "$(launcher old-one "$BASELINE_LAUNCHER" "PORTDECK_JAR=$BASELINE_JAR") probe $one"
fi
variant "bin/portdeck, one port" "$(launcher new-one bin/portdeck) probe $one"
variant "bin/portdeck no archive, one port" "$(launcher none bin/portdeck PORTDECK_NO_CDS=1) probe $one"
command -v nmap >/dev/null && variant "nmap, one port" "nmap -sT -T5 --max-retries 0 -n -Pn -oG - -p $first_open 127.0.0.1"

# bin/portdeck's steady state: its archives made (the first runs of a kind record, a background job builds).
for n in "${!LABELS[@]}"; do
  case ${LABELS[$n]} in
    *bin/portdeck*) for _ in 1 2 3 4 5; do ${CMD[${LABELS[$n]}]} >/dev/null 2>&1 || true; done ;;
  esac
done
for _ in $(seq 1 120); do
  compgen -G "$WORK/cache-*/portdeck/*.[0-9]*.*" >/dev/null || break
  sleep 0.5
done

# RUNS rounds of every variant in turn; "wall cpu" in ms in $WORK/times-<n>, the last round's output in $WORK/out-<n>.
for _ in $(seq 1 "$RUNS"); do
  for n in "${!LABELS[@]}"; do
    $TIME -o "$WORK/time" -f "%e %U %S" ${CMD[${LABELS[$n]}]} > "$WORK/out-$n" 2>/dev/null || true
    tail -1 "$WORK/time" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' >> "$WORK/times-$n"
  done
done
median() { cut -d' ' -f"$2" "$1" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }

# Open ports and the number of closed ones, as each variant reported them.
classify() {
  local out=$1 label=$2
  case $label in
    nmap*)
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
nmap_one_ms=
for n in "${!LABELS[@]}"; do
  [ "${LABELS[$n]}" = nmap ] && nmap_ms=$(median "$WORK/times-$n" 1)
  [ "${LABELS[$n]}" = "nmap, one port" ] && nmap_one_ms=$(median "$WORK/times-$n" 1)
done
printf '%-34s %7s %7s  %-36s %s\n' variant wall cpu "runs, wall (ms)" "open and closed ports found; ratio to nmap"
for n in "${!LABELS[@]}"; do
  label=${LABELS[$n]}
  ms=$(median "$WORK/times-$n" 1)
  cpu=$(median "$WORK/times-$n" 2)
  walls=$(cut -d' ' -f1 "$WORK/times-$n" | tr '\n' ' ')
  reference=$nmap_ms
  case $label in *"one port"*) reference=$nmap_one_ms ;; esac
  ratio=
  [ -n "$reference" ] && ratio=$(awk -v a="$ms" -v b="$reference" 'BEGIN { printf "%.2f x nmap", a / b }')
  case $label in
    *"one port"*)
      state=closed
      grep -qE "open|$first_open/open/" "$WORK/out-$n" && state=open
      printf '%-34s %4d ms %4d ms  %-36s port %s %s  %s\n' "$label" "$ms" "$cpu" "$walls" "$first_open" "$state" "$ratio"
      continue ;;
  esac
  classify "$WORK/out-$n" "$label" > "$WORK/open-$n"
  same=no
  # Same open ports as the listeners, and every other port closed.
  if cmp -s "$WORK/open-$n" "$WORK/expected-open" && [ $(( $(wc -l < "$WORK/open-$n") + closed )) -eq "$COUNT" ]; then
    same=yes
  fi
  printf '%-34s %4d ms %4d ms  %-36s %s open, %s closed, as listening: %s  %s\n' "$label" "$ms" "$cpu" "$walls" \
    "$(wc -l < "$WORK/open-$n")" "$closed" "$same" "$ratio"
done
command -v nmap >/dev/null || echo "nmap is not installed: no side-by-side (apt-get install nmap)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
# The engine in process: with the flags of `bin/portdeck probe` and `agent` (no stack trace recorded for the
# ConnectException the JDK throws for each refused port), then with stack traces as the dashboard runs it; and with
# BASELINE_JAR, that jar's engine in the same way right after.
for jar in "$JAR" ${BASELINE_JAR:-}; do
  [ "$jar" = "$JAR" ] || echo "before ($jar):"
  java "${FAST_FLAGS[@]}" -XX:-StackTraceInThrowable -cp "$jar" bench/SweepThroughput.java "$FROM" "$TO" "$RUNS" \
    "$first_open" 1000 ${nmap_ms:-} | sed 's/^sweep, /sweep (as probe, agent), /'
  java "${FAST_FLAGS[@]}" -cp "$jar" bench/SweepThroughput.java "$FROM" "$TO" "$RUNS" "$first_open" 0 ${nmap_ms:-} \
    | grep '^sweep' | sed 's/^sweep, /sweep (stack traces on), /'
done
# The machine's own ceiling: the same system calls per port from a C loop, one thread and one per core.
if command -v gcc >/dev/null && gcc -O2 -pthread -o "$WORK/connect-loop" bench/connect-loop.c; then
  for threads in 1 "$(nproc)"; do
    "$WORK/connect-loop" "$FROM" "$TO" "$threads" "$RUNS" | awk -v nmap="${nmap_ms:-0}" -v n="$COUNT" \
      '{ print } nmap > 0 { split($0, a, "= "); printf "  = %.2f x nmap'"'"'s connects/s\n", a[2] / (n / (nmap / 1000)) }'
  done
else
  echo "no gcc: no native ceiling (apt-get install gcc)"
fi
if command -v nping >/dev/null; then
  nping --tcp-connect -c 1000 --delay 1ms -p "$first_open" 127.0.0.1 2>/dev/null \
    | grep -E 'Max rtt' | sed "s/^/nping --tcp-connect 127.0.0.1:$first_open x1000: /"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
