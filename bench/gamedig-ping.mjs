// Benchmark helper: GameDig's `ping` (its smallest RTT, whole milliseconds) for one server, COUNT times.
// Usage: node bench/gamedig-ping.mjs TYPE PORT COUNT
import { createRequire } from 'node:module'
import { join } from 'node:path'

const peers = process.env.PORTDECK_NODE_PEERS || join(process.env.HOME, '.cache/portdeck/node')
const require = createRequire(join(peers, 'node_modules', 'noop.js'))
const { GameDig } = await import(require.resolve('gamedig'))
const [type, port, count] = process.argv.slice(2)
const pings = []
for (let i = 0; i < Number(count); i++) {
  const state = await GameDig.query({ type, host: '127.0.0.1', port: Number(port), givenPortOnly: true, requestPlayers: false })
  pings.push(state.ping)
}
pings.sort((a, b) => a - b)
const at = q => pings[Math.ceil(q * pings.length) - 1]
console.log(`GameDig ${type} 127.0.0.1:${port} x${pings.length}: ping p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, min ${pings[0]} ms (whole milliseconds)`)
process.exit(0)
