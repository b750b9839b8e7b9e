import { useEffect, useRef, useState } from 'react'
import { MseFeeder } from './mse-feeder.ts'
import { LiveEdge } from './live-edge.ts'
import { VideoMetrics } from './video-metrics.ts'
import { useTicker } from '../use-ticker.ts'
import { ExitFullscreenIcon, FullscreenIcon, MutedIcon, PauseIcon, PlayIcon, VolumeIcon } from './icons.tsx'
import type { PlayerProblem } from './mse-feeder.ts'
import type { PlayedSegment, Viewer } from '../../../src/video/index.ts'
import type { PlayerHandle } from '../stats/page-stats.ts'

/** With no announcement this long after joining, the stream is shown as offline. */
const OFFLINE_AFTER_MS = 8_000
/** No new segment for this long (or 4 segment durations): the stream stopped. */
const STOPPED_AFTER_MS = 6_000
const DEFAULT_TARGET_MS = 3_000

export interface PlayerProps {
  viewer: Viewer
  targetMs?: number
  /** Receives the handle the stats panel and window.swarmcast read. */
  onHandle: (handle: PlayerHandle | null) => void
}

/**
 * The live player: plays what the core Viewer hands out (verified segments,
 * from peers or the HTTP origin) through MSE, near a target latency, with
 * play/pause, mute, volume, fullscreen and "go live", and says plainly when the
 * stream is offline or cannot play here.
 */
export function Player ({ viewer, targetMs = DEFAULT_TARGET_MS, onHandle }: PlayerProps): React.JSX.Element {
  const boxRef = useRef<HTMLDivElement>(null)
  const videoRef = useRef<HTMLVideoElement>(null)
  const edgeRef = useRef<LiveEdge | null>(null)
  const [problem, setProblem] = useState<PlayerProblem | null>(null)
  const [hasMedia, setHasMedia] = useState(false)
  const [mountedAt] = useState(() => Date.now())
  const [fullscreen, setFullscreen] = useState(false)
  useTicker(500)

  useEffect(() => {
    const video = videoRef.current
    if (video == null) return
    const feeder = new MseFeeder(video)
    const edge = new LiveEdge(video, targetMs)
    const metrics = new VideoMetrics(video)
    edgeRef.current = edge
    const onSegment = (evt: CustomEvent<PlayedSegment>): void => { feeder.push(evt.detail) }
    const onAppended = (): void => { setHasMedia(true); edge.tick() }
    const onProblem = (evt: Event): void => { setProblem((evt as CustomEvent<PlayerProblem>).detail) }
    feeder.addEventListener('appended', onAppended)
    feeder.addEventListener('problem', onProblem)
    viewer.addEventListener('segment', onSegment)
    // the viewer starts once the player listens, so no segment is handed out unseen
    viewer.start()
    onHandle({ metrics: () => metrics.snapshot(), behindLiveS: () => edge.state().behindS })
    return () => {
      onHandle(null)
      viewer.removeEventListener('segment', onSegment)
      feeder.removeEventListener('appended', onAppended)
      feeder.removeEventListener('problem', onProblem)
      edge.close()
      metrics.close()
      feeder.close()
      edgeRef.current = null
    }
  }, [viewer, targetMs])

  useEffect(() => {
    const onChange = (): void => { setFullscreen(document.fullscreenElement === boxRef.current) }
    document.addEventListener('fullscreenchange', onChange)
    return () => { document.removeEventListener('fullscreenchange', onChange) }
  }, [])

  const video = videoRef.current
  const edge = edgeRef.current
  const live = edge?.state()
  const status = playerStatus(viewer, problem, hasMedia, mountedAt)
  const paused = video?.paused ?? true
  const muted = video?.muted ?? true

  const togglePlay = (): void => {
    if (video == null) return
    if (video.paused) void video.play().catch(() => {})
    else video.pause()
  }
  const toggleMute = (): void => {
    if (video == null) return
    video.muted = !video.muted
    if (!video.muted && video.volume === 0) video.volume = 0.5
  }
  const toggleFullscreen = (): void => {
    if (document.fullscreenElement != null) void document.exitFullscreen().catch(() => {})
    else void boxRef.current?.requestFullscreen().catch(() => {})
  }
  const onKeyDown = (evt: React.KeyboardEvent): void => {
    if (evt.target instanceof HTMLInputElement || evt.altKey || evt.ctrlKey || evt.metaKey) return
    const key = evt.key.toLowerCase()
    if (key === 'k' || (key === ' ' && evt.target === boxRef.current)) togglePlay()
    else if (key === 'm') toggleMute()
    else if (key === 'f') toggleFullscreen()
    else if (key === 'l') edge?.goLive()
    else return
    evt.preventDefault()
  }

  return (
    <section className={`player${fullscreen ? ' is-fullscreen' : ''}`} aria-label='Live video' ref={boxRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <div className='player-stage'>
        <video ref={videoRef} className='player-video' muted playsInline autoPlay aria-describedby='player-status' onClick={togglePlay} />
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
            value={muted ? 0 : (video?.volume ?? 1)}
            onChange={(e) => { if (video != null) { video.volume = Number(e.target.value); video.muted = video.volume === 0 } }}
          />
        </label>
        <span id='player-status' className={`live-badge${live?.behind === true ? ' is-behind' : ''}`}>
          {hasMedia ? (live?.behind === true ? `${live.behindS.toFixed(0)} s behind live` : 'LIVE') : 'not playing'}
        </span>
        <button type='button' className='go-live' onClick={() => { edge?.goLive() }} disabled={live?.behind !== true} title='Go live (l)'>
          Go live
        </button>
        <button type='button' onClick={toggleFullscreen} aria-label={fullscreen ? 'Exit full screen' : 'Full screen'} aria-pressed={fullscreen} title='Full screen (f)'>
          {fullscreen ? <ExitFullscreenIcon /> : <FullscreenIcon />}
        </button>
      </div>
    </section>
  )
}

interface Status { text: string, tone: 'info' | 'warn' | 'error' }

function playerStatus (viewer: Viewer, problem: PlayerProblem | null, hasMedia: boolean, mountedAt: number): Status | null {
  if (problem != null) return { text: problem.message, tone: 'error' }
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
  if (!hasMedia) return { text: 'Loading the stream…', tone: 'info' }
  return null
}
