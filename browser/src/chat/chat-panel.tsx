import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useChat } from './use-chat.ts'
import { sendFailureText } from './send-feedback.ts'
import { ChatText } from './chat-text.tsx'
import { ModButtons } from '../moderation/mod-buttons.tsx'
import { pageApi } from '../node/page-api.ts'
import type { ChatRoom } from '../../../src/chat/index.ts'
import type { ChannelModeration } from '../../../src/moderation/index.ts'
import type { Identity } from '../../../src/identity/index.ts'

/** Scrolled this close to the bottom, new lines keep the log scrolled down. */
const STICK_PX = 48

export interface ChatPanelProps {
  room: ChatRoom
  mod: ChannelModeration
  identity: Identity
  /** The page's identity may ban and mute here. */
  canModerate: boolean
}

const nickKey = (channel: string): string => `swarmcast:nick:${channel}`

/**
 * The channel's chat: history and live lines (time, nick, key fingerprint,
 * text), a send box that says why a message did not go out, the nickname, and
 * a log that follows new lines unless the user scrolled up to read.
 */
export function ChatPanel ({ room, mod, identity, canModerate }: ChatPanelProps): React.JSX.Element {
  const messages = useChat(room, mod)
  const logRef = useRef<HTMLOListElement>(null)
  const stick = useRef(true)
  const seen = useRef(0)
  const [unseen, setUnseen] = useState(0)
  const [text, setText] = useState('')
  const [feedback, setFeedback] = useState<{ text: string, error: boolean } | null>(null)
  const [sending, setSending] = useState(false)
  const [nick, setNick] = useState(() => localStorage.getItem(nickKey(room.channel.text)) ?? '')
  const [nickDraft, setNickDraft] = useState(nick)

  useEffect(() => {
    pageApi.chat = () => messages.map(m => ({ id: m.id, author: m.author, fingerprint: m.fingerprint, nick: room.history.profile(m.author)?.nick ?? m.nick, text: m.text, timestamp: m.timestamp }))
  }, [messages, room])

  // a nick chosen before is signed again for this run: peers that come later learn it
  useEffect(() => {
    if (nick !== '') room.setNick(nick).catch(() => {})
  }, [room])

  useLayoutEffect(() => {
    const log = logRef.current
    if (log == null) return
    if (stick.current) {
      log.scrollTop = log.scrollHeight
      seen.current = messages.length
      setUnseen(0)
    } else {
      setUnseen(Math.max(0, messages.length - seen.current))
    }
  }, [messages])

  const onScroll = (): void => {
    const log = logRef.current
    if (log == null) return
    stick.current = log.scrollTop + log.clientHeight >= log.scrollHeight - STICK_PX
    if (stick.current) { seen.current = messages.length; setUnseen(0) }
  }
  const jumpToLatest = (): void => {
    const log = logRef.current
    if (log == null) return
    stick.current = true
    log.scrollTop = log.scrollHeight
    seen.current = messages.length
    setUnseen(0)
  }

  const send = async (evt: React.FormEvent): Promise<void> => {
    evt.preventDefault()
    const line = text.trim()
    if (line === '' || sending) return
    setSending(true)
    setFeedback(null)
    try {
      await room.send(line)
      setText('')
      stick.current = true
    } catch (err) {
      setFeedback({ text: sendFailureText(err), error: true })
    } finally {
      setSending(false)
    }
  }

  const saveNick = async (evt: React.FormEvent): Promise<void> => {
    evt.preventDefault()
    const name = nickDraft.trim()
    try {
      await room.setNick(name)
      localStorage.setItem(nickKey(room.channel.text), name)
      setNick(name)
      setFeedback({ text: `You are now ${name}.`, error: false })
    } catch (err) {
      setFeedback({ text: sendFailureText(err), error: true })
    }
  }

  return (
    <section className='chat' aria-labelledby='chat-title'>
      <h2 id='chat-title' className='panel-title'>Chat</h2>
      <ol className='chat-log' ref={logRef} onScroll={onScroll} role='log' aria-live='polite' aria-relevant='additions' tabIndex={0} aria-label='Chat messages'>
        {messages.length === 0 && <li className='chat-empty'>No messages yet. Say hello!</li>}
        {messages.map(m => {
          const shownNick = room.history.profile(m.author)?.nick ?? m.nick
          const mine = m.author === identity.key
          return (
            <li key={m.id} className={`chat-line${mine ? ' is-mine' : ''}`} data-author={m.author} data-id={m.id}>
              <time dateTime={new Date(m.timestamp).toISOString()} title={new Date(m.timestamp).toLocaleString()}>{formatTime(m.timestamp)}</time>{' '}
              <span className='chat-nick'>{shownNick ?? 'anonymous'}</span>{' '}
              <span className='chat-fp' title={`key ${m.author}`}>({m.fingerprint})</span>{' '}
              <ChatText text={m.text} />
              {canModerate && !mine && m.author !== room.channel.ownerKey && (
                <ModButtons mod={mod} author={m.author} label={shownNick ?? m.fingerprint} />
              )}
            </li>
          )
        })}
      </ol>
      {unseen > 0 && (
        <button type='button' className='chat-unseen' onClick={jumpToLatest}>
          {unseen} new message{unseen === 1 ? '' : 's'} ↓
        </button>
      )}
      <form className='chat-send' onSubmit={(e) => { void send(e) }}>
        <label htmlFor='chat-input' className='visually-hidden'>Message</label>
        <input
          id='chat-input' type='text' value={text} autoComplete='off' maxLength={2048}
          placeholder={`Message as ${nick === '' ? identity.fingerprint : nick}`}
          onChange={(e) => { setText(e.target.value) }}
          aria-describedby='chat-feedback'
        />
        <button type='submit' disabled={sending || text.trim() === ''}>Send</button>
      </form>
      <p id='chat-feedback' className={`chat-feedback${feedback?.error === true ? ' is-error' : ''}`} role={feedback?.error === true ? 'alert' : 'status'}>
        {feedback?.text ?? ''}
      </p>
      <form className='chat-nick-form' onSubmit={(e) => { void saveNick(e) }}>
        <label htmlFor='nick-input'>Nickname</label>
        <input id='nick-input' type='text' value={nickDraft} maxLength={32} autoComplete='nickname' onChange={(e) => { setNickDraft(e.target.value) }} />
        <button type='submit' disabled={nickDraft.trim() === '' || nickDraft.trim() === nick}>Set</button>
        <span className='chat-me'>your key <abbr title={identity.key}>{identity.fingerprint}</abbr></span>
      </form>
    </section>
  )
}

function formatTime (ts: number): string {
  return new Date(ts).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
}
