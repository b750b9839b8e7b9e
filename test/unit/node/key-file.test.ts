import t from 'tap'
import { chmod, stat, writeFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { keyFile } from '../../../node/key-file.ts'
import { ensureDataDir, resolveDataDir } from '../../../node/data-dir.ts'
import { loadLocalKeys } from '../../../node/local-keys.ts'
import { tempDir } from '../../helpers/cli.ts'

t.test('keys are created once with mode 0600 in a 0700 data dir, and reloaded', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const dir = join(tmp.dir, 'data')
  const first = await loadLocalKeys(dir, {})
  const second = await loadLocalKeys(dir, {})
  t.equal(first.created, true)
  t.equal(second.created, false)
  t.equal(second.identity.key, first.identity.key)
  t.ok(second.peerId.equals(first.peerId), 'peer id is stable across runs')
  t.equal((await stat(dir)).mode & 0o777, 0o700)
  t.equal((await stat(first.paths.identityKey)).mode & 0o777, 0o600)
  t.equal((await stat(first.paths.peerKey)).mode & 0o777, 0o600)
  t.same((await readdir(dir)).sort(), ['identity.key', 'peer.key'], 'no temporary files left behind')
})

t.test('a key file readable by others is refused with the chmod to run', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const path = join(tmp.dir, 'identity.key')
  await writeFile(path, Uint8Array.of(1))
  await chmod(path, 0o644)
  await t.rejects(keyFile(path).load(), { name: 'KeyFileError', message: /chmod 600/ })
})

t.test('a missing key file loads as undefined; save replaces atomically', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const store = keyFile(join(tmp.dir, 'sub', 'k'))
  t.equal(await store.load(), undefined)
  await store.save(Uint8Array.of(1, 2))
  await store.save(Uint8Array.of(3))
  t.same(await store.load(), Uint8Array.of(3))
})

t.test('data dir: flag over env over home; unusable dir is a clear error', async t => {
  t.equal(resolveDataDir('/x/flag', { SWARMCAST_DATA: '/x/env' }), '/x/flag')
  t.equal(resolveDataDir(undefined, { SWARMCAST_DATA: '/x/env' }), '/x/env')
  t.match(resolveDataDir(undefined, {}), /\.swarmcast$/)
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const file = join(tmp.dir, 'a-file')
  await writeFile(file, 'x')
  await t.rejects(ensureDataDir(join(file, 'data')), { name: 'DataDirError', message: /--data DIR/ })
})
