// npm run bench -- browser
// The web app in Chromium: join-to-first-frame (navigation start → first rendered
// frame, from requestVideoFrameCallback) over LOADS fresh loads with P2P on and
// with `?p2p=0` (segment bytes from the HTTP origin only), the app's gzip size
// against a bare browser libp2p node bundled in the same run, and the CPU of a
// tab that watches. Setup as deployed: a relay that follows the channel and
// serves the app, a `swarmcast stream --input testsrc`, one resident viewer tab.
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'
import { isolatedPage, launchChromium, waitInPage } from '../helpers/chromium.ts'
import { report } from './report.ts'
import type { Browser } from 'playwright-core'

const LOADS = Number(process.env.LOADS ?? 10)
const CPU_WINDOW_MS = Number(process.env.CPU_WINDOW_MS ?? 20_000)
const TARGET_P95_MS = 2_500
const TARGET_BUNDLE_KB = 400
const REPO = join(import.meta.dirname, '..', '..')
const LOOPBACK = { SWARMCAST_HOST: '127.0.0.1' }

function nearestRank (values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] as number
}

const gzipKB = (bytes: Uint8Array | string): number => gzipSync(bytes).byteLength / 1024

// --- bundle sizes: the app (built to browser/dist, which the relay serves) and the baseline
await build({ configFile: join(REPO, 'browser', 'vite.config.ts'), logLevel: 'warn' })
const dist = join(REPO, 'browser', 'dist')
const assets = readdirSync(join(dist, 'assets')).map(f => join(dist, 'assets', f))
const appFiles = [join(dist, 'index.html'), ...assets]
const appGzipKB = appFiles.reduce((sum, f) => sum + gzipKB(readFileSync(f)), 0)
const appJsGzipKB = assets.filter(f => f.endsWith('.js')).reduce((sum, f) => sum + gzipKB(readFileSync(f)), 0)
const { dir, remove } = await tempDir('swarmcast-bench-browser-')
const bareDir = join(dir, 'bare')
await mkdir(bareDir, { recursive: true })
await writeFile(join(bareDir, 'index.html'), `<!doctype html><script type="module" src="${join(REPO, 'test', 'bench', 'fixtures', 'bare-libp2p-browser.ts')}"></script>`)
const bare = await build({ root: bareDir, configFile: false, logLevel: 'warn', build: { write: false, target: 'es2023' } }) as { output: Array<{ type: string, code?: string }> }
const bareGzipKB = bare.output.filter(o => o.type === 'chunk').reduce((sum, o) => sum + gzipKB(o.code ?? ''), 0)

// --- the swarm: relay following the channel, streamer, one resident viewer
const owner = join(dir, 'owner')
const { channelId } = JSON.parse((await runCli(['channel', 'create', 'bench', '--json', '--data', owner])).stdout) as { channelId: string }
const relay = new CliProcess(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--follow', channelId, '--data', join(dir, 'relay')])
let browser: Browser | undefined
try {
  const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 30_000)
  const tcpAddr = relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws'))!
  const streamer = new CliProcess(['stream', '--channel', channelId, '--data', owner, '--input', 'testsrc', '--size', '640x360', '--bitrate', '1000k', '--http', '0', '--json', '--bootstrap', tcpAddr], LOOPBACK)
  try {
    // a window of segments to start from, as a viewer arriving mid-stream finds it
    let segments = 0
    await streamer.waitForLine(l => l.includes('"type":"segment"') && ++segments >= 8, 90_000)
    browser = await launchChromium()
    const url = `${httpUrl}/c/${channelId}`
    const resident = await isolatedPage(browser, 'resident')
    await resident.page.goto(url)
    await waitInPage(resident.page, 'the resident viewer to play', () => (window.swarmcast.stats()?.video?.playedS ?? 0) > 2, 60_000)

    const loads: Record<string, Array<{ firstFrameMs: number, p2pShare: number }>> = { 'P2P on': [], 'origin only': [] }
    for (let i = 0; i < LOADS; i++) {
      // alternate, so that drift on a shared machine hits both modes alike
      for (const [mode, query] of [['P2P on', ''], ['origin only', '?p2p=0']] as const) {
        const viewer = await isolatedPage(browser, mode)
        try {
          await viewer.page.goto(url + query)
          const firstFrameMs = await waitInPage(viewer.page, `first frame (${mode})`, () => window.swarmcast.stats()?.video?.firstFrameMs, 30_000)
          const share = await viewer.page.evaluate(() => window.swarmcast.stats()?.p2pShare ?? 0)
          loads[mode]!.push({ firstFrameMs, p2pShare: share })
          process.stderr.write(`${mode} load ${i + 1}: first frame after ${firstFrameMs} ms\n`)
        } finally {
          await viewer.context.close()
        }
      }
    }

    // CPU of one watching tab: the renderer's main thread (CDP TaskDuration) and the whole browser (every Chromium process)
    const cdp = await resident.context.newCDPSession(resident.page)
    await cdp.send('Performance.enable')
    const taskSeconds = async (): Promise<number> => ((await cdp.send('Performance.getMetrics')).metrics.find(m => m.name === 'TaskDuration')?.value ?? 0)
    const [task0, cpu0, t0] = [await taskSeconds(), chromiumCpuSeconds(), performance.now()]
    await new Promise(resolve => setTimeout(resolve, CPU_WINDOW_MS))
    const [task1, cpu1, t1] = [await taskSeconds(), chromiumCpuSeconds(), performance.now()]
    const wall = (t1 - t0) / 1000
    const mainThreadPct = 100 * (task1 - task0) / wall
    const browserPct = 100 * (cpu1 - cpu0) / wall
    const residentStats = await resident.page.evaluate(() => window.swarmcast.stats())

    const firstFrame = (mode: string): number[] => loads[mode]!.map(l => l.firstFrameMs)
    const p50 = (mode: string): number => nearestRank(firstFrame(mode), 0.5)
    const p95 = (mode: string): number => nearestRank(firstFrame(mode), 0.95)
    const rows = [
      { measure: 'join → first frame p50, P2P on', value: p50('P2P on'), unit: 'ms', target: '', vs: '' },
      { measure: 'join → first frame p95, P2P on', value: p95('P2P on'), unit: 'ms', target: `≤ ${TARGET_P95_MS}`, vs: p95('P2P on') <= TARGET_P95_MS ? 'ok' : 'over' },
      { measure: 'join → first frame p50, origin only', value: p50('origin only'), unit: 'ms', target: '', vs: '' },
      { measure: 'join → first frame p95, origin only', value: p95('origin only'), unit: 'ms', target: `≤ ${TARGET_P95_MS}`, vs: p95('origin only') <= TARGET_P95_MS ? 'ok' : 'over' },
      { measure: 'p50 P2P on ÷ origin only', value: p50('P2P on') / p50('origin only'), unit: '×', target: '', vs: '' },
      { measure: 'app bundle (html+js+css), gzip', value: appGzipKB, unit: 'KiB', target: `≤ ${TARGET_BUNDLE_KB}`, vs: appGzipKB <= TARGET_BUNDLE_KB ? 'ok' : 'over' },
      { measure: 'app JS only, gzip', value: appJsGzipKB, unit: 'KiB', target: '', vs: '' },
      { measure: 'bare browser libp2p node, gzip (baseline)', value: bareGzipKB, unit: 'KiB', target: '', vs: '' },
      { measure: 'app ÷ bare libp2p', value: appGzipKB / bareGzipKB, unit: '×', target: '', vs: '' },
      { measure: 'watching tab: renderer main thread', value: mainThreadPct, unit: '% of a core', target: '', vs: '' },
      { measure: 'watching tab: whole browser (all processes)', value: browserPct, unit: '% of a core', target: '', vs: '' }
    ]
    report('browser', rows, {
      loads: LOADS,
      cpuWindowMs: CPU_WINDOW_MS,
      stream: '640x360 testsrc, 1000 kbit/s, 1 s segments',
      samples: loads,
      residentP2pShare: residentStats?.p2pShare,
      note: 'first frame = performance.now() at the first requestVideoFrameCallback (ms since navigation start) in a fresh browser context (new identity, empty cache), relay following the channel; origin only = ?p2p=0 (announcements still come over libp2p, segment bytes over HTTP)'
    })
  } finally {
    await streamer.stop()
  }
} finally {
  await browser?.close().catch(() => {})
  await relay.stop()
  await remove()
}

// utime + stime of every Chromium process started by this one, in seconds
function chromiumCpuSeconds (): number {
  const children = new Map<number, number[]>()
  const stats = new Map<number, { comm: string, ticks: number }>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const close = text.lastIndexOf(')')
      const comm = text.slice(text.indexOf('(') + 1, close)
      const fields = text.slice(close + 2).split(' ')
      const ppid = Number(fields[1])
      stats.set(Number(entry), { comm, ticks: Number(fields[11]) + Number(fields[12]) })
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {}
  }
  let ticks = 0
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      const s = stats.get(child)
      if (s != null && /chrom/i.test(s.comm)) ticks += s.ticks
      walk(child)
    }
  }
  walk(process.pid)
  return ticks / 100 // USER_HZ is 100 on Linux
}
