import t from 'tap'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'
import { freePort } from '../helpers/media.ts'
import { chromiumAvailable, CHROMIUM_PATH, isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'
import type { Test } from 'tap'

const APP_INDEX = join(import.meta.dirname, '..', '..', 'browser', 'dist', 'index.html')

t.test('when the relay goes away the tab keeps playing from its peers, and reconnects once the relay is back', async t => {
  if (!chromiumAvailable() || !existsSync(APP_INDEX)) {
    t.fail(`needs Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium) and the built app (npm run build)`)
    return
  }
  const { dir, remove } = await tempDir('swarmcast-browser-')
  t.teardown(remove)
  const owner = join(dir, 'owner')
  const { channelId } = JSON.parse((await runCli(['channel', 'create', 'reconnect', '--json', '--data', owner])).stdout) as { channelId: string }
  // fixed ports, so that the restarted relay is where the page looks for it
  const ports = { tcp: await freePort(), ws: await freePort(), http: await freePort() }
  const startRelay = async (t: Test): Promise<CliProcess> => {
    const relay = new CliProcess(['relay', '--tcp', String(ports.tcp), '--ws', String(ports.ws), '--http', String(ports.http), '--host', '127.0.0.1', '--data', join(dir, 'relay')])
    t.teardown(async () => { await relay.stop() })
    await relay.waitForLine(l => l.startsWith('http://'), 30_000)
    return relay
  }
  const relay = await startRelay(t)
  const tcpAddr = relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws'))!
  const stream = new CliProcess(['stream', '--channel', channelId, '--data', owner, '--input', 'testsrc', '--size', '320x180', '--bitrate', '400k', '--http', '0', '--json', '--bootstrap', tcpAddr], { SWARMCAST_HOST: '127.0.0.1' })
  t.teardown(async () => { await stream.stop() })
  await stream.waitForLine(l => l.includes('"type":"segment"'), 60_000)

  const browser = await launchChromium(t)
  const { page, errors } = await isolatedPage(browser, 'viewer')
  await page.goto(`http://127.0.0.1:${ports.http}/c/${channelId}`)
  await waitInPage(page, 'playback', () => (window.swarmcast.stats()?.video?.playedS ?? 0) > 2, 90_000)

  await relay.stop()
  await waitInPage(page, 'the page to notice the relay is gone', () => window.swarmcast.stats()?.relayConnected === false, 30_000)
  const before = await page.evaluate(() => window.swarmcast.stats()?.video?.playedS ?? 0)
  // the relay is gone, the streamer's WebRTC connection is not: playback goes on
  await page.waitForFunction((from) => (window.swarmcast.stats()?.video?.playedS ?? 0) - from >= 3, before, { timeout: 30_000, polling: 250 })
  const during = await page.evaluate(() => window.swarmcast.stats())
  t.ok(during?.relayConnected === false && during.video?.error == null, `played ${((during?.video?.playedS ?? 0) - before).toFixed(1)} s more while the relay was down, without error`)

  await startRelay(t)
  await waitInPage(page, 'the page to reconnect to the restarted relay', () => window.swarmcast.stats()?.relayConnected === true, 60_000)
  t.pass('the page reconnected to the relay on its own')
  t.same(errors, [], 'no uncaught errors in the page')
  await browser.close()
})
