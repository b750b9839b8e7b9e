import { hashHex } from '../../src/video/index.ts'
import type { Identity } from '../../src/identity/index.ts'
import type { VideoSwarm } from '../../src/video/index.ts'

// Segments of made-up bytes: the swarm moves and checks bytes, whatever they encode.
export const SEED_LOOP = { SEGMENT_MS: 500, SEGMENT_BYTES: 64 * 1024 } as const
const INIT = crypto.getRandomValues(new Uint8Array(1200))

/** Cuts and seeds one segment every SEGMENT_MS until stopped; returns the hashes seeded by seq. */
export function seedLoop (swarm: VideoSwarm, identity: Identity): { seeded: Map<number, string>, stop: () => void } {
  const { SEGMENT_MS, SEGMENT_BYTES } = SEED_LOOP
  const seeded = new Map<number, string>()
  const seq0 = Date.now()
  let n = 0
  const timer = setInterval(() => {
    const bytes = crypto.getRandomValues(new Uint8Array(SEGMENT_BYTES))
    const seq = seq0 + n
    void swarm.seed(identity, { seq, duration: SEGMENT_MS, bytes, mediaTime: n * SEGMENT_MS, init: INIT, codecs: 'avc1.4d401f,mp4a.40.2' })
      .then(() => { seeded.set(seq, hashHex(bytes)) })
    n++
  }, SEGMENT_MS)
  return { seeded, stop: () => { clearInterval(timer) } }
}
