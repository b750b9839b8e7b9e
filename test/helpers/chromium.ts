import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Test } from 'tap'

/** Debian's Chromium (apt-get install chromium); SWARMCAST_CHROMIUM overrides. */
export const CHROMIUM_PATH = process.env.SWARMCAST_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Flags that work here as root, headless, on a shared box (see FIELD-NOTES).
 * Playwright gives every launch a fresh temporary user-data-dir of its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // a hidden or background tab must keep playing and sharing like a visible one
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows'
]

export function chromiumAvailable (): boolean {
  return existsSync(CHROMIUM_PATH)
}

/** Launches headless Chromium, closed at the end of `t` (or by the caller). */
export async function launchChromium (t?: Test): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 })
  t?.teardown(async () => { await browser.close().catch(() => {}) })
  return browser
}

/**
 * A new page in its own browser context: its own IndexedDB, so its own
 * swarmcast identity, like a different person's browser. Console errors and
 * page errors are collected in `errors`.
 */
export async function isolatedPage (browser: Browser, name: string): Promise<{ context: BrowserContext, page: Page, errors: string[], log: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const errors: string[] = []
  const log: string[] = []
  page.on('pageerror', (err) => { errors.push(`${name}: ${err.message}`) })
  page.on('console', (msg) => {
    log.push(`${name} ${msg.type()}: ${msg.text()}`)
    if (log.length > 500) log.shift()
  })
  return { context, page, errors, log }
}

/**
 * Polls `fn` in the page (with `arg`, if given) until it returns a truthy
 * value; fails after `timeoutMs` saying `what`.
 */
export async function waitInPage<T, A = undefined> (page: Page, what: string, fn: (arg: A) => T | Promise<T>, timeoutMs = 30_000, arg?: A): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      last = await page.evaluate(fn as (arg: unknown) => T | Promise<T>, arg as unknown)
      if (last != null && last !== false) return last as NonNullable<T>
    } catch (err) {
      last = err
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`)
}
