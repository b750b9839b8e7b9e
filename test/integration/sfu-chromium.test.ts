import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChannelId } from '../../src/channel/index.ts'
import { startSfuFeed } from '../../node/sfu/index.ts'
import { sfuSkipReason, sfuTestRelay, sfuTestPeer } from '../helpers/sfu.ts'
import { buildSfuPage } from '../helpers/sfu-page/build.ts'
import { serveStatic } from '../helpers/static-server.ts'
import { chromiumAvailable, CHROMIUM_PATH, isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'
import { nextEvent, waitFor } from '../helpers/wait.ts'
import type { Page } from 'playwright-core'
import type { SfuFeed } from '../../node/sfu/index.ts'
import type { SfuService } from '../../bootstrap/sfu/index.ts'
import type { Test } from 'tap'
import '../helpers/sfu-page/page-api.ts'

const skip = await sfuSkipReason()

/** Frames presented and inbound packets, as the page counts them. */
async function progress (page: Page): Promise<{ frames: number, audio: number, video: number, sessions: number, state: string }> {
  return await page.evaluate(async () => ({ frames: window.sfuTest.frames, sessions: window.sfuTest.sessions, state: window.sfuTest.state, ...(await window.sfuTest.packets()) }))
}

/** Polls `fn(arg)` in the page until it is truthy; fails after `timeoutMs` saying `what`. */
async function waitInPageFor (page: Page, what: string, fn: (arg: number) => boolean, arg: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await page.evaluate(fn, arg).catch(() => false)) return
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (page: ${JSON.stringify(await progress(page).catch(() => null))})`)
}

/** Waits until the page presents `more` frames beyond what it has now; resolves with the ms it took. */
async function framesGrow (page: Page, what: string, more: number, timeoutMs: number): Promise<number> {
  const start = Date.now()
  const from = (await progress(page)).frames
  await waitInPageFor(page, what, (n: number) => window.sfuTest.frames >= n, from + more, timeoutMs)
  return Date.now() - start
}

/** SIGKILLs worker `index` and waits for the pool to start another in its slot. */
async function killWorker (t: Test, sfu: SfuService, index: number): Promise<void> {
  const before = sfu.stats().workers[index]!
  t.ok(before.pid != null, `worker ${index} runs (pid ${before.pid})`)
  process.kill(before.pid!, 'SIGKILL')
  await waitFor(() => { const w = sfu.stats().workers[index]!; return w.pid != null && w.pid !== before.pid }, `worker ${index} to be restarted`, 15_000)
}

t.test('streamer (testsrc) → relay SFU → Chromium over WebRTC: video frames and audio packets; consumers recover from killed workers', { skip }, async t => {
  if (!chromiumAvailable()) {
    t.fail(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium (or set SWARMCAST_CHROMIUM)`)
    return
  }
  // two workers, and every viewer spread off the producer's worker: the path goes through pipeToRouter
  const relay = await sfuTestRelay(t, { workers: 2, spreadAbove: 0 })
  const sfu = relay.node.services.sfu
  const streamer = await sfuTestPeer(t, 'streamer', relay.tcp)
  const channel = ChannelId.derive(streamer.identity.publicKey, 'sfu-browser')

  const feed = await startSfuFeed({ node: streamer.node, identity: streamer.identity, channel, input: { kind: 'testsrc' }, bootstrap: [relay.tcp], videoSize: '640x360', bitrate: 800_000, fps: 25 }) as SfuFeed
  t.ok(feed != null, 'the streamer finds the SFU among its relay\'s protocols')
  t.teardown(feed.close)
  await waitFor(() => feed.status.state === 'producing', 'the feed to produce', 20_000)

  const dist = await mkdtemp(join(tmpdir(), 'swarmcast-sfu-page-'))
  t.teardown(async () => { await rm(dist, { recursive: true, force: true }) })
  await buildSfuPage(dist)
  const site = await serveStatic(dist)
  t.teardown(site.close)

  const browser = await launchChromium(t)
  const { page, errors, log } = await isolatedPage(browser, 'viewer')
  t.teardown(async () => { await page.evaluate(() => { window.sfuTest.close() }).catch(() => {}) })
  await page.goto(`${site.url}/?relay=${encodeURIComponent(relay.ws)}&channel=${channel.text}`)
  try {
    await waitInPage(page, 'the page node to reach the relay', () => window.sfuTest.phase !== 'start' && window.sfuTest.phase, 30_000)
    t.equal(await page.evaluate(() => window.sfuTest.error), null, 'the page node connected to the relay')
    const firstFrames = await framesGrow(page, 'video frames from the SFU', 25, 45_000)
    t.pass(`the page presents video frames (first 25 within ${firstFrames} ms of looking)`)
    t.ok((await page.evaluate(() => window.sfuTest.decodedFrames())) > 0, 'getVideoPlaybackQuality counts decoded frames')
    await waitInPage(page, 'audio packets', async () => (await window.sfuTest.packets()).audio > 0, 15_000)
    t.pass('inbound-rtp audio packetsReceived > 0')
    const transportId = await page.evaluate(() => window.sfuTest.transportId()) as string
    const producerWorker = sfu.producerWorker(channel)!
    const viewerWorker = sfu.transportWorker(transportId)!
    t.not(viewerWorker, producerWorker, 'the viewer consumes on the other worker, piped from the producer\'s')

    // the producer's worker dies: the streamer produces again, the viewer consumes again
    const epoch = feed.epoch
    const sessions0 = (await progress(page)).sessions
    const produced = nextEvent<{ epoch: number, ffmpegRestarted: boolean }>(feed.events, 'produced', 20_000)
    const killedAt = Date.now()
    await killWorker(t, sfu, producerWorker)
    const again = await produced
    t.ok(again.epoch > epoch, `the streamer produced again (epoch ${epoch} → ${again.epoch}, ffmpeg ${again.ffmpegRestarted ? 'restarted' : 'kept running: same ports'})`)
    await waitInPageFor(page, 'a new SFU session', (n: number) => window.sfuTest.sessions > n, sessions0, 20_000)
    await framesGrow(page, 'frames after the producer worker was killed', 15, 20_000)
    const recovery1 = Date.now() - killedAt
    t.ok(recovery1 < 15_000, `frames flow again ${recovery1} ms after the producer's worker was killed`)

    // the viewer's worker dies: the viewer sets up a new transport elsewhere
    const sessions = (await progress(page)).sessions
    const viewerWorkerNow = sfu.transportWorker(await page.evaluate(() => window.sfuTest.transportId()) as string)!
    const killed2At = Date.now()
    await killWorker(t, sfu, viewerWorkerNow)
    await waitInPageFor(page, 'a new SFU session after the viewer worker died', (n: number) => window.sfuTest.sessions > n, sessions, 20_000)
    await framesGrow(page, 'frames after the viewer worker was killed', 15, 20_000)
    const recovery2 = Date.now() - killed2At
    t.ok(recovery2 < 15_000, `frames flow again ${recovery2} ms after the viewer's worker was killed`)
    await waitInPage(page, 'audio after recovery', async () => (await window.sfuTest.packets()).audio > 0, 10_000)
    t.pass('audio packets arrive on the new session')
    t.same(errors, [], 'no page errors')
  } catch (err) {
    t.comment(log.slice(-40).join('\n'))
    t.comment(JSON.stringify(await progress(page).catch(() => null)))
    t.comment(JSON.stringify(sfu.stats()))
    throw err
  }
})
