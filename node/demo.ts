// `npm start`: a local swarmcast network to try things in: a relay on the
// well-known ports of 127.0.0.1 and a demo channel, with the commands to join it.
// Later issues grow this into relay + demo stream + viewer page.
import { join } from 'node:path'
import { startRelay, DEFAULT_HTTP_PORT, DEFAULT_TCP_PORT, DEFAULT_WS_PORT } from '../bootstrap/index.ts'
import { ChannelId } from '../src/channel/index.ts'
import { loadLocalKeys } from './local-keys.ts'
import { resolveDataDir } from './data-dir.ts'
import { openStore } from '../src/store/index.ts'

const dataDir = join(resolveDataDir(undefined), 'demo')
const keys = await loadLocalKeys(join(dataDir, 'relay'), process.env)
const channel = ChannelId.derive(keys.identity.publicKey, 'demo')
const store = await openStore(keys.paths.store)
let relay
try {
  // the relay follows the demo channel, so whoever joins later still gets the chat so far
  relay = await startRelay({ privateKey: keys.peerKey, host: '127.0.0.1', tcpPort: DEFAULT_TCP_PORT, wsPort: DEFAULT_WS_PORT, httpPort: DEFAULT_HTTP_PORT, name: 'swarmcast:demo', store, follow: [channel] })
} catch (err) {
  await store.close()
  process.stderr.write(`npm start: could not start the demo relay on ports ${DEFAULT_TCP_PORT}, ${DEFAULT_WS_PORT}, ${DEFAULT_HTTP_PORT} of 127.0.0.1 (is another swarmcast running?): ${(err as Error).message}\n`)
  process.exit(1)
}
const tcp = relay.addrs().find(a => !a.includes('/ws/')) ?? ''
const chat = (who: string): string => `npx swarmcast chat --channel ${channel.text} --bootstrap ${tcp} --data ${join(dataDir, who)}`

process.stdout.write(`swarmcast demo network is up (Ctrl-C stops it)

relay      ${relay.addrs().join('\n           ')}
http       ${relay.httpUrl}/healthz
channel    ${channel.text}

Chat in two more terminals:
  ${chat('alice')}
  ${chat('bob')}
or send one message:
  ${chat('carol')} --send "hello"
`)

const stop = async (): Promise<void> => {
  process.stdout.write('\nstopping the demo network\n')
  await relay.stop()
  await store.close()
  process.exit(0)
}
process.once('SIGINT', () => { void stop() })
process.once('SIGTERM', () => { void stop() })
