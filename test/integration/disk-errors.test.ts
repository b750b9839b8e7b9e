import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli, tempDir } from '../helpers/cli.ts'
import type { Test } from 'tap'

// Root ignores file modes, so a read-only or full data dir is made for real:
// a small tmpfs mounted read-only, or filled to the last byte.
const canMount = process.getuid?.() === 0

async function mountTmpfs (t: Test, options: string): Promise<string> {
  const tmp = await tempDir()
  const dir = join(tmp.dir, 'mnt')
  await mkdir(dir)
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir])
  t.teardown(async () => {
    execFileSync('umount', [dir])
    await tmp.remove()
  })
  return dir
}

// Fills the file system holding `dir` until a write fails with ENOSPC.
async function fill (dir: string): Promise<void> {
  await writeFile(join(dir, 'filler'), Buffer.alloc(4 * 1024 * 1024)).catch((err: NodeJS.ErrnoException) => { if (err.code !== 'ENOSPC') throw err })
}

const relayArgs = ['--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1']

t.test('a read-only data dir gives one clear line and exit 1', { skip: canMount ? false : 'needs root to mount a read-only tmpfs' }, async t => {
  const dir = await mountTmpfs(t, 'ro,size=1m')
  for (const args of [['relay', ...relayArgs], ['id'], ['channel', 'create', 'demo']]) {
    const r = await runCli([...args, '--data', dir])
    t.equal(r.code, 1, `${args[0]} exits 1`)
    t.match(r.stderr, /cannot use data dir .*read-only file system \(EROFS\).*--data DIR/, `${args[0]} says the dir is read-only and what to do`)
    t.equal(r.stderr.trim().split('\n').length, 1, 'in one line')
  }
})

t.test('a full disk at first start gives a clear error; once space is back, the node starts', { skip: canMount ? false : 'needs root to mount a small tmpfs' }, async t => {
  const dir = await mountTmpfs(t, 'size=256k')
  await fill(dir)
  const r = await runCli(['relay', ...relayArgs, '--data', join(dir, 'data')])
  t.equal(r.code, 1)
  t.match(r.stderr, /cannot use data dir .*disk holding it is full.*\(ENOSPC\)/)
  execFileSync('rm', [join(dir, 'filler')])
  const ok = await runCli(['id', '--json', '--data', join(dir, 'data')])
  t.equal(ok.code, 0, 'with space freed the same dir works')
})

t.test('a full disk after the keys exist: a clear error, and the identity is intact after', { skip: canMount ? false : 'needs root to mount a small tmpfs' }, async t => {
  const dir = await mountTmpfs(t, 'size=2m')
  const data = join(dir, 'data')
  const first = await runCli(['id', '--json', '--data', data])
  t.equal(first.code, 0)
  const key = await readFile(join(data, 'identity.key'))
  await fill(dir)
  const r = await runCli(['relay', ...relayArgs, '--data', data])
  t.equal(r.code, 1, 'the relay does not start')
  t.match(r.stderr, /(store|data dir).*(free space|full)/, `the error says the disk is full: ${r.stderr.trim()}`)
  t.same(await readFile(join(data, 'identity.key')), key, 'the identity key is untouched')
  execFileSync('rm', [join(dir, 'filler')])
  const again = await runCli(['id', '--json', '--data', data])
  t.equal(JSON.parse(again.stdout).key, JSON.parse(first.stdout).key, 'the same identity once space is back')
})
