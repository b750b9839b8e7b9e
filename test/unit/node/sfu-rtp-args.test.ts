import t from 'tap'
import { rtpFeedArgs, feedRtpParameters, randomSsrcs, VP8_PAYLOAD_TYPE, OPUS_PAYLOAD_TYPE } from '../../../node/sfu/index.ts'

const dest = (port: number): { ip: string, port: number, rtcpPort: number } => ({ ip: '203.0.113.5', port, rtcpPort: port + 1 })

t.test('the feed sends what its produce rtpParameters say: SSRCs, payload types, codecs', async t => {
  const ssrcs = randomSsrcs()
  t.ok(ssrcs.video !== ssrcs.audio && [ssrcs.video, ssrcs.audio].every(s => s >= 1 && s < 2 ** 31), 'distinct SSRCs within ffmpeg\'s signed option range')
  const args = rtpFeedArgs({ input: { kind: 'testsrc' }, video: dest(40000), audio: dest(40002), ssrcs, bitrate: 2_500_000, videoSize: '1280x720', fps: 30 })
  const after = (flag: string, from = 0): string | undefined => args[args.indexOf(flag, from) + 1]
  t.equal(after('-c:v'), 'libvpx')
  t.equal(after('-deadline'), 'realtime')
  t.equal(after('-cpu-used'), '8')
  t.equal(after('-c:a'), 'libopus')
  t.equal(after('-g'), '30', 'a key frame every second (ffmpeg cannot answer PLI)')
  const ssrcAt = args.indexOf('-ssrc')
  t.equal(after('-ssrc'), String(ssrcs.video))
  t.equal(after('-payload_type'), String(VP8_PAYLOAD_TYPE))
  t.equal(after('-ssrc', ssrcAt + 1), String(ssrcs.audio))
  t.equal(after('-payload_type', args.indexOf('-payload_type') + 1), String(OPUS_PAYLOAD_TYPE))
  t.ok(args.includes('rtp://203.0.113.5:40000?rtcpport=40001&pkt_size=1200') && args.includes('rtp://203.0.113.5:40002?rtcpport=40003&pkt_size=1200'), 'RTP and RTCP go to the targets the SFU gave')
  const rtp = feedRtpParameters(ssrcs)
  t.same(rtp.video.encodings, [{ ssrc: ssrcs.video }])
  t.equal(rtp.video.codecs[0]?.payloadType, VP8_PAYLOAD_TYPE)
  t.equal(rtp.audio.codecs[0]?.payloadType, OPUS_PAYLOAD_TYPE)
  t.equal(rtp.audio.codecs[0]?.mimeType, 'audio/opus')
})

t.test('an RTMP input is not fed by a second ffmpeg', async t => {
  t.throws(() => rtpFeedArgs({ input: { kind: 'rtmp', url: 'rtmp://0.0.0.0:1935/live/k' }, video: dest(1), audio: dest(3), ssrcs: { video: 1, audio: 2 }, bitrate: 1e6, videoSize: '640x360', fps: 30 }), /single|one publisher/)
})
