import { createInterface, clearLine, cursorTo } from 'node:readline'
import { boolFlag, countFlag, requireFlag, stringFlag, bootstrapFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { openPeerSession } from '../peer-node.ts'
import { ChannelId } from '../../src/channel/index.ts'
import type { ChatMessage, ChatRoom } from '../../src/chat/index.ts'
import type { Command, CommandContext } from '../command.ts'

const INTERACTIVE_HELP = `commands:
  /nick NAME   set your nickname (others see it next to your fingerprint)
  /help        this list
  /quit        leave (or Ctrl-C)
any other line is sent as a message`

export const chatCommand: Command = {
  name: 'chat',
  help: `Usage: swarmcast chat --channel ID --bootstrap MA [--nick NAME] [--history N]
                     [--send TEXT] [--json] [--timeout S] [--host IP] [--data DIR]

Joins channel ID through a relay. Shows the last messages of the channel's
history (yours, filled in from peers), then every verified message as it
arrives: time, nick, key fingerprint, text. Each line typed (or piped) on
stdin is signed and sent; /nick NAME, /help and /quit are commands. With
--send, sends one message, waits until a peer confirms holding it, and exits.

Options:
  --channel ID      the channel (from "swarmcast channel create")
  --bootstrap MA    a relay address printed by "swarmcast relay" (repeatable;
                    env SWARMCAST_BOOTSTRAP, comma-separated)
  --nick NAME       your nickname in this channel (1-32 bytes)
  --history N       history lines shown on joining (default 20)
  --send TEXT       send one message and exit (status 1 if no peer took it)
  --json            one JSON object per message: {"id","channel","author",
                    "fingerprint","nick","text","timestamp","seq"}
  --timeout S       seconds to wait for the relay, and with --send for a first
                    peer in the channel (default 15)
  --host IP         interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
${DATA_HELP}`,
  options: {
    ...commonOptions,
    channel: { type: 'string' },
    bootstrap: { type: 'string', multiple: true },
    nick: { type: 'string' },
    history: { type: 'string' },
    send: { type: 'string' },
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    host: { type: 'string' }
  },
  async run (ctx) {
    const { args, env, out, err, signal } = ctx
    const channel = ChannelId.parse(requireFlag(args, 'channel', 'the channel id to join (see swarmcast channel create)'))
    const timeoutMs = countFlag(args, 'timeout', 15) * 1000
    const historyLines = stringFlag(args, 'history') === '0' ? 0 : countFlag(args, 'history', 20)
    const bootstrap = bootstrapFlag(args, env)
    const json = boolFlag(args, 'json')
    const sendText = stringFlag(args, 'send')
    const nick = stringFlag(args, 'nick')

    const session = await openPeerSession({ dataFlag: stringFlag(args, 'data'), env, bootstrap, host: stringFlag(args, 'host') ?? env.SWARMCAST_HOST, timeoutMs, signal, name: 'swarmcast:chat', warn: err })
    try {
      const room = await session.node.services.chat.join(channel)
      if (nick != null) await room.setNick(nick)
      if (sendText != null) {
        const sent = await room.send(sendText, { signal, peerWaitMs: timeoutMs })
        // exit only once a peer has confirmed holding it, not when the bytes were merely queued
        const holder = await room.confirmDelivery(sent, { signal, timeoutMs })
        if (json) out(JSON.stringify({ ...sent, sent: true, confirmedBy: holder.toString() }))
        else err(`sent ${sent.id.slice(0, 12)}; confirmed by ${holder.toString()}`)
        return 0
      }
      await interactive(ctx, room, { json, historyLines, who: nick ?? session.keys.identity.fingerprint })
      return 0
    } finally {
      await session.close()
    }
  }
}

async function interactive ({ out, err, signal }: CommandContext, room: ChatRoom, opts: { json: boolean, historyLines: number, who: string }): Promise<void> {
  const tty = process.stdin.isTTY && !opts.json
  const lines = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty })
  // incoming lines must not garble what the user is typing
  const show = (m: ChatMessage): void => {
    if (tty) {
      clearLine(process.stdout, 0)
      cursorTo(process.stdout, 0)
    }
    out(opts.json ? JSON.stringify(m) : formatLine(m))
    if (tty) lines.prompt(true)
  }
  if (opts.historyLines > 0) for (const m of await room.messages({ last: opts.historyLines })) show(m)
  room.addEventListener('message', (evt) => { show(evt.detail) })
  err(`joined ${room.channel.text} as ${opts.who}; type a line and press Enter to send, /help for commands`)
  if (tty) lines.prompt()

  const quit = new AbortController()
  lines.on('line', (line) => {
    const text = line.trim()
    if (text === '') return
    if (text === '/quit') { quit.abort(); return }
    if (text === '/help') { err(INTERACTIVE_HELP); return }
    if (text.startsWith('/nick')) {
      const name = text.slice(5).trim()
      room.setNick(name).then(() => { err(`you are now ${name}`) }, (e: Error) => { err(`nick not changed: ${e.message}`) })
      return
    }
    if (text.startsWith('/')) { err(`unknown command ${text.split(' ')[0]}; /help lists them`); return }
    room.send(line, { signal }).catch((e: Error) => { err(`not sent: ${e.message}`) })
  })
  await new Promise<void>(resolve => {
    const done = (): void => { resolve() }
    if (signal.aborted || quit.signal.aborted) resolve()
    signal.addEventListener('abort', done, { once: true })
    quit.signal.addEventListener('abort', done, { once: true })
  })
  lines.close()
}

function formatLine (m: ChatMessage): string {
  const time = new Date(m.timestamp).toTimeString().slice(0, 8)
  return `${time} ${m.nick ?? ''} (${m.fingerprint})  ${m.text}`
}
