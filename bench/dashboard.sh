#!/usr/bin/env bash
# Measures the dashboard as a user meets it, in a real terminal (tmux), on the built-in demo panel (loopback only):
#   1. time from launch to the first frame that shows allocations AND probe results (median of RUNS launches);
#   2. idle CPU % and resident memory with 200 allocations probed every 5 s (50 servers x 4 ports), over IDLE_SECONDS.
# Usage: bench/dashboard.sh [RUNS] [IDLE_SECONDS]      env JAVA_OPTS="..." to try JVM flags; JAR=path to the jar.
# Needs tmux and a built jar (mvn -B -q -pl tui -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle=${2:-60}
jar=${JAR:-tui/target/portdeck.jar}
opts=${JAVA_OPTS:-}
command -v tmux >/dev/null || { echo "bench/dashboard.sh: tmux is not installed" >&2; exit 2; }
[ -f "$jar" ] || { echo "bench/dashboard.sh: $jar is missing; run mvn -B -q -pl tui -am package -DskipTests" >&2; exit 2; }
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The java process in a tmux pane (the pane's shell may exec it or fork it).
java_pid() {
  local pane; pane=$(tmux -L "$1" display -p -t 0 '#{pane_pid}')
  if grep -q java "/proc/$pane/comm" 2>/dev/null; then echo "$pane"; else pgrep -P "$pane" java | head -1; fi
}

# 1. Launch to first frame with probe results: Survival SMP's UP column shows 2 of its 3 ports answering.
times=()
for i in $(seq 1 "$runs"); do
  sock="bench-dash-$$-$i"
  start=$(now_ms)
  tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
    "XDG_STATE_HOME=$state TERM=xterm-256color java $opts -jar $jar demo"
  got=""
  for _ in $(seq 1 600); do   # at most ~30 s
    if tmux -L "$sock" capture-pane -p -t 0 2>/dev/null | grep -E '^Survival SMP' | grep -qE '2/3 *$'; then
      got=$(( $(now_ms) - start )); break
    fi
    sleep 0.05
  done
  tmux -L "$sock" kill-server 2>/dev/null || true
  [ -n "$got" ] || { echo "run $i: no frame with probe results within 30 s" >&2; continue; }
  times+=("$got")
  sleep 1
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')
echo "first frame with allocations and probe results: median ${median} ms over ${#times[@]} runs ($(echo $sorted | tr ' ' ','))"

# 2. Idle cost with 200 allocations probed every 5 s.
sock="bench-dash-idle-$$"
tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 \
  "XDG_STATE_HOME=$state TERM=xterm-256color java $opts -jar $jar demo --large 50x4 --interval 5"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$state"' EXIT
for _ in $(seq 1 600); do
  tmux -L "$sock" capture-pane -p -t 0 | grep -q '^Server 1 ' && break
  sleep 0.05
done
sleep 15   # let start-up work (JIT, first rounds, first resources poll) settle
pid=$(java_pid "$sock")
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); s0=$(now_ms)
sleep "$idle"
t1=$(ticks); s1=$(now_ms)
cpu=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v ms=$((s1 - s0)) 'BEGIN {printf "%.2f", 100 * d / hz / (ms / 1000)}')
rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
targets=$(tmux -L "$sock" capture-pane -p -t 0 | head -1)
echo "idle with 200 allocations probed every 5 s: CPU ${cpu} % of one core over ${idle} s, RSS ${rss} MB"
echo "  (the demo panel runs in the same process; header: ${targets})"
echo "  machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS='${opts}'"
