import t from 'tap'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'
import { chromiumAvailable, CHROMIUM_PATH, isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'

const APP_INDEX = join(import.meta.dirname, '..', '..', 'browser', 'dist', 'index.html')

t.test('the start page lists followed channels; an offline channel says so; a burst of chat is refused with the rate limit\'s reason; a viewer follows a list; an identity moves between browsers as text', async t => {
  if (!chromiumAvailable() || !existsSync(APP_INDEX)) {
    t.fail(`needs Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium) and the built app (npm run build)`)
    return
  }
  const { dir, remove } = await tempDir('swarmcast-browser-')
  t.teardown(remove)
  const { channelId } = JSON.parse((await runCli(['channel', 'create', 'quiet', '--json', '--data', join(dir, 'owner')])).stdout) as { channelId: string }
  const relay = new CliProcess(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--follow', channelId, '--data', join(dir, 'relay')])
  t.teardown(async () => { await relay.stop() })
  const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 30_000)

  const browser = await launchChromium(t)
  const first = await isolatedPage(browser, 'first')
  first.page.on('dialog', (dialog) => { void dialog.accept() })
  await first.page.goto(`${httpUrl}/`)
  const link = first.page.getByRole('link', { name: channelId })
  await link.waitFor({ timeout: 30_000 })
  t.pass('the start page links the channel the relay follows')
  await link.click()
  await first.page.waitForURL(`${httpUrl}/c/${channelId}`)
  await waitInPage(first.page, 'the channel page to join', () => window.swarmcast.phase === 'ready' || window.swarmcast.error)
  t.equal(await first.page.evaluate(() => window.swarmcast.error), null, 'the channel page joined')
  await first.page.getByText('The stream is offline').waitFor({ timeout: 30_000 })
  t.pass('with nobody streaming, the player says the stream is offline')

  // sending faster than the channel allows is refused with the core's reason (the relay is the chat peer here)
  const input = first.page.getByRole('textbox', { name: 'Message', exact: true })
  let limited = false
  for (let i = 0; i < 20 && !limited; i++) {
    await input.fill(`line ${i}`)
    await input.press('Enter')
    await first.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#chat-input')?.value ?? '') === '' || document.querySelector('.chat-feedback.is-error') != null, undefined, { timeout: 20_000 })
    limited = (await first.page.evaluate(() => document.querySelector('.chat-feedback.is-error')?.textContent ?? '')).startsWith('Slow down')
  }
  // The box sends one line at a time and waits for a peer to take it, so when each send
  // takes longer than the limit's refill (a loaded machine) the limit is never reached:
  // then every line must have gone out. Either way nothing is lost silently.
  const sentLines = limited ? 1 : 20
  t.comment(limited ? 'the burst reached the rate limit' : 'sends were slower than the limit refills: no limit reached')
  if (limited) t.pass('a burst of messages ends in "Slow down …" feedback from the rate limit')
  for (let i = 0; i < sentLines; i++) {
    t.equal(await first.page.locator('.chat-line', { hasText: new RegExp(`\\bline ${i}\\b`) }).count(), 1, `line ${i} was sent and shown`)
  }

  // following an extra moderation list
  const listKey = await first.page.evaluate(() => window.swarmcast.identity?.key)
  await first.page.locator('summary', { hasText: 'Moderation' }).click()
  await first.page.getByLabel(/Follow a moderation list/).fill('12D3KooWnotakey')
  await first.page.getByRole('button', { name: 'Follow', exact: true }).click()
  await first.page.locator('.mod-feedback.is-error').waitFor({ timeout: 10_000 })
  await first.page.getByLabel(/Follow a moderation list/).fill(listKey!)
  await first.page.getByRole('button', { name: 'Follow', exact: true }).click()
  await first.page.getByText('Lists you follow (1)').waitFor({ timeout: 10_000 })
  t.pass('a viewer follows an extra moderation list by key (and a peer id is refused)')

  // export the identity as text, import it in another browser
  await first.page.locator('summary', { hasText: 'Your identity' }).click()
  await first.page.getByRole('button', { name: 'Export identity…' }).click()
  const exported = await first.page.getByLabel('Exported identity (secret)').inputValue()
  t.match(exported, /^swarmcast-identity-v1:[1-9A-HJ-NP-Za-km-z]+$/, 'the export is prefixed base58 text')
  const key = await first.page.evaluate(() => window.swarmcast.identity?.key)

  const second = await isolatedPage(browser, 'second')
  second.page.on('dialog', (dialog) => { void dialog.accept() })
  await second.page.goto(`${httpUrl}/c/${channelId}`)
  await waitInPage(second.page, 'the second browser to join', () => window.swarmcast.phase === 'ready')
  t.not(await second.page.evaluate(() => window.swarmcast.identity?.key), key, 'a new browser starts with its own identity')
  await second.page.locator('summary', { hasText: 'Your identity' }).click()
  await second.page.getByLabel('Import an identity').fill('not an identity')
  await second.page.getByRole('button', { name: 'Import and reload' }).click()
  await second.page.getByText('this is not an exported identity').waitFor({ timeout: 10_000 })
  t.pass('text that is not an export is refused, saying why')
  await second.page.getByLabel('Import an identity').fill(exported)
  await Promise.all([second.page.waitForEvent('load'), second.page.getByRole('button', { name: 'Import and reload' }).click()])
  await waitInPage(second.page, 'the second browser to join again', () => window.swarmcast.phase === 'ready')
  t.equal(await second.page.evaluate(() => window.swarmcast.identity?.key), key, 'after the import the second browser signs as the first')

  t.same([...first.errors, ...second.errors], [], 'no uncaught errors in the pages')
  await browser.close()
})
