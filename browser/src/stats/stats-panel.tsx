import { useTicker } from '../use-ticker.ts'
import type { PageStats, StreamPath } from './page-stats.ts'
import type { SfuPathStats } from '../player/player-engine.ts'

const PATH_NAMES: Record<StreamPath, string> = {
  p2p: 'P2P (MSE)',
  origin: 'HTTP origin (MSE)',
  sfu: 'relay SFU (WebRTC)'
}

const REASONS: Record<string, string> = {
  user: 'low latency on',
  'no-mse': 'no MSE here',
  codec: 'codecs unsupported',
  decode: 'MSE decode failed',
  stalls: 'P2P stalled',
  'no-source': 'no P2P source'
}

function ms (value: number | null): string {
  return value == null ? '—' : `${value.toFixed(value < 10 ? 1 : 0)} ms`
}

function sfuRows (sfu: SfuPathStats): Array<[string, string, string?]> {
  return [
    ['SFU', `${sfu.state} · session ${sfu.sessions}${sfu.firstFrameAfterMs != null ? ` · first frame after ${(sfu.firstFrameAfterMs / 1000).toFixed(2)} s` : ''}${sfu.error != null && sfu.state !== 'playing' ? ` · ${sfu.error}` : ''}`, 'sfu'],
    ['WebRTC frames', `${sfu.framesDecoded} decoded · ${sfu.framesDropped} dropped`, 'sfu-frames'],
    ['WebRTC packets', `${sfu.videoPacketsReceived} video · ${sfu.audioPacketsReceived} audio · ${sfu.packetsLost} lost`, 'sfu-packets'],
    ['Jitter / RTT', `${ms(sfu.jitterMs)} / ${ms(sfu.rttMs)}`, 'sfu-timing']
  ]
}

function rate (bytesPerSecond: number): string {
  const bits = bytesPerSecond * 8
  return bits >= 1e6 ? `${(bits / 1e6).toFixed(2)} Mbit/s` : `${(bits / 1e3).toFixed(0)} kbit/s`
}

function mib (bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`
}

function percent (share: number): string {
  return `${Math.round(share * 100)} %`
}

/** The numbers that show the swarm at work, refreshed every second. */
export function StatsPanel ({ stats }: { stats: () => PageStats | null }): React.JSX.Element {
  useTicker(1000)
  const s = stats()
  if (s == null) return <section className='stats' aria-label='Swarm statistics'><p>Starting…</p></section>
  const v = s.video
  const rows: Array<[string, string, string?]> = [
    ['Playing via', `${PATH_NAMES[s.path]}${s.pathReason != null ? ` (${REASONS[s.pathReason] ?? s.pathReason})` : ''}${s.sfuOffered ? '' : ' · no SFU on the relay'}`, 'path'],
    ...(s.sfu != null ? sfuRows(s.sfu) : []),
    ['Relay', s.relayConnected ? 'connected' : 'reconnecting…'],
    ['Peers', `${s.peers.direct} direct (WebRTC) · ${s.peers.relayed} relayed`, 'peers'],
    ['Swarm neighbours', String(s.neighbours)],
    ['Peer-to-peer share', s.p2p ? `${percent(s.p2pShare)} (from viewers ${percent(s.viewerShare)})` : 'off (origin only)', 'p2p-share'],
    ['Received', `${mib(s.bytesFrom.viewer)} viewers · ${mib(s.bytesFrom.seed)} streamer · ${mib(s.bytesFrom.relay)} relay · ${mib(s.bytesFrom.origin)} HTTP`],
    ['Download', rate(s.downRate)],
    ['Upload', `${rate(s.upRate)} (${mib(s.bytesUploaded)} in all)`],
    ['Buffer', v == null ? '—' : s.path === 'sfu' ? 'WebRTC jitter buffer (live)' : `${v.bufferS.toFixed(1)} s (${s.behindLiveS.toFixed(1)} s behind live)`],
    ['Stalls', v == null ? '—' : `${v.stalls} (${(v.stallMs / 1000).toFixed(1)} s)`],
    ['Segments played', `${s.segmentsPlayed}${s.skipped > 0 ? ` (${s.skipped} skipped)` : ''}`],
    ['First frame', v?.firstFrameMs == null ? '—' : `${(v.firstFrameMs / 1000).toFixed(2)} s after opening`]
  ]
  return (
    <section className='stats' aria-labelledby='stats-title'>
      <h2 id='stats-title' className='panel-title'>Swarm</h2>
      <dl className='stats-list'>
        {rows.map(([name, value, id]) => (
          <div key={name} className='stats-row' data-stat={id}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
