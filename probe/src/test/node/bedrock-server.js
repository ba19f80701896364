// A real Minecraft Bedrock server front end (PrismarineJS bedrock-protocol over jsp-raknet, pure JS), for portdeck's
// bedrock check tests. Usage: node bedrock-server.js MOTD LEVEL MAX_PLAYERS
// Listens on 127.0.0.1 on a free UDP port and prints "READY <port>"; answers RakNet unconnected pings.
// The server module alone: the package's index also loads the client, which insists on the native RakNet build.
const { Server } = require('bedrock-protocol/src/server')

const [motd, levelName, maxPlayers] = process.argv.slice(2)
const server = new Server({
  host: '127.0.0.1',
  port: 0,
  offline: true,
  raknetBackend: 'jsp-raknet',
  motd: { motd: motd || 'Bedrock', levelName: levelName || 'level' },
  maxPlayers: Number(maxPlayers || 10)
})
server.listen().then(
  () => console.log('READY ' + server.raknet.raknet.socket.address().port),
  (e) => { console.error(e); process.exit(1) })
process.stdin.on('end', () => process.exit(0)) // the test closed our stdin: stop
process.stdin.resume()
