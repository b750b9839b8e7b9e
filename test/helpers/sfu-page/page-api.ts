/** What the SFU test page tells the test, on `window.sfuTest`. */
export interface SfuTestPageApi {
  phase: 'start' | 'connected' | 'failed'
  error: string | null
  /** The receiver's state: connecting, playing, waiting, closed. */
  state: string
  /** Sessions the receiver set up (1 + recoveries). */
  sessions: number
  /** Video frames presented (requestVideoFrameCallback), counted across sessions. */
  frames: number
  /** getVideoPlaybackQuality().totalVideoFrames of the element now (resets when srcObject changes). */
  decodedFrames: () => number
  /** inbound-rtp packetsReceived of the receive connection, by kind. */
  packets: () => Promise<{ audio: number, video: number }>
  transportId: () => string | undefined
  close: () => void
}

declare global {
  interface Window {
    sfuTest: SfuTestPageApi
  }
}
