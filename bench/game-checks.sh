#!/usr/bin/env bash
# Benchmark of the game checks on loopback, next to GameDig (issue 9). Public tools only; traffic to 127.0.0.1 only.
#
#   bench/game-checks.sh                 # 1,000 mixed checks over 40 servers, 3 runs; round trips x200
#   COUNT=2000 PER_KIND=20 RUNS=5 RTT=500 bench/game-checks.sh
#
# 1. Starts PER_KIND each of the simulator's Minecraft, Bedrock, Source (half with the challenge and split replies)
#    and FiveM responders (bench/GameServers.java; GameDig reads them alike in shared's tests).
# 2. portdeck: COUNT checks cycling through those servers as one sweep (bench/GameChecks.java on the jar), with the
#    default UDP pacing (2 ms per address: all servers share 127.0.0.1, so UDP questions trickle) and without it;
#    wall and CPU of the sweep in-process, and of the whole JVM with /usr/bin/time.
# 3. GameDig: the same COUNT queries one by one in one node process (bench/gamedig-sequential.mjs), wall and CPU.
# 4. Round trips on one server, RTT times each: portdeck's service round trip (Minecraft ping/pong; A2S reply after
#    the challenge) next to GameDig's `ping`, an mcstatus-style ping/pong and minecraft-protocol's ping(), against
#    PrismarineJS's minecraft-protocol server and the simulator's Source responder.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000}
PER_KIND=${PER_KIND:-10}
RUNS=${RUNS:-3}
RTT=${RTT:-200}
JAR=tui/target/portdeck.jar
PEERS=${PORTDECK_NODE_PEERS:-$HOME/.cache/portdeck/node}
export PORTDECK_NODE_PEERS=$PEERS
FAST_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData) # as bin/portdeck
WORK=$(mktemp -d)
pids=()

cleanup() {
  exec 3>&- 2>/dev/null || true # the servers stop when their stdin ends
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -d "$PEERS/node_modules/gamedig" ] || { echo "no GameDig in $PEERS/node_modules: run testing/node/install.sh" >&2; exit 1; }
if [ ! -f "$JAR" ]; then
  echo "building $JAR ..."
  mvn -B -q -pl tui -am package -DskipTests
fi
javac -cp "$JAR" -d "$WORK" bench/GameServers.java bench/GameChecks.java

mkfifo "$WORK/stop"
exec 3<>"$WORK/stop"
java -cp "$JAR:$WORK" GameServers "$PER_KIND" < "$WORK/stop" > "$WORK/servers" &
pids+=($!)
for _ in $(seq 1 300); do grep -q READY "$WORK/servers" 2>/dev/null && break; sleep 0.1; done
grep -q READY "$WORK/servers" || { echo "the game servers did not start" >&2; exit 1; }
grep -v READY "$WORK/servers" > "$WORK/targets"
echo "$(wc -l < "$WORK/targets") servers on 127.0.0.1 ($PER_KIND each of minecraft, bedrock, a2s, fivem); $COUNT checks"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), node $(node --version)"
echo

TIME_FORMAT="  whole process: %e s wall, %U s user + %S s sys CPU"
/usr/bin/time -f "$TIME_FORMAT" java "${FAST_FLAGS[@]}" -cp "$JAR:$WORK" GameChecks sweep "$WORK/targets" "$COUNT" "$RUNS" 2
/usr/bin/time -f "$TIME_FORMAT" java "${FAST_FLAGS[@]}" -cp "$JAR:$WORK" GameChecks sweep "$WORK/targets" "$COUNT" "$RUNS" 0
/usr/bin/time -f "$TIME_FORMAT" node bench/gamedig-sequential.mjs "$WORK/targets" "$COUNT"
echo

# Round trips. PrismarineJS's server for Minecraft (an implementation not ours), the simulator's for A2S.
node_server_out="$WORK/mc-node"
NODE_PATH="$PEERS/node_modules" node probe/src/test/node/minecraft-server.js 1.20.4 "Bench" 20 < "$WORK/stop" > "$node_server_out" &
pids+=($!)
for _ in $(seq 1 600); do grep -q READY "$node_server_out" 2>/dev/null && break; sleep 0.1; done
mc_port=$(awk '/READY/ {print $2}' "$node_server_out")
[ -n "$mc_port" ] || { echo "the minecraft-protocol server did not start" >&2; exit 1; }
echo "Minecraft round trip, minecraft-protocol 1.68.0 server on 127.0.0.1:$mc_port:"
java "${FAST_FLAGS[@]}" -cp "$JAR:$WORK" GameChecks rtt minecraft "$mc_port" "$RTT"
node bench/gamedig-ping.mjs protocol-minecraftvanilla "$mc_port" "$RTT"
node bench/mc-pingpong.mjs "$mc_port" "$RTT"
a2s_port=$(awk '$1 == "a2s" {print $2; exit}' "$WORK/targets")
echo
echo "A2S round trip, the simulator's Source responder (challenge + split reply) on 127.0.0.1:$a2s_port:"
java "${FAST_FLAGS[@]}" -cp "$JAR:$WORK" GameChecks rtt a2s "$a2s_port" "$RTT"
node bench/gamedig-ping.mjs protocol-valve "$a2s_port" "$RTT"
