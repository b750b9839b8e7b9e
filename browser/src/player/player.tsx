import { useEffect, useRef, useState } from 'react'
import { PlayerEngine } from './player-engine.ts'
import { describeReason } from './path-choice.ts'
import { useEvents, useTicker } from '../use-ticker.ts'
import { ExitFullscreenIcon, FullscreenIcon, MutedIcon, PauseIcon, PlayIcon, VolumeIcon } from './icons.tsx'
import type { PlayerEngineState, SfuAccess } from './player-engine.ts'
import type { Viewer } from '../../../src/video/index.ts'
import type { PlayerHandle } from '../stats/page-stats.ts'

/** With no announcement this long after joining, the stream is shown as offline. */
const OFFLINE_AFTER_MS = 8_000
/** No new segment for this long (or 4 segment durations): the stream stopped. */
const STOPPED_AFTER_MS = 6_000
const DEFAULT_TARGET_MS = 3_000

export interface PlayerProps {
  viewer: Viewer
  /** The relay's SFU, when one offers it: the "Low latency" switch and the fallback use it. */
  sfu?: SfuAccess | null
  targetMs?: number
  /** Receives the handle the stats panel and window.swarmcast read. */
  onHandle: (handle: PlayerHandle | null) => void
}

/**
 * The live player: plays what the core Viewer hands out (verified segments,
 * from peers or the HTTP origin) through MSE, near a target latency, or the
 * relay's SFU over WebRTC ("Low latency", or on its own when P2P/MSE cannot
 * play here; see path-choice.ts), with play/pause, mute, volume, fullscreen
 * and "go live", and says plainly which path plays and when the stream is
 * offline or cannot play here.
 */
export function Player ({ viewer, sfu = null, targetMs = DEFAULT_TARGET_MS, onHandle }: PlayerProps): React.JSX.Element {
  const boxRef = useRef<HTMLDivElement>(null)
  const mseRef = useRef<HTMLVideoElement>(null)
  const sfuRef = useRef<HTMLVideoElement>(null)
  const [engine, setEngine] = useState<PlayerEngine | null>(null)
  const [mountedAt] = useState(() => Date.now())
  const [fullscreen, setFullscreen] = useState(false)
  useTicker(500)
  useEvents(engine ?? undefined, ['change'])

  useEffect(() => {
    const mseVideo = mseRef.current
    const sfuVideo = sfuRef.current
    if (mseVideo == null || sfuVideo == null) return
    const e = new PlayerEngine({ viewer, mseVideo, sfuVideo, targetMs })
    setEngine(e)
    onHandle({
      metrics: () => e.metrics(),
      behindLiveS: () => e.behindLiveS(),
      path: () => { const s = e.state; return { shown: s.shown, choice: s.choice, offered: s.sfuOffered } },
      sfu: () => e.sfuStats()
    })
    return () => {
      onHandle(null)
      e.close()
      setEngine(null)
    }
  }, [viewer, targetMs])

  useEffect(() => { engine?.setSfu(sfu) }, [engine, sfu])

  useEffect(() => {
    const onChange = (): void => { setFullscreen(document.fullscreenElement === boxRef.current) }
    document.addEventListener('fullscreenchange', onChange)
    return () => { document.removeEventListener('fullscreenchange', onChange) }
  }, [])

  const state = engine?.state
  const video = engine?.video
  const edge = engine?.edge
  const live = edge?.state()
  const onSfu = state?.shown === 'sfu'
  const lowLatencyOn = state?.choice.path === 'sfu'
  const status = state == null ? null : playerStatus(viewer, state, mountedAt)
  const paused = video?.paused ?? true
  const muted = state?.muted ?? true

  const togglePlay = (): void => {
    if (video == null) return
    if (video.paused) void video.play().catch(() => {})
    else video.pause()
  }
  const toggleMute = (): void => { engine?.setMuted(!muted) }
  const toggleFullscreen = (): void => {
    if (document.fullscreenElement != null) void document.exitFullscreen().catch(() => {})
    else void boxRef.current?.requestFullscreen().catch(() => {})
  }
  const toggleLowLatency = (): void => {
    if (state == null || !state.sfuOffered || state.mseImpossible) return
    engine?.setLowLatency(!lowLatencyOn)
  }
  const onKeyDown = (evt: React.KeyboardEvent): void => {
    if (evt.target instanceof HTMLInputElement || evt.altKey || evt.ctrlKey || evt.metaKey) return
    const key = evt.key.toLowerCase()
    if (key === 'k' || (key === ' ' && evt.target === boxRef.current)) togglePlay()
    else if (key === 'm') toggleMute()
    else if (key === 'f') toggleFullscreen()
    else if (key === 'l') edge?.goLive()
    else if (key === 'j' && state?.sfuOffered === true) toggleLowLatency()
    else return
    evt.preventDefault()
  }
  const liveText = !(state?.hasMedia ?? false)
    ? 'not playing'
    : onSfu ? 'LIVE · low latency' : live?.behind === true ? `${live.behindS.toFixed(0)} s behind live` : 'LIVE'

  return (
    <section className={`player${fullscreen ? ' is-fullscreen' : ''}`} aria-label='Live video' ref={boxRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className='player-stage'>
        {/* two elements: MSE plays on under the SFU's until the SFU shows its first frame */}
        <video
          ref={mseRef} className={`player-video${onSfu ? '' : ' is-shown'}`} data-path='mse' muted playsInline autoPlay
          aria-hidden={onSfu} aria-describedby='player-status' onClick={togglePlay}
        />
        <video
          ref={sfuRef} className={`player-video${onSfu ? ' is-shown' : ''}`} data-path='sfu' muted playsInline autoPlay
          aria-hidden={!onSfu} aria-describedby='player-status' onClick={togglePlay}
        />
        {status != null && (
          <div className={`player-overlay player-overlay-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
            <p>{status.text}</p>
          </div>
        )}
      </div>
      <div className='player-controls' role='group' aria-label='Player controls'>
        <button type='button' onClick={togglePlay} aria-label={paused ? 'Play' : 'Pause'} title='Play / pause (k)'>
          {paused ? <PlayIcon /> : <PauseIcon />}
        </button>
        <button type='button' onClick={toggleMute} aria-label={muted ? 'Unmute' : 'Mute'} aria-pressed={muted} title='Mute (m)'>
          {muted ? <MutedIcon /> : <VolumeIcon />}
        </button>
        <label className='volume'>
          <span className='visually-hidden'>Volume</span>
          <input
            type='range' min={0} max={1} step={0.05}
            value={muted ? 0 : (state?.volume ?? 1)}
            onChange={(e) => { engine?.setVolume(Number(e.target.value)) }}
          />
        </label>
        <span id='player-status' className={`live-badge${live?.behind === true ? ' is-behind' : ''}`}>{liveText}</span>
        {state?.sfuOffered === true && (
          <button
            type='button' className='low-latency' onClick={toggleLowLatency} aria-pressed={lowLatencyOn}
            disabled={state.mseImpossible} aria-describedby='player-path'
            title={state.mseImpossible ? 'This browser can only play the stream via the relay\'s SFU' : 'Play from the relay\'s SFU over WebRTC: lower latency, no peer-to-peer sharing of video (j)'}
          >
            Low latency
          </button>
        )}
        <button type='button' className='go-live' onClick={() => { edge?.goLive() }} disabled={live?.behind !== true} title='Go live (l)'>
          Go live
        </button>
        <button type='button' onClick={toggleFullscreen} aria-label={fullscreen ? 'Exit full screen' : 'Full screen'} aria-pressed={fullscreen} title='Full screen (f)'>
          {fullscreen ? <ExitFullscreenIcon /> : <FullscreenIcon />}
        </button>
      </div>
      <p id='player-path' className='player-path' role='status'>
        {state == null ? '' : pathNote(state)}
      </p>
    </section>
  )
}

/** Which path plays and why, when it is the SFU (empty on P2P/MSE). */
function pathNote (state: PlayerEngineState): string {
  const reason = state.choice.reason
  if (reason == null) return ''
  if (state.shown === 'sfu') return describeReason(reason)
  return describeReason(reason, state.sfuState === 'waiting' ? 'waiting' : 'connecting')
}

interface Status { text: string, tone: 'info' | 'warn' | 'error' }

function playerStatus (viewer: Viewer, state: PlayerEngineState, mountedAt: number): Status | null {
  const onSfu = state.shown === 'sfu'
  if (!onSfu && state.problem != null) {
    // the SFU takes over: say so rather than show MSE's fault
    if (state.choice.path === 'sfu') return { text: 'Switching to the relay\'s SFU…', tone: 'info' }
    return { text: state.problem.message, tone: 'error' }
  }
  if (onSfu && state.sfuState === 'closed' && !state.hasMedia) {
    return { text: 'The low-latency path cannot play in this browser: its WebRTC cannot receive from the relay\'s SFU. Try a current Chrome, Edge, Firefox or Safari.', tone: 'error' }
  }
  const newest = viewer.swarm.window.newest
  const now = Date.now()
  if (newest == null) {
    return now - mountedAt > OFFLINE_AFTER_MS
      ? { text: 'The stream is offline: nothing is being broadcast on this channel right now. Playback starts by itself when the streamer goes live; chat works meanwhile.', tone: 'warn' }
      : { text: 'Joining the swarm…', tone: 'info' }
  }
  const silentMs = now - newest.timestamp
  if (silentMs > Math.max(STOPPED_AFTER_MS, 4 * newest.duration)) {
    return { text: `The stream stopped: no new video for ${Math.round(silentMs / 1000)} s. It resumes here when the streamer is back.`, tone: 'warn' }
  }
  if (onSfu && state.sfuState === 'waiting') {
    return { text: 'The relay\'s SFU has no stream for this channel right now; waiting for the streamer to feed it…', tone: 'warn' }
  }
  if (!state.hasMedia) return { text: onSfu ? 'Connecting to the relay\'s SFU…' : 'Loading the stream…', tone: 'info' }
  return null
}
