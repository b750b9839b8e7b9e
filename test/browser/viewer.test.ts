import t from 'tap'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'
import { chromiumAvailable, CHROMIUM_PATH, isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'
import type { Page } from 'playwright-core'
import type { Test } from 'tap'

const REPO = join(import.meta.dirname, '..', '..')
const APP_INDEX = join(REPO, 'browser', 'dist', 'index.html')
/** Where the screenshot of a playing page is saved (gitignored). */
const ARTIFACTS = join(import.meta.dirname, 'artifacts')

// every node the test starts listens on loopback only
const LOOPBACK = { SWARMCAST_HOST: '127.0.0.1' }

/** `swarmcast ARGS` must succeed; resolves with its stdout. */
async function cli (args: string[], what: string): Promise<string> {
  const r = await runCli(args, LOOPBACK, 90_000)
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stderr}`)
  return r.stdout
}

async function idOf (dir: string): Promise<string> {
  return (JSON.parse(await cli(['id', '--json', '--data', dir], 'swarmcast id')) as { key: string }).key
}

/** A relay on free loopback ports (not following the channel: segments must go peer to peer). */
async function startRelay (t: Test, dir: string): Promise<{ tcpAddr: string, httpUrl: string }> {
  const relay = new CliProcess(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--data', dir])
  t.teardown(async () => { await relay.stop() })
  const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 30_000)
  const tcpAddr = relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws'))
  if (tcpAddr == null) throw new Error(`the relay printed no TCP address:\n${relay.stdout.join('\n')}`)
  return { tcpAddr, httpUrl }
}

const stats = async (page: Page) => await page.evaluate(() => window.swarmcast.stats())
const shownTexts = async (page: Page): Promise<Array<{ author: string, text: string }>> => await page.evaluate(() => window.swarmcast.chat().map(m => ({ author: m.author, text: m.text })))

t.test('two tabs play a testsrc stream, share segments over WebRTC, chat and moderate with the CLI, and keep identity and history across a reload', async t => {
  if (!chromiumAvailable()) {
    t.fail(`Chromium is missing at ${CHROMIUM_PATH}: apt-get install -y chromium (or set SWARMCAST_CHROMIUM)`)
    return
  }
  if (!existsSync(APP_INDEX)) {
    t.fail(`the web app is not built (${APP_INDEX} is missing): run npm run build`)
    return
  }
  const { dir, remove } = await tempDir('swarmcast-browser-')
  t.teardown(remove)
  const owner = join(dir, 'owner')
  const moderator = join(dir, 'moderator')
  const chatter = join(dir, 'chatter')
  const { channelId } = JSON.parse(await cli(['channel', 'create', 'browser-test', '--json', '--data', owner], 'channel create')) as { channelId: string }
  const [modKey, chatterKey] = [await idOf(moderator), await idOf(chatter)]
  const { tcpAddr, httpUrl } = await startRelay(t, join(dir, 'relay'))
  const boot = ['--channel', channelId, '--bootstrap', tcpAddr]

  // two people's browsers: separate contexts, separate IndexedDB, separate identities
  const browser = await launchChromium(t)
  const a = await isolatedPage(browser, 'A')
  const b = await isolatedPage(browser, 'B')
  const url = `${httpUrl}/c/${channelId}`
  await Promise.all([a.page.goto(url), b.page.goto(url)])
  for (const p of [a, b]) await waitInPage(p.page, 'the page to join', () => window.swarmcast.phase === 'ready' || window.swarmcast.error)
  t.equal(await a.page.evaluate(() => window.swarmcast.error), null, 'page A joined without error')
  t.equal(await b.page.evaluate(() => window.swarmcast.error), null, 'page B joined without error')
  const [aPeer, bPeer] = [await a.page.evaluate(() => window.swarmcast.peerId), await b.page.evaluate(() => window.swarmcast.peerId)]
  const aKey = await a.page.evaluate(() => window.swarmcast.identity?.key)
  t.ok(aKey != null && aPeer != null && bPeer != null, 'each page exposes its peer id and identity key')

  // the owner makes a moderator; the pages are the channel's peers that take the grant
  await cli(['mod', 'grant', ...boot, '--to', modKey, '--rights', 'ban,mute,delegate', '--data', owner], 'mod grant')

  const stream = new CliProcess(['stream', ...boot, '--data', owner, '--input', 'testsrc', '--size', '320x180', '--bitrate', '400k', '--http', '0', '--json'], LOOPBACK)
  t.teardown(async () => { await stream.stop() })
  await stream.waitForLine(l => l.includes('"type":"segment"'), 60_000)
  // a CLI reader in the channel, for the page's message
  const reader = new CliProcess(['chat', ...boot, '--json', '--history', '0', '--data', join(dir, 'reader')], LOOPBACK)
  t.teardown(async () => { await reader.stop() })

  for (const [name, p] of [['A', a], ['B', b]] as const) {
    await waitInPage(p.page, `page ${name} to play 5 s of video`, () => {
      const v = window.swarmcast.stats()?.video
      return v != null && v.error == null && v.playedS >= 5
    }, 90_000)
    const v = (await stats(p.page))?.video
    t.ok(v != null && v.playedS >= 5 && v.error == null, `page ${name} played ${v?.playedS.toFixed(1)} s (currentTime ${v?.currentTime.toFixed(1)}), no media error`)
    t.equal(await p.page.locator('.player-overlay-error').count(), 0, `page ${name} shows no player error`)
  }

  const shared = async (): Promise<{ toA: number, toB: number }> => {
    const [sa, sb] = [await stats(a.page), await stats(b.page)]
    const viaWebRtc = (from: { segments: number, via: string } | undefined): number => from?.via === 'webrtc' ? from.segments : 0
    return { toA: viaWebRtc(sa?.receivedFrom[bPeer!]), toB: viaWebRtc(sb?.receivedFrom[aPeer!]) }
  }
  const deadline = Date.now() + 60_000
  let between = await shared()
  while (between.toA + between.toB === 0 && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 500))
    between = await shared()
  }
  t.ok(between.toA + between.toB >= 1, `segments went browser to browser over WebRTC (B→A ${between.toA}, A→B ${between.toB})`)

  // chat from the CLI shows in both pages
  const cliLine = `hello from the cli ${Date.now()}`
  await cli(['chat', ...boot, '--send', cliLine, '--nick', 'clibot', '--data', chatter], 'chat --send')
  for (const [name, p] of [['A', a], ['B', b]] as const) {
    await p.page.locator('.chat-line', { hasText: cliLine }).waitFor({ timeout: 30_000 })
    t.ok((await shownTexts(p.page)).some(m => m.text === cliLine && m.author === chatterKey), `page ${name} shows the CLI's message, by its key`)
  }

  // a page's message reaches the CLI
  const pageLine = `hello from page A ${Date.now()}`
  await a.page.getByRole('textbox', { name: 'Message', exact: true }).fill(pageLine)
  await a.page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter')
  const got = JSON.parse(await reader.waitForLine(l => l.includes(pageLine), 30_000)) as { author: string, text: string }
  t.same({ author: got.author, text: got.text }, { author: aKey, text: pageLine }, 'the CLI reader got page A\'s message, signed by its identity')

  // a ban from the CLI hides the author in both pages, lines already shown included
  await cli(['mod', 'ban', ...boot, '--user', chatterKey, '--reason', 'test', '--data', moderator], 'mod ban')
  for (const [name, p] of [['A', a], ['B', b]] as const) {
    await p.page.locator(`.chat-line[data-author="${chatterKey}"]`).waitFor({ state: 'detached', timeout: 30_000 })
    t.notOk((await shownTexts(p.page)).some(m => m.author === chatterKey), `page ${name} hides every line of the banned author`)
  }

  await mkdir(ARTIFACTS, { recursive: true })
  await b.page.locator('details.panel summary', { hasText: 'Moderation' }).click()
  await b.page.screenshot({ path: join(ARTIFACTS, 'viewer.png'), fullPage: true })
  t.pass(`screenshot of page B saved to ${join(ARTIFACTS, 'viewer.png')}`)

  // a reload keeps the identity (IndexedDB) and shows the history, still without the banned author
  await a.page.reload()
  await waitInPage(a.page, 'page A to join again', () => window.swarmcast.phase === 'ready' || window.swarmcast.error)
  t.equal(await a.page.evaluate(() => window.swarmcast.identity?.key), aKey, 'page A has the same identity after a reload')
  await a.page.locator('.chat-line', { hasText: pageLine }).waitFor({ timeout: 30_000 })
  t.ok((await shownTexts(a.page)).some(m => m.text === pageLine), 'page A shows its earlier message from history')
  t.notOk((await shownTexts(a.page)).some(m => m.author === chatterKey), 'the banned author stays hidden after the reload')

  // a page whose identity holds a grant moderates from the chat lines
  const bKey = await b.page.evaluate(() => window.swarmcast.identity?.key)
  await cli(['mod', 'grant', ...boot, '--to', bKey!, '--rights', 'ban,mute', '--data', moderator], 'mod grant to page B')
  const aLineInB = b.page.locator('.chat-line', { hasText: pageLine })
  await aLineInB.getByRole('button', { name: /^Mute / }).waitFor({ timeout: 30_000 })
  t.equal(await a.page.locator('.mod-buttons').count(), 0, 'page A, a plain viewer, has no moderation buttons')
  await aLineInB.getByRole('button', { name: /^Mute / }).click()
  await aLineInB.waitFor({ state: 'detached', timeout: 30_000 })
  await a.page.locator('.chat-line', { hasText: pageLine }).waitFor({ state: 'detached', timeout: 30_000 })
  t.pass('page B muted page A from its chat line: A\'s line is hidden in both pages')

  // the layout holds at a phone's width
  await b.page.setViewportSize({ width: 390, height: 844 })
  await b.page.screenshot({ path: join(ARTIFACTS, 'viewer-phone.png'), fullPage: true })
  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  t.ok(overflow <= 0, `no sideways scrolling at 390 px wide (overflow ${overflow} px); screenshot viewer-phone.png`)

  t.same([...a.errors, ...b.errors], [], 'no uncaught errors in the pages')
  await browser.close()
})
