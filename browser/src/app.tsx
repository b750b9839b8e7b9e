import { useEffect, useMemo, useRef, useState } from 'react'
import { ChannelId } from '../../src/channel/index.ts'
import { useSession } from './node/use-session.ts'
import { fetchRelayInfo } from './node/relay-info.ts'
import { pageApi } from './node/page-api.ts'
import { Player } from './player/player.tsx'
import { ChatPanel } from './chat/chat-panel.tsx'
import { ModerationPanel, rightsOf } from './moderation/moderation-panel.tsx'
import { StatsPanel } from './stats/stats-panel.tsx'
import { collectStats } from './stats/page-stats.ts'
import { IdentityPanel } from './identity/identity-panel.tsx'
import { channelPath } from './route.ts'
import { useEvents } from './use-ticker.ts'
import type { BrowserSession } from './node/browser-node.ts'
import type { RelayInfo } from './node/relay-info.ts'
import type { Route } from './route.ts'
import type { PlayerHandle } from './stats/page-stats.ts'

export function App ({ route }: { route: Route }): React.JSX.Element {
  if (route.channel == null) return <StartPage />
  let channel: ChannelId
  try {
    channel = ChannelId.parse(route.channel)
  } catch (err) {
    return <Shell><Problem title='This is not a channel link'>{(err as Error).message}. Check the link the streamer shared.</Problem></Shell>
  }
  return <ChannelPage route={route} channel={channel} />
}

function Shell ({ children, status }: { children: React.ReactNode, status?: React.ReactNode }): React.JSX.Element {
  return (
    <>
      <header className='top'>
        <a className='brand' href='/'>swarmcast</a>
        {status}
      </header>
      <main id='main'>{children}</main>
    </>
  )
}

function Problem ({ title, children }: { title: string, children: React.ReactNode }): React.JSX.Element {
  return (
    <div className='problem' role='alert'>
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  )
}

/** `/`: the channels the relay follows, and a box to open any channel by id. */
function StartPage (): React.JSX.Element {
  const [info, setInfo] = useState<RelayInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [draftError, setDraftError] = useState<string | null>(null)
  useEffect(() => {
    fetchRelayInfo().then(setInfo, (err: Error) => { setError(err.message) })
  }, [])
  const open = (evt: React.FormEvent): void => {
    evt.preventDefault()
    try {
      location.assign(channelPath(ChannelId.parse(draft.trim()).text))
    } catch (err) {
      setDraftError((err as Error).message)
    }
  }
  return (
    <Shell>
      <div className='start'>
        <h1>Live channels on this relay</h1>
        {error != null && <p role='alert' className='is-error'>{error}</p>}
        {info == null && error == null && <p>Asking the relay…</p>}
        {info != null && info.follow.length === 0 && <p>This relay follows no channel. Open one by its id below.</p>}
        {info != null && info.follow.length > 0 && (
          <ul className='channel-list'>
            {info.follow.map(id => <li key={id}><a href={channelPath(id)}>{id}</a></li>)}
          </ul>
        )}
        <form onSubmit={open} className='open-channel'>
          <label htmlFor='channel-input'>Open a channel by id</label>
          <input id='channel-input' type='text' value={draft} spellCheck={false} autoComplete='off' onChange={(e) => { setDraft(e.target.value); setDraftError(null) }} aria-describedby='channel-error' />
          <button type='submit' disabled={draft.trim() === ''}>Open</button>
          <p id='channel-error' role='alert' className='is-error'>{draftError ?? ''}</p>
        </form>
      </div>
    </Shell>
  )
}

function ChannelPage ({ route, channel }: { route: Route, channel: ChannelId }): React.JSX.Element {
  const state = useSession(route, channel)
  if (state.phase === 'failed') {
    return <Shell><Problem title='Could not join the channel'>{state.error.message}</Problem></Shell>
  }
  if (state.phase === 'connecting') {
    return <Shell><p className='connecting' role='status'>Joining channel {channel.text.slice(0, 12)}…: {state.step}</p></Shell>
  }
  return <ChannelView session={state.session} route={route} />
}

function ChannelView ({ session, route }: { session: BrowserSession, route: Route }): React.JSX.Element {
  const player = useRef<PlayerHandle | null>(null)
  const [joinError, setJoinError] = useState<string | null>(null)
  useEvents(session.relays, ['change'])
  useEvents(session.moderation, ['policy-changed'])
  useEvents(session.sfu, ['change'])
  const sfuRelay = session.sfu.relay
  const sfu = useMemo(() => sfuRelay == null ? null : { node: session.node, relay: sfuRelay, channel: session.channel }, [session, sfuRelay?.toString()])
  const { moderator } = rightsOf(session.moderation, session.identity)
  const stats = useMemo(() => () => collectStats(session, player.current, route.p2p), [session, route.p2p])
  useEffect(() => {
    pageApi.stats = stats
    return () => { pageApi.stats = () => null }
  }, [stats])

  useEffect(() => {
    session.joined.catch((err: Error) => { setJoinError(`${err.name === 'ClockSkewError' ? 'Your clock is off' : 'The relay did not answer'}: ${err.message}`) })
  }, [session])

  const status = (
    <p className={`net-status${session.relays.connected ? '' : ' is-warn'}`} role='status'>
      {session.relays.connected ? 'connected' : 'connecting to the relay…'} · you are <abbr title={session.identity.key}>{session.identity.fingerprint}</abbr>
    </p>
  )
  return (
    <Shell status={status}>
      {joinError != null && <p className='banner is-error' role='alert'>{joinError}</p>}
      <h1 className='channel-title'>Channel <code title={session.channel.text}>{session.channel.text.slice(0, 16)}…</code>{!route.p2p && <span className='tag'>origin only</span>}</h1>
      <div className='layout'>
        <div className='layout-main'>
          <Player viewer={session.viewer} sfu={sfu} targetMs={route.targetBufferMs} onHandle={(h) => { player.current = h }} />
          <details className='panel' open>
            <summary>Swarm stats</summary>
            <StatsPanel stats={stats} />
          </details>
        </div>
        <div className='layout-side'>
          <ChatPanel room={session.chat} mod={session.moderation} identity={session.identity} canModerate={moderator} />
        </div>
        <div className='layout-extra'>
          <details className='panel'>
            <summary>Moderation</summary>
            <ModerationPanel mod={session.moderation} identity={session.identity} />
          </details>
          <details className='panel'>
            <summary>Your identity</summary>
            <IdentityPanel identity={session.identity} db={session.db} />
          </details>
        </div>
      </div>
    </Shell>
  )
}
