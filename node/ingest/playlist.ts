/** One segment a media playlist lists. */
export interface PlaylistEntry {
  /** Media sequence number. */
  seq: number
  /** From EXTINF, seconds. */
  duration: number
  uri: string
}

export interface MediaPlaylist {
  entries: PlaylistEntry[]
  /** `#EXT-X-ENDLIST` seen: the writer finished. */
  ended: boolean
}

/**
 * The segments of an HLS media playlist. Only complete lines count, so a
 * playlist caught half-written yields the segments fully listed so far.
 */
export function parseMediaPlaylist (text: string): MediaPlaylist {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1)
  const entries: PlaylistEntry[] = []
  let seq = 0
  let duration: number | undefined
  let ended = false
  for (const raw of complete.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) {
      seq = Number.parseInt(line.slice('#EXT-X-MEDIA-SEQUENCE:'.length), 10)
      if (!Number.isSafeInteger(seq) || seq < 0) seq = 0
    } else if (line.startsWith('#EXTINF:')) {
      const value = Number.parseFloat(line.slice('#EXTINF:'.length))
      duration = Number.isFinite(value) && value >= 0 ? value : 0
    } else if (line === '#EXT-X-ENDLIST') {
      ended = true
    } else if (!line.startsWith('#')) {
      if (duration != null) entries.push({ seq, duration, uri: line })
      duration = undefined
      seq++
    }
  }
  return { entries, ended }
}
