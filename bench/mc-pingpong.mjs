// Benchmark helper: an mcstatus-style Minecraft ping/pong, written here on node's net with a monotonic clock
// (process.hrtime), plus minecraft-protocol's own ping() (its `latency`, Date.now() milliseconds), for one server.
// Usage: node bench/mc-pingpong.mjs PORT COUNT
import net from 'node:net'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const peers = process.env.PORTDECK_NODE_PEERS || join(process.env.HOME, '.cache/portdeck/node')
const require = createRequire(join(peers, 'node_modules', 'noop.js'))
const mc = require('minecraft-protocol')
const [portArg, countArg] = process.argv.slice(2)
const port = Number(portArg)

function varint (n) {
  const out = []
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b) } while (n)
  return Buffer.from(out)
}
function packet (id, body) {
  const inner = Buffer.concat([varint(id), body])
  return Buffer.concat([varint(inner.length), inner])
}
function readFrame (buf) { // [length of frame incl. prefix, body] or null
  let len = 0; let shift = 0; let i = 0
  for (;;) {
    if (i >= buf.length) return null
    const b = buf[i++]; len |= (b & 0x7f) << shift; shift += 7
    if (!(b & 0x80)) break
  }
  return buf.length >= i + len ? [i + len, buf.subarray(i, i + len)] : null
}

function pingPong () {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1')
    let buf = Buffer.alloc(0); let sawStatus = false; let sent = 0n
    s.setTimeout(2000, () => { s.destroy(); reject(new Error('timeout')) })
    s.on('error', reject)
    s.on('connect', () => {
      const host = Buffer.from('127.0.0.1')
      const port16 = Buffer.alloc(2); port16.writeUInt16BE(port)
      s.write(Buffer.concat([packet(0, Buffer.concat([varint(47), varint(host.length), host, port16, varint(1)])), packet(0, Buffer.alloc(0))]))
    })
    s.on('data', d => {
      buf = Buffer.concat([buf, d])
      for (let f; (f = readFrame(buf));) {
        buf = buf.subarray(f[0])
        if (!sawStatus) {
          sawStatus = true
          const payload = Buffer.alloc(8); payload.writeBigInt64BE(123n)
          sent = process.hrtime.bigint()
          s.write(packet(1, payload))
        } else {
          const rtt = Number(process.hrtime.bigint() - sent) / 1000
          s.destroy(); resolve(rtt)
        }
      }
    })
  })
}

const count = Number(countArg)
const ours = []; const theirs = []
for (let i = 0; i < 20; i++) await pingPong()
for (let i = 0; i < count; i++) {
  ours.push(await pingPong())
  theirs.push((await mc.ping({ host: '127.0.0.1', port, version: false })).latency)
}
const fig = (xs, unit, f) => { xs.sort((a, b) => a - b); const at = q => xs[Math.ceil(q * xs.length) - 1]; return `p50 ${f(at(0.5))} ${unit}, p95 ${f(at(0.95))} ${unit}, min ${f(xs[0])} ${unit}` }
console.log(`mcstatus-style ping/pong (node, hrtime) 127.0.0.1:${port} x${count}: ${fig(ours, 'us', Math.round)}`)
console.log(`minecraft-protocol ping() latency 127.0.0.1:${port} x${count}: ${fig(theirs, 'ms', x => x)}`)
process.exit(0)
