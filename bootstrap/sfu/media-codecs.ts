import type { types } from 'mediasoup'

/**
 * The codecs every channel router offers: VP8 (what the streamer's feed sends
 * and every WebRTC browser decodes) and Opus; H.264 when asked for (a feed that
 * sends it avoids a second encode, but not every browser build decodes it).
 */
export function sfuMediaCodecs (options: { h264?: boolean } = {}): types.RouterRtpCodecCapability[] {
  const codecs: types.RouterRtpCodecCapability[] = [
    { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
    { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } }
  ]
  if (options.h264 === true) {
    codecs.push({
      kind: 'video',
      mimeType: 'video/H264',
      clockRate: 90000,
      parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 }
    })
  }
  return codecs
}
