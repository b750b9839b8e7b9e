import { createInterface } from 'node:readline'
import { UsageError, boolFlag, countFlag, listFlag, requireFlag, stringFlag, envList } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { loadLocalKeys } from '../local-keys.ts'
import { nodeTransports, peerListenAddrs } from '../platform.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { ChatRoom } from '../../src/chat/index.ts'
import { createSwarmNode, joinNetwork } from '../../src/net/index.ts'
import type { ChatMessage } from '../../src/chat/index.ts'
import type { Command } from '../command.ts'

export const chatCommand: Command = {
  name: 'chat',
  summary: 'chat in a channel: print signed messages as they arrive, send lines you type',
  help: `Usage: swarmcast chat --channel ID --bootstrap MA [--send TEXT] [--json]
                     [--timeout S] [--host IP] [--data DIR]

Joins channel ID through a relay and prints every verified message. Each line
typed (or piped) on stdin is signed and sent. With --send, sends one message,
waits until at least one peer in the channel has it, and exits.

Options:
  --channel ID      the channel (from "swarmcast channel create")
  --bootstrap MA    a relay address printed by "swarmcast relay" (repeatable;
                    env SWARMCAST_BOOTSTRAP, comma-separated)
  --send TEXT       send one message and exit (status 1 if no peer took it)
  --json            one JSON object per message: {"id","channel","author",
                    "fingerprint","text","timestamp"}
  --timeout S       seconds to wait for the relay, and with --send for a first
                    peer in the channel (default 15)
  --host IP         interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
${DATA_HELP}`,
  options: {
    ...commonOptions,
    channel: { type: 'string' },
    bootstrap: { type: 'string', multiple: true },
    send: { type: 'string' },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    host: { type: 'string' }
  },
  async run ({ args, env, out, err, signal }) {
    const channel = ChannelId.parse(requireFlag(args, 'channel', 'the channel id to join (see swarmcast channel create)'))
    const timeoutMs = countFlag(args, 'timeout', 15) * 1000
    const bootstrap = listFlag(args, 'bootstrap').length > 0 ? listFlag(args, 'bootstrap') : envList(env.SWARMCAST_BOOTSTRAP)
    if (bootstrap.length === 0) {
      throw new UsageError('--bootstrap is required: a relay address that `swarmcast relay` printed (or set SWARMCAST_BOOTSTRAP)')
    }
    const json = boolFlag(args, 'json')
    const sendText = stringFlag(args, 'send')
    const keys = await loadLocalKeys(stringFlag(args, 'data'), env)

    const node = await createSwarmNode({
      privateKey: keys.peerKey,
      name: 'swarmcast:chat',
      listen: peerListenAddrs(stringFlag(args, 'host') ?? env.SWARMCAST_HOST),
      bootstrap,
      transports: nodeTransports
    })
    let room: ChatRoom | undefined
    try {
      await joinNetwork(node, bootstrap, { signal, timeoutMs })
      room = new ChatRoom(node, keys.identity, channel)
      const show = (m: ChatMessage): void => { out(json ? JSON.stringify(m) : formatLine(m)) }
      room.addEventListener('message', (evt) => { show(evt.detail) })

      if (sendText != null) {
        const sent = await room.send(sendText, { signal, peerWaitMs: timeoutMs })
        if (json) out(JSON.stringify({ ...sent, sent: true }))
        else err(`sent ${sent.id.slice(0, 12)} to ${room.peers().length} peer(s)`)
        return 0
      }

      err(`joined ${channel.text} as ${keys.identity.fingerprint}; type a line and press Enter to send, Ctrl-C to quit`)
      const lines = createInterface({ input: process.stdin, terminal: false })
      lines.on('line', (line) => {
        if (line.trim() === '') return
        room?.send(line, { signal }).catch((e: Error) => { err(`not sent: ${e.message}`) })
      })
      await new Promise<void>(resolve => {
        if (signal.aborted) resolve()
        signal.addEventListener('abort', () => { resolve() }, { once: true })
      })
      lines.close()
      return 0
    } finally {
      room?.close()
      await node.stop()
    }
  }
}

function formatLine (m: ChatMessage): string {
  const time = new Date(m.timestamp).toTimeString().slice(0, 8)
  return `${time} ${m.fingerprint}  ${m.text}`
}
