// Benchmark helper: GameDig (the pinned npm peer) querying the same targets as bench/GameChecks.java, one by one, as
// a monitoring script using GameDig would. Usage: node bench/gamedig-sequential.mjs TARGETS COUNT
// Types: minecraft -> protocol-minecraftvanilla, bedrock -> protocol-minecraftbedrock, a2s -> protocol-valve,
// fivem -> protocol-fivem; requestPlayers: false, so each query asks about as much as portdeck's check does.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const peers = process.env.PORTDECK_NODE_PEERS || join(process.env.HOME, '.cache/portdeck/node')
const require = createRequire(join(peers, 'node_modules', 'noop.js'))
const { GameDig } = await import(require.resolve('gamedig'))

const [file, countArg] = process.argv.slice(2)
const types = { minecraft: 'protocol-minecraftvanilla', bedrock: 'protocol-minecraftbedrock', a2s: 'protocol-valve', fivem: 'protocol-fivem' }
const servers = readFileSync(file, 'utf8').split('\n').map(l => l.trim().split(' ')).filter(f => f.length === 2)
const count = Number(countArg)
const cpu0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
const outcome = {}
for (let i = 0; i < count; i++) {
  const [check, port] = servers[i % servers.length]
  let word
  try {
    await GameDig.query({ type: types[check], host: '127.0.0.1', port: Number(port), givenPortOnly: true, requestPlayers: false, maxRetries: 1, socketTimeout: 2000 })
    word = 'ok'
  } catch (e) {
    word = 'failed'
  }
  outcome[check + ' ' + word] = (outcome[check + ' ' + word] || 0) + 1
}
const wall = Number(process.hrtime.bigint() - t0) / 1e6
const cpu = process.cpuUsage(cpu0)
console.log(`GameDig one by one, ${count} queries: wall ${wall.toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms  ${JSON.stringify(outcome)}`)
process.exit(0)
