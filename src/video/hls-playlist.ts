import { MAX_HAVES } from './constants.ts'
import type { LiveWindow } from './live-window.ts'
import type { SegmentAnnouncement } from './segment-announcement.ts'

/** Segments a live playlist lists by default (the HLS spec asks for at least three target durations). */
export const DEFAULT_PLAYLIST_SEGMENTS = 6
/**
 * How long a hole in the held segments may hold the playlist back (against the
 * streamer's clock, newest announcement vs the missing one): a fetch in flight
 * gets this long before the playlist lists past the hole as a gap.
 */
export const DEFAULT_GAP_GRACE_MS = 4_000

/** Durations and media times are whole ms, each rounded on its own: a smaller mismatch is no break in the timeline. */
const TIMELINE_TOLERANCE_MS = 50

/** The playlist's name under /live/<channelId>/. */
export const PLAYLIST_NAME = 'index.m3u8'

/** The URL name of a media segment, relative to the playlist. */
export function segmentName (seq: number): string {
  return `${seq}.m4s`
}

/** The URL name of an init segment (by its hex SHA-256), relative to the playlist. */
export function initName (initId: string): string {
  return `init-${initId}.mp4`
}

export interface PlaylistOptions {
  /** Entries listed at most, newest last (held segments and the gaps between them); at most MAX_HAVES. */
  maxSegments?: number
  /** See DEFAULT_GAP_GRACE_MS. */
  gapGraceMs?: number
}

/** One line group of the playlist: a held segment, or a gap standing for a missing one. */
interface Entry {
  seq: number
  /** ms */
  duration: number
  /** Set for held segments. */
  held?: SegmentAnnouncement
}

/**
 * A live HLS (v7, fMP4) media playlist of the newest segments this node holds,
 * or undefined while it holds none it can serve (bytes and init segment).
 *
 * Media sequence numbers are the stream's seqs, so a segment keeps its number
 * across reloads. A short hole (a segment not held) is listed as an
 * `EXT-X-GAP` entry so the numbering stays true, once it is older than the gap
 * grace; until then the playlist ends before it, since the bytes are probably
 * on their way. A long jump in seqs (a streamer restart), a new init segment
 * or a break in the media timeline gets `EXT-X-DISCONTINUITY`, the init
 * segment's `EXT-X-MAP` again and a fresh `EXT-X-PROGRAM-DATE-TIME`.
 */
export function renderPlaylist (window: LiveWindow, options: PlaylistOptions = {}): string | undefined {
  const maxSegments = Math.min(MAX_HAVES, Math.max(1, Math.floor(options.maxSegments ?? DEFAULT_PLAYLIST_SEGMENTS)))
  const gapGraceMs = options.gapGraceMs ?? DEFAULT_GAP_GRACE_MS
  const all = window.announcements()
  const held = all.filter(a => window.has(a.seq) && window.init(a.initId) !== undefined)
  const newest = window.newest
  if (held.length === 0 || newest == null) return undefined
  const missing = all.filter(a => !window.has(a.seq))

  // A hole short enough to list entry by entry; longer ones are jumps.
  const maxHole = maxSegments
  const settled = (before: SegmentAnnouncement, after: SegmentAnnouncement): boolean => {
    const hole = after.seq - before.seq - 1
    const known = missing.filter(a => a.seq > before.seq && a.seq < after.seq)
    if (known.some(a => newest.timestamp - a.timestamp < gapGraceMs)) return false
    // a short hole whose announcements have not arrived either: give it the grace from the segment before it
    return hole > maxHole || known.length === hole || newest.timestamp - before.timestamp >= gapGraceMs
  }

  // The playlist ends at the newest held segment no unsettled hole comes before.
  let end = held.length - 1
  for (let i = 1; i < held.length; i++) {
    const before = held[i - 1] as SegmentAnnouncement
    const after = held[i] as SegmentAnnouncement
    if (after.seq - before.seq > 1 && !settled(before, after)) {
      end = i - 1
      break
    }
  }

  // Walk back from the end, filling short holes with gap entries.
  const entries: Entry[] = []
  for (let i = end; i >= 0 && entries.length < maxSegments; i--) {
    const a = held[i] as SegmentAnnouncement
    const before = held[i - 1]
    entries.push({ seq: a.seq, duration: a.duration, held: a })
    if (before == null) break
    const hole = a.seq - before.seq - 1
    if (hole < 1 || hole > maxHole) continue
    for (let seq = a.seq - 1; seq > before.seq && entries.length < maxSegments; seq--) {
      entries.push({ seq, duration: window.announcement(seq)?.duration ?? before.duration })
    }
  }
  entries.reverse()
  while (entries.length > 0 && entries[0]?.held == null) entries.shift()
  const first = entries[0]
  if (first == null) return undefined

  const targetDuration = Math.max(1, Math.ceil(Math.max(...all.map(a => a.duration)) / 1000))
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${first.seq}`,
    '#EXT-X-INDEPENDENT-SEGMENTS'
  ]
  let previous: SegmentAnnouncement | undefined
  let gapDuration = 0
  for (const entry of entries) {
    const a = entry.held
    if (a == null) {
      gapDuration += entry.duration
      lines.push(`#EXTINF:${seconds(entry.duration)},`, '#EXT-X-GAP', segmentName(entry.seq))
      continue
    }
    const restart = previous == null || isDiscontinuous(previous, a, gapDuration, maxHole, window)
    if (previous != null && restart) lines.push('#EXT-X-DISCONTINUITY')
    if (restart) {
      // a new init segment is always a restart; the PDT dates the segment's start (announcements are signed as it ends)
      lines.push(`#EXT-X-MAP:URI="${initName(a.initId)}"`, `#EXT-X-PROGRAM-DATE-TIME:${new Date(a.timestamp - a.duration).toISOString()}`)
    }
    lines.push(`#EXTINF:${seconds(a.duration)},`, segmentName(a.seq))
    previous = a
    gapDuration = 0
  }
  return lines.join('\n') + '\n'
}

// Whether `next` does not continue `previous`: another init segment, a jump in seqs, or a timeline break.
function isDiscontinuous (previous: SegmentAnnouncement, next: SegmentAnnouncement, gapDuration: number, maxHole: number, window: LiveWindow): boolean {
  if (previous.initId !== next.initId) return true
  const hole = next.seq - previous.seq - 1
  if (hole > maxHole) return true
  // the media timeline must go on where the previous segment (and any known gap) ended
  for (let seq = previous.seq + 1; seq < next.seq; seq++) {
    if (window.announcement(seq) == null) return false
  }
  return Math.abs(next.mediaTime - (previous.mediaTime + previous.duration + gapDuration)) > TIMELINE_TOLERANCE_MS
}

function seconds (ms: number): string {
  return (ms / 1000).toFixed(3)
}
