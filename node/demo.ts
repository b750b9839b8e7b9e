// `npm start`: a local swarmcast network to try things in: a relay on the
// well-known ports of 127.0.0.1 serving the viewer page, a test-pattern stream
// on a demo channel, and the commands to watch it and chat in it from a terminal.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRelay, DEFAULT_HTTP_PORT, DEFAULT_TCP_PORT, DEFAULT_WS_PORT } from '../bootstrap/index.ts'
import { ChannelId } from '../src/channel/index.ts'
import { loadLocalKeys } from './local-keys.ts'
import { resolveDataDir } from './data-dir.ts'
import { openStore } from '../src/store/index.ts'

const dataDir = join(resolveDataDir(undefined), 'demo')
const keys = await loadLocalKeys(join(dataDir, 'relay'), process.env)
// the streamer owns the demo channel (its own data dir: a store has one process at a time)
const streamerDir = join(dataDir, 'streamer')
const channel = ChannelId.derive((await loadLocalKeys(streamerDir, process.env)).identity.publicKey, 'demo')
const store = await openStore(keys.paths.store)
let relay
try {
  // the relay follows the demo channel: it keeps the chat so far and the live window (its HLS cache)
  relay = await startRelay({ privateKey: keys.peerKey, host: '127.0.0.1', tcpPort: DEFAULT_TCP_PORT, wsPort: DEFAULT_WS_PORT, httpPort: DEFAULT_HTTP_PORT, name: 'swarmcast:demo', store, follow: [channel] })
} catch (err) {
  await store.close()
  process.stderr.write(`npm start: could not start the demo relay on ports ${DEFAULT_TCP_PORT}, ${DEFAULT_WS_PORT}, ${DEFAULT_HTTP_PORT} of 127.0.0.1 (is another swarmcast running?): ${(err as Error).message}\n`)
  process.exit(1)
}
const tcp = relay.addrs().find(a => !a.includes('/ws/')) ?? ''
const chat = (who: string): string => `npx swarmcast chat --channel ${channel.text} --bootstrap ${tcp} --data ${join(dataDir, who)}`

const cli = fileURLToPath(new URL('./bin/swarmcast.js', import.meta.url))
const streamer = spawn(process.execPath, [cli, 'stream', '--data', streamerDir, '--channel', 'demo', '--input', 'testsrc', '--size', '854x480', '--bitrate', '1500k', '--bootstrap', tcp, '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] })
for (const from of [streamer.stdout, streamer.stderr]) {
  createInterface({ input: from }).on('line', (line) => { process.stdout.write(`stream: ${line}\n`) })
}
streamer.once('exit', (code) => { if (code !== 0 && !stopping) process.stdout.write(`stream: exited with status ${String(code)}; the relay keeps running\n`) })

process.stdout.write(`swarmcast demo network is up (Ctrl-C stops it)

  Open the viewer page, in two tabs to see peer-to-peer at work:
    ${relay.httpUrl}/c/${channel.text}

relay      ${relay.addrs().join('\n           ')}
http       ${relay.httpUrl}/healthz   ${relay.httpUrl}/metrics
channel    ${channel.text}
HLS        ${relay.httpUrl}/live/${channel.text}/index.m3u8

Watch the demo stream (a test pattern with a tone) headless, or play the HLS URL
in ffplay, VLC or any HLS player:
  npx swarmcast watch --channel ${channel.text} --bootstrap ${tcp} --data ${join(dataDir, 'viewer')}

Chat in two more terminals:
  ${chat('alice')}
  ${chat('bob')}
or send one message:
  ${chat('carol')} --send "hello"
`)

let stopping = false
const stop = async (): Promise<void> => {
  stopping = true
  process.stdout.write('\nstopping the demo network\n')
  if (streamer.exitCode == null) {
    const exited = new Promise(resolve => streamer.once('exit', resolve))
    streamer.kill('SIGTERM')
    await exited
  }
  await relay.stop()
  await store.close()
  process.exit(0)
}
process.once('SIGINT', () => { void stop() })
process.once('SIGTERM', () => { void stop() })
