#!/usr/bin/env bash
# Measures the dashboard as a user meets it, in a real terminal (tmux), on the built-in demo panel (loopback only):
#   1. time from launch to the first frame that shows allocations AND probe results (median of RUNS launches), on the
#      standard demo world and on the large one (SIZE servers x ports, every 5 s);
#   2. idle CPU % and resident memory with SIZE's allocations probed every 5 s, over IDLE_SECONDS, after a settle,
#      and the CPU of each kind of thread (probe, demo listeners, GUI, panel client, compilers...) over that window.
# Usage: bench/dashboard.sh [RUNS] [IDLE_SECONDS]
#   env JAVA_OPTS="..." to try JVM flags; JAR=path to the jar; SIZE=50x4 (200 allocations; 500x4 for 2,000);
#   LAUNCHER=bin/portdeck runs the launcher (its flags and class-data archive, with a cache of its own, warmed first)
#   instead of `java $JAVA_OPTS -jar`.
# Needs tmux and a built jar (mvn -B -q -pl tui -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle=${2:-60}
jar=${JAR:-tui/target/portdeck.jar}
opts=${JAVA_OPTS:-}
size=${SIZE:-50x4}
launcher=${LAUNCHER:-}
command -v tmux >/dev/null || { echo "bench/dashboard.sh: tmux is not installed" >&2; exit 2; }
[ -f "$jar" ] || { echo "bench/dashboard.sh: $jar is missing; run mvn -B -q -pl tui -am package -DskipTests" >&2; exit 2; }
state=$(mktemp -d)
sock=
cleanup() {
  [ -n "$sock" ] && tmux -L "$sock" kill-server 2>/dev/null
  rm -rf "$state"
}
trap cleanup EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
allocations=$(( ${size%x*} * ${size#*x} ))

# What a pane runs: the jar with JAVA_OPTS, or the launcher with PORTDECK_JAVA_OPTS and a cache of its own.
command_for() {
  if [ -n "$launcher" ]; then
    echo "XDG_STATE_HOME=$state XDG_CACHE_HOME=$state/cache PORTDECK_JAR=$jar PORTDECK_JAVA_OPTS='$opts'" \
      "TERM=xterm-256color $launcher demo $*"
  else
    echo "XDG_STATE_HOME=$state TERM=xterm-256color java $opts -jar $jar demo $*"
  fi
}

# The java process in a tmux pane (the pane's shell may exec it or fork it).
java_pid() {
  local pane; pane=$(tmux -L "$1" display -p -t 0 '#{pane_pid}')
  if grep -q java "/proc/$pane/comm" 2>/dev/null; then echo "$pane"; else pgrep -P "$pane" java | head -1; fi
}

# Launch to the first frame that matches: the servers table with probe results in its UP column.
first_frame() {
  local args=$1 row=$2 up=$3 times=() i got sorted median
  for i in $(seq 1 "$runs"); do
    sock="bench-dash-$$-$i"
    local start; start=$(now_ms)
    tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 30 "$(command_for "$args")"
    got=""
    for _ in $(seq 1 600); do   # at most ~30 s
      if tmux -L "$sock" capture-pane -p -t 0 2>/dev/null | grep -E "^$row " | grep -qE "$up *\$"; then
        got=$(( $(now_ms) - start )); break
      fi
      sleep 0.02
    done
    tmux -L "$sock" kill-server 2>/dev/null || true
    sock=
    [ -n "$got" ] || { echo "run $i: no frame with probe results within 30 s" >&2; continue; }
    times+=("$got")
    sleep 1
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
  echo "first frame with allocations and probe results, demo $args: median ${median} ms over ${#times[@]} runs" \
    "($(echo $sorted | tr ' ' ','))"
}

# The launcher's steady state: the first runs of `demo` record their classes, a background job builds the archive.
if [ -n "$launcher" ]; then
  saved=$runs; runs=4
  first_frame "" "Survival SMP" "2/3" >/dev/null
  first_frame "--large $size --interval 5" "Server 1" "[1-9][0-9]*/[0-9]+" >/dev/null
  runs=$saved
  for _ in $(seq 1 120); do
    compgen -G "$state/cache/portdeck/*.[0-9]*.*" >/dev/null || break
    sleep 0.5
  done
fi

# 1. The standard demo world (Survival SMP: 2 of its 3 ports answer), then the large one (Server 1's ports).
first_frame "" "Survival SMP" "2/3"
first_frame "--large $size --interval 5" "Server 1" "[1-9][0-9]*/[0-9]+"

# 2. Idle cost with SIZE's allocations probed every 5 s.
sock="bench-dash-idle-$$"
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 "$(command_for "--large $size --interval 5")"
for _ in $(seq 1 600); do
  tmux -L "$sock" capture-pane -p -t 0 | grep -q '^Server 1 ' && break
  sleep 0.05
done
sleep 15   # let start-up work (JIT, first rounds, first resources poll) settle
pid=$(java_pid "$sock")
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# each thread's ticks, by name with its number dropped (portdeck-panel-3 -> portdeck-panel): where the CPU goes
threads_ticks() {
  for t in /proc/"$pid"/task/*; do
    echo "$(sed 's/[-#]*[0-9]*$//' "$t/comm" 2>/dev/null | tr ' ' _) $(cut -d')' -f2 "$t/stat" 2>/dev/null |
      awk '{print $12 + $13}')"
  done | awk 'NF == 2 {a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
hz=$(getconf CLK_TCK)
t0=$(ticks); s0=$(now_ms); threads0=$(threads_ticks)
sleep "$idle"
t1=$(ticks); s1=$(now_ms); threads1=$(threads_ticks)
cpu=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v ms=$((s1 - s0)) 'BEGIN {printf "%.2f", 100 * d / hz / (ms / 1000)}')
rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
threads=$(ls "/proc/$pid/task" | wc -l)
targets=$(tmux -L "$sock" capture-pane -p -t 0 | head -1)
echo "idle with $allocations allocations probed every 5 s: CPU ${cpu} % of one core over ${idle} s, RSS ${rss} MB," \
  "$threads threads"
echo "  (the demo panel runs in the same process; header: ${targets})"
echo "  by thread (% of one core; threads that exited in the window are missing):" $(join -a 2 -e 0 -o 0,1.2,2.2 \
  <(echo "$threads0") <(echo "$threads1") | awk -v hz="$hz" -v ms=$((s1 - s0)) \
  '{d = $3 - $2; if (d > 0) printf "%s %.2f\n", $1, 100 * d / hz / (ms / 1000)}' | sort -k2 -rn | head -12 |
  awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//')
echo "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "${launcher:-java -jar} JAVA_OPTS='${opts}'"
