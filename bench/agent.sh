#!/usr/bin/env bash
# Measures `portdeck agent` watching a large demo world on loopback (the demo panel in its own process):
#   1. CPU % of one core and resident memory of the agent, probing every allocation every 15 s, first unscraped, then
#      scraped every 15 s with gzip as Prometheus does;
#   2. /metrics scrape time (median of 5, plain and gzip), its size, and the series per allocation.
# Usage: bench/agent.sh                 SIZES="1000 10000" WARMUP=45 MEASURE=90 (seconds)
#        AGENT_JAVA_OPTS="..."          JVM flags of the agent instead of bin/portdeck's (which runs it otherwise)
#        SCRAPED=1 WARMUP=300 MEASURE=600  as Prometheus runs it: scraped every 15 s from the start, one CPU figure over
#                                        two --rediscover cycles once the JIT has settled (the long-run cost), split
#                                        by what the agent's threads do (needs the JDK's jcmd for their names)
# Needs a built jar (mvn -B -q -pl tui -am package -DskipTests), curl; sends traffic to 127.0.0.0/8 only.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-"1000 10000"}
warmup=${WARMUP:-45}
measure=${MEASURE:-90}
jar=${JAR:-tui/target/portdeck.jar}
flags=${AGENT_JAVA_OPTS:-}
[ -f "$jar" ] || { echo "bench/agent.sh: $jar is missing; run mvn -B -q -pl tui -am package -DskipTests" >&2; exit 2; }
# Every demo allocation holds a socket, and every probe one more for a moment.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

kernel_ticks() { awk '{print $15}' "/proc/$1/stat"; }

# CPU % of one core used by process $1 over $2 seconds, running "$3" every 15 s meanwhile (or nothing), and the part
# of it spent in the kernel (on loopback that includes the listener's side of every handshake and close).
cpu_over() {
  local pid=$1 seconds=$2 every=${3:-} t0 t1 k0 k1 s0 s1 next
  t0=$(ticks "$pid"); k0=$(kernel_ticks "$pid"); s0=$(now_ms); next=0
  while [ $(( $(now_ms) - s0 )) -lt $((seconds * 1000)) ]; do
    if [ -n "$every" ] && [ $(( $(now_ms) - s0 )) -ge $next ]; then eval "$every"; next=$((next + 15000)); fi
    sleep 0.5
  done
  t1=$(ticks "$pid"); k1=$(kernel_ticks "$pid"); s1=$(now_ms)
  awk -v d=$((t1 - t0)) -v k=$((k1 - k0)) -v hz="$hz" -v ms=$((s1 - s0)) \
    'BEGIN {printf "%.2f %% (%.2f %% in the kernel)", 100 * d / hz / (ms / 1000), 100 * k / hz / (ms / 1000)}'
}

# Each thread of process $1 as "tid ticks comm", for the per-role split below.
thread_ticks() {
  local t
  for t in /proc/"$1"/task/*; do
    echo "${t##*/} $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0) $(tr ' ' _ < "$t/comm" 2>/dev/null)"
  done
}

# "tid name" of every Java thread of process $1 (jcmd has the full names; the kernel's comm keeps 15 characters).
thread_names() {
  jcmd "$1" Thread.print 2>/dev/null | sed -nE 's/^"([^"]*)".* nid=(0x[0-9a-f]+|[0-9]+) .*/\2 \1/p' \
    | while read -r nid name; do echo "$((nid)) ${name// /_}"; done
}

# The agent's CPU over a window by what its threads do, from thread_ticks at its start ($1) and end ($2), thread
# names ($3), the window's length in ms ($4). A thread that ended within the window (a JIT compiler thread the JVM
# let go) is left out: its time is in the whole figure only.
cpu_by_role() {
  awk -v hz="$hz" -v ms="$4" -v names="$3" '
    BEGIN { while ((getline line < names) > 0) { split(line, f, " "); name[f[1]] = f[2] } }
    FNR == NR { before[$1] = $2; next }
    {
      n = ($1 in name) ? name[$1] : $3
      role = "other"
      if (n ~ /^portdeck-probe-selector/) role = "probe selectors (the connects, kernel included)"
      else if (n ~ /^portdeck-probe-monitor/) role = "probe monitor (results, the metrics written)"
      else if (n ~ /^portdeck-agent-panel/) role = "panel client (discovery, /resources)"
      else if (n ~ /^(portdeck-agent-|HTTP-Dispatcher)/) role = "HTTP server (scrapes)"
      else if (n ~ /^C[12]_?Compiler/) role = "JIT compilers"
      else if (n ~ /^VM_Thread/) role = "VM thread (garbage collection)"
      cpu[role] += $2 - ($1 in before ? before[$1] : 0)
    }
    END { for (r in cpu) if (cpu[r] > 0) printf "    %5.2f %%  %s\n", 100 * cpu[r] / hz / (ms / 1000), r }
  ' "$1" "$2" | sort -rn
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "agent JVM flags: ${flags:-those of bin/portdeck agent}"
for n in $sizes; do
  servers=$((n / 4))
  java -jar "$jar" demo --serve-only --large "${servers}x4" > "$work/demo.out" 2> "$work/demo.err" &
  pids+=($!)
  for _ in $(seq 1 240); do [ -s "$work/demo.out" ] && break; sleep 0.25; done
  [ -s "$work/demo.out" ] || { echo "the demo panel did not start: $(cat "$work/demo.err")" >&2; exit 1; }
  eval "$(cat "$work/demo.out")"
  launch=(env PORTDECK_JAR="$jar" bin/portdeck) # execs java: $! is the agent's pid
  # shellcheck disable=SC2206 # flag list
  [ -n "$flags" ] && launch=(java $flags -jar "$jar")
  XDG_CONFIG_HOME=$work PORTDECK_PANEL_URL=$PORTDECK_PANEL_URL PORTDECK_API_KEY=$PORTDECK_API_KEY \
    "${launch[@]}" agent --listen 127.0.0.1:0 --interval 15s > /dev/null 2> "$work/agent.err" &
  agent=$!
  pids+=($agent)
  port=
  for _ in $(seq 1 240); do
    port=$(grep -o 'listen=127.0.0.1:[0-9]*' "$work/agent.err" | head -1 | cut -d: -f2) && [ -n "$port" ] && break
    sleep 0.25
  done
  [ -n "$port" ] || { echo "the agent did not start: $(cat "$work/agent.err")" >&2; exit 1; }
  start=$(now_ms)
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "127.0.0.1:$port/-/ready")" = 200 ] && break
    sleep 0.5
  done
  ready=$(( $(now_ms) - start ))
  if [ -n "${SCRAPED:-}" ]; then
    (while sleep 15; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' "127.0.0.1:$port/metrics" || exit 0; done) &
    pids+=($!)
    sleep "$warmup"
    thread_names "$agent" > "$work/names"
    thread_ticks "$agent" > "$work/threads0"
    window=$(now_ms)
    scraped=$(cpu_over "$agent" "$measure")
    window=$(( $(now_ms) - window ))
    thread_ticks "$agent" > "$work/threads1"
    roles=$(cpu_by_role "$work/threads0" "$work/threads1" "$work/names" "$window")
  else
    sleep "$warmup"
    quiet=$(cpu_over "$agent" "$measure")
    scraped=$(cpu_over "$agent" "$measure" "curl -s -o /dev/null -H 'Accept-Encoding: gzip' 127.0.0.1:$port/metrics")
  fi
  rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$agent/status")
  hwm=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$agent/status")
  t0=$(ticks "$agent")
  plain=$(for _ in 1 2 3 4 5; do curl -s -o "$work/metrics" -w '%{time_total}\n' "127.0.0.1:$port/metrics"; done | median)
  t1=$(ticks "$agent")
  gzip=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{time_total}\n' \
    "127.0.0.1:$port/metrics"; done | median)
  t2=$(ticks "$agent")
  cpu_plain=$(( (t1 - t0) * 1000 / hz / 5 ))
  cpu_gzip=$(( (t2 - t1) * 1000 / hz / 5 ))
  gzsize=$(curl -s -H 'Accept-Encoding: gzip' "127.0.0.1:$port/metrics" | wc -c)
  series=$(grep -cv '^#' "$work/metrics")
  allocation_series=$(grep -c '^portdeck_allocation_' "$work/metrics")
  round=$(grep '^portdeck_probe_round_duration_seconds' "$work/metrics" | awk '{printf "%.3f", $2}')
  up=$(grep -c '^portdeck_allocation_up{.*} 1' "$work/metrics")
  echo
  echo "$n allocations ($servers servers x 4, three of four listening), --interval 15s:"
  echo "  ready (first discovery within the 60/min panel budget + first round) after ${ready} ms; last round took ${round} s; ${up} up"
  if [ -n "${SCRAPED:-}" ]; then
    echo "  CPU of one core: ${scraped}, scraped every 15 s (gzip) from the start, over ${measure} s after ${warmup} s;"
    echo "  by thread (what ended within the window is not listed):"
    echo "$roles"
  else
    echo "  CPU of one core: ${quiet} unscraped, ${scraped} scraped every 15 s (gzip), over ${measure} s each"
  fi
  echo "  memory: RSS ${rss} MB now, ${hwm} MB at most"
  echo "  /metrics: ${plain} s plain ($(wc -c < "$work/metrics") bytes), ${gzip} s gzip (${gzsize} bytes), median of 5;"
  echo "            the agent's CPU time per scrape (mean of 5, the rest is waiting for a core): ${cpu_plain} ms plain, ${cpu_gzip} ms gzip"
  echo "  series: ${series} in all, $(awk -v a="$allocation_series" -v n="$n" 'BEGIN {printf "%.1f", a / n}') per allocation"
  kill "$agent"
  kill "${pids[@]}" 2>/dev/null || true
  wait "$agent" 2>/dev/null || true
  pids=()
  sleep 2
done
echo
echo "after: load $(cut -d' ' -f1-3 /proc/loadavg)"
