// A synthetic 2.5 Mbit/s VP8 stream as RTP: frames of ~1200-byte packets at
// 30 fps, a key frame (3x the size) every second, each packet stamped with the
// time it was sent, so a receiver in this process can measure send → receive
// latency on one clock. The SFU does not decode: it reads the VP8 payload
// descriptor (start of partition, key frame bit) and forwards, which is all
// the forwarding cost a real stream has.
import dgram from 'node:dgram'

export const SOURCE_SSRC = 0x1234_5678
export const SOURCE_PAYLOAD_TYPE = 101
const PAYLOAD_BYTES = 1160
const FPS = 30
const KEYFRAME_EVERY = 30
/** Offset of the send stamp in the RTP packet: 12 header + 1 descriptor + 3 VP8 header. */
export const STAMP_OFFSET = 16

export interface RtpSource {
  /** Packets sent so far. */
  readonly sent: number
  stop: () => void
}

/** Sends the stream to ip:port (a comedia PlainTransport) at `bitrate` bits/s until stopped. */
export async function startRtpSource (ip: string, port: number, bitrate: number): Promise<RtpSource> {
  const socket = dgram.createSocket('udp4')
  await new Promise<void>(resolve => socket.bind(0, '127.0.0.1', resolve))
  let seq = 0
  let frame = 0
  let sent = 0
  const perFrame = Math.max(1, Math.round(bitrate / 8 / FPS / PAYLOAD_BYTES))
  // a frame per tick, paced by the clock: a late tick sends the frames it owes
  const start = performance.now()
  const tick = (): void => {
    const due = Math.floor((performance.now() - start) / (1000 / FPS))
    while (frame <= due) {
      const key = frame % KEYFRAME_EVERY === 0
      // a key frame is 3x a delta frame; the deltas shrink to keep the average at the bitrate
      const packets = key ? perFrame * 3 : Math.max(1, Math.round(perFrame * (KEYFRAME_EVERY - 3) / (KEYFRAME_EVERY - 1)))
      const timestamp = (frame * (90000 / FPS)) >>> 0
      for (let i = 0; i < packets; i++) {
        const p = Buffer.alloc(12 + PAYLOAD_BYTES)
        p[0] = 0x80
        p[1] = (i === packets - 1 ? 0x80 : 0) | SOURCE_PAYLOAD_TYPE
        p.writeUInt16BE(seq++ & 0xffff, 2)
        p.writeUInt32BE(timestamp, 4)
        p.writeUInt32BE(SOURCE_SSRC, 8)
        // VP8 payload descriptor: S (start of partition) on the frame's first packet
        p[12] = i === 0 ? 0x10 : 0x00
        if (i === 0) {
          // VP8 payload header: show_frame, P bit clear on key frames; key frames carry the start code and size
          p[13] = key ? 0x10 : 0x11
          if (key) Buffer.from([0x00, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]).copy(p, 14)
        }
        p.writeDoubleBE(performance.timeOrigin + performance.now(), key && i === 0 ? 24 : STAMP_OFFSET)
        socket.send(p, port, ip)
        sent++
      }
      frame++
    }
  }
  const timer = setInterval(tick, 1000 / FPS / 2)
  return {
    get sent () { return sent },
    stop: () => { clearInterval(timer); socket.close() }
  }
}

/** The send stamp of a packet from the source (ms since the epoch, fractional), as forwarded by the SFU. */
export function sendStamp (packet: Buffer): number | undefined {
  if (packet.length < 32 || (packet[1]! & 0x7f) >= 72 && (packet[1]! & 0x7f) <= 79) return undefined
  // the SFU may insert RTP header extensions: find the payload after them
  const cc = packet[0]! & 0x0f
  let offset = 12 + cc * 4
  if ((packet[0]! & 0x10) !== 0) offset += 4 + packet.readUInt16BE(offset + 2) * 4
  const start = (packet[offset]! & 0x10) !== 0 && ((packet[offset + 1]! & 0x01) === 0)
  const at = offset + (start ? 12 : 4)
  return at + 8 <= packet.length ? packet.readDoubleBE(at) : undefined
}
