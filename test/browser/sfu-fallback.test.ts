import t from 'tap'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { startRelay } from '../../bootstrap/index.ts'
import { checkSfuAvailable } from '../../bootstrap/sfu/index.ts'
import { openStore } from '../../src/store/index.ts'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'
import { chromiumAvailable, CHROMIUM_PATH, isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'
import type { Page } from 'playwright-core'

const APP_INDEX = join(import.meta.dirname, '..', '..', 'browser', 'dist', 'index.html')
/** Where screenshots are saved (gitignored). */
const ARTIFACTS = join(import.meta.dirname, 'artifacts')
const LOOPBACK = { SWARMCAST_HOST: '127.0.0.1' }

// The SFU tests skip only when no mediasoup worker binary exists here.
const sfuFound = await checkSfuAvailable()
const skip = sfuFound.available ? false : `no usable mediasoup worker: ${sfuFound.message}`
if (skip !== false) process.stderr.write(`SFU browser tests skipped: ${skip}\n`)

/** A port range of its own, away from the SFU's default 40000-40999 other tests use (mediasoup skips busy ports in it anyway). */
function sfuPortRange (): { rtcMinPort: number, rtcMaxPort: number } {
  const min = 42_000 + Math.floor(Math.random() * 60) * 100
  return { rtcMinPort: min, rtcMaxPort: min + 99 }
}

const stats = async (page: Page) => await page.evaluate(() => window.swarmcast.stats())

/** Frames the SFU element decoded (getVideoPlaybackQuality of <video data-path="sfu">). */
const sfuElementFrames = async (page: Page): Promise<number> => await page.evaluate(() => {
  const v = document.querySelector<HTMLVideoElement>('video[data-path="sfu"]')
  return v?.getVideoPlaybackQuality().totalVideoFrames ?? 0
})

/** Waits until the page's shown video decoded `more` frames beyond now (on the path `path`). */
async function framesGrow (page: Page, path: string, more: number, timeoutMs: number): Promise<{ from: number, to: number }> {
  const from = (await stats(page))?.video?.framesDecoded ?? 0
  const to = await waitInPage(page, `${more} more decoded frames on the ${path} path`, ([p, n]) => {
    const s = window.swarmcast.stats()
    return s?.path === p && (s.video?.framesDecoded ?? 0) >= n ? s.video?.framesDecoded : false
  }, timeoutMs, [path, from + more] as const)
  return { from, to: to as number }
}

t.test('the viewer app plays from the relay\'s SFU: on its own when MSE is missing, and with the "Low latency" switch', { skip }, async t => {
  if (!sfuFound.available) return
  if (!chromiumAvailable() || !existsSync(APP_INDEX)) {
    t.fail(`needs Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium) and the built app (npm run build)`)
    return
  }
  const { dir, remove } = await tempDir('swarmcast-browser-sfu-')
  t.teardown(remove)
  const owner = join(dir, 'owner')
  const created = await runCli(['channel', 'create', 'sfu-fallback', '--json', '--data', owner])
  if (created.code !== 0) throw new Error(`channel create failed:\n${created.stderr}`)
  const { channelId } = JSON.parse(created.stdout) as { channelId: string }

  // a relay with the SFU, in this process (not following the channel: MSE segments come peer to peer)
  const store = await openStore(join(dir, 'relay-store'))
  const relay = await startRelay({
    privateKey: await generateKeyPair('Ed25519'),
    host: '127.0.0.1',
    tcpPort: 0,
    wsPort: 0,
    httpPort: 0,
    store,
    name: 'sfu-relay',
    sfu: { workers: 1, workerBin: sfuFound.workerBin, ...sfuPortRange() }
  })
  t.teardown(async () => { await relay.stop(); await store.close() })
  const tcpAddr = relay.addrs().find(a => !a.includes('/ws'))!

  const stream = new CliProcess(['stream', '--channel', channelId, '--bootstrap', tcpAddr, '--data', owner, '--input', 'testsrc', '--size', '320x180', '--bitrate', '400k', '--http', '0', '--json'], LOOPBACK)
  t.teardown(async () => { await stream.stop() })
  await stream.waitForLine(l => l.includes('"type":"sfu"') && l.includes('"state":"producing"'), 60_000)
  await stream.waitForLine(l => l.includes('"type":"segment"'), 60_000)
  t.pass('the streamer seeds segments and feeds the relay\'s SFU')

  const browser = await launchChromium(t)
  const url = `${relay.httpUrl!}/c/${channelId}`

  t.test('a page without MSE falls back to the SFU on its own', async t => {
    const { context, page, errors, log } = await isolatedPage(browser, 'no-mse')
    t.teardown(async () => { await context.close().catch(() => {}) })
    await page.addInitScript(() => {
      const w = window as { MediaSource?: unknown, ManagedMediaSource?: unknown }
      delete w.MediaSource
      delete w.ManagedMediaSource
    })
    try {
      await page.goto(url)
      t.equal(await page.evaluate(() => typeof (window as { MediaSource?: unknown }).MediaSource), 'undefined', 'the page has no MediaSource')
      await waitInPage(page, 'the page to join', () => window.swarmcast.phase === 'ready' || window.swarmcast.error)
      t.equal(await page.evaluate(() => window.swarmcast.error), null, 'the page joined')
      await waitInPage(page, 'the SFU path', () => window.swarmcast.stats()?.path === 'sfu', 60_000)
      const s = await stats(page)
      t.equal(s?.pathReason, 'no-mse', 'the stats say why: no MSE')
      const { from, to } = await framesGrow(page, 'sfu', 25, 45_000)
      t.pass(`the video element decodes frames from the SFU (${from} → ${to})`)
      t.ok(await sfuElementFrames(page) > 0, 'getVideoPlaybackQuality of the SFU element counts them')
      await waitInPage(page, 'audio packets over WebRTC', () => (window.swarmcast.stats()?.sfu?.audioPacketsReceived ?? 0) > 0, 15_000)
      const after = await stats(page)
      t.ok((after?.sfu?.audioPacketsReceived ?? 0) > 0 && (after?.sfu?.framesDecoded ?? 0) > 0, `inbound-rtp: ${after?.sfu?.audioPacketsReceived} audio packets, ${after?.sfu?.framesDecoded} video frames decoded, ${after?.sfu?.packetsLost} lost, jitter ${after?.sfu?.jitterMs} ms, RTT ${after?.sfu?.rttMs} ms`)
      t.equal(after?.path, 'sfu', 'the stats say path "sfu"')
      t.pass(`first SFU frame ${after?.sfu?.firstFrameAfterMs} ms after the fallback (${after?.video?.firstFrameMs} ms after navigation start)`)
      await t.resolves(page.locator('.player-path', { hasText: 'Playing via the relay\'s SFU: this browser cannot play the P2P stream' }).waitFor({ timeout: 5_000 }), 'the player says why it plays via the SFU')
      const toggle = page.getByRole('button', { name: 'Low latency' })
      t.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the "Low latency" switch shows on')
      t.ok(await toggle.isDisabled(), 'and cannot be switched off: MSE cannot play here')
      t.equal(await page.locator('.player-overlay-error').count(), 0, 'no player error shows')
      t.same(errors, [], 'no uncaught errors in the page')
    } catch (err) {
      t.comment(log.slice(-30).join('\n'))
      t.comment(JSON.stringify(await stats(page).catch(() => null)))
      throw err
    }
  })

  t.test('a normal page switches "Low latency" on (SFU) and off (MSE again)', async t => {
    const { context, page, errors, log } = await isolatedPage(browser, 'toggle')
    t.teardown(async () => { await context.close().catch(() => {}) })
    try {
      await page.goto(url)
      await waitInPage(page, 'MSE playback', () => {
        const s = window.swarmcast.stats()
        return s != null && s.path !== 'sfu' && (s.video?.playedS ?? 0) >= 2
      }, 90_000)
      t.match((await stats(page))?.path, /^(p2p|origin)$/, 'the page plays P2P/MSE first')
      const toggle = page.getByRole('button', { name: 'Low latency' })
      await toggle.waitFor({ timeout: 20_000 })
      t.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the "Low latency" switch shows, off')

      // keyboard: focus the switch and press Enter
      await toggle.focus()
      await page.keyboard.press('Enter')
      await waitInPage(page, 'the SFU path', () => window.swarmcast.stats()?.path === 'sfu', 45_000)
      t.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the switch shows on')
      t.equal((await stats(page))?.pathReason, 'user', 'the stats say the user chose it')
      const { from, to } = await framesGrow(page, 'sfu', 25, 45_000)
      t.pass(`frames increase on the SFU path (${from} → ${to}); first SFU frame ${(await stats(page))?.sfu?.firstFrameAfterMs} ms after switching`)
      await mkdir(ARTIFACTS, { recursive: true })
      await page.screenshot({ path: join(ARTIFACTS, 'sfu-low-latency.png'), fullPage: true })
      await page.setViewportSize({ width: 390, height: 844 })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      await page.screenshot({ path: join(ARTIFACTS, 'sfu-low-latency-phone.png'), fullPage: true })
      t.ok(overflow <= 0, `no sideways scrolling at 390 px wide with the switch (overflow ${overflow} px); screenshots sfu-low-latency.png, sfu-low-latency-phone.png`)
      await page.setViewportSize({ width: 1280, height: 800 })
      const mseSrc = await page.evaluate(() => document.querySelector<HTMLVideoElement>('video[data-path="mse"]')?.getAttribute('src') ?? null)
      t.equal(mseSrc, null, 'the MSE feeder stopped (its element is detached)')

      // off again, with the space bar
      await toggle.focus()
      await page.keyboard.press('Space')
      await waitInPage(page, 'the MSE path again', () => window.swarmcast.stats()?.path !== 'sfu', 20_000)
      t.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the switch shows off')
      const t0 = (await stats(page))?.video?.currentTime ?? 0
      const t1 = await waitInPage(page, 'MSE currentTime to advance 3 s', (from) => {
        const v = window.swarmcast.stats()?.video
        return window.swarmcast.stats()?.path !== 'sfu' && v != null && v.error == null && v.currentTime >= from + 3 ? v.currentTime : false
      }, 45_000, t0)
      t.pass(`MSE playback resumed: currentTime ${t0.toFixed(1)} → ${(t1 as number).toFixed(1)}`)
      t.equal((await stats(page))?.sfu, null, 'the SFU receiver is closed')
      t.same(errors, [], 'no uncaught errors in the page')
    } catch (err) {
      t.comment(log.slice(-30).join('\n'))
      t.comment(JSON.stringify(await stats(page).catch(() => null)))
      throw err
    }
  })
})
