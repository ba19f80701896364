// A real Minecraft Java server front end (PrismarineJS minecraft-protocol), for portdeck's minecraft check tests.
// Usage: node minecraft-server.js VERSION MOTD MAX_PLAYERS
// Listens on 127.0.0.1 on a free port and prints "READY <port>"; answers status pings, ping/pong and legacy pings.
const mc = require('minecraft-protocol')

const [version, motd, maxPlayers] = process.argv.slice(2)
const server = mc.createServer({
  'online-mode': false,
  host: '127.0.0.1',
  port: 0,
  version: version || '1.20.4',
  motd: motd || 'A Minecraft Server',
  maxPlayers: Number(maxPlayers || 20)
})
server.on('listening', () => console.log('READY ' + server.socketServer.address().port))
server.on('error', (e) => { console.error(e); process.exit(1) })
process.stdin.on('end', () => process.exit(0)) // the test closed our stdin: stop
process.stdin.resume()
