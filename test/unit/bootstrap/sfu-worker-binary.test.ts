import t from 'tap'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkSfuAvailable, resolveWorkerBinary, cachedWorkerPath, parseSfuPorts, sfuAnnouncedIp, MEDIASOUP_VERSION } from '../../../bootstrap/sfu/index.ts'
import { tempDir } from '../../helpers/cli.ts'

t.test('the worker binary: explicit, MEDIASOUP_WORKER_BIN, the cached build, or none with what to do', async t => {
  const tmp = await tempDir('swarmcast-worker-bin-')
  t.teardown(tmp.remove)
  const nowhere = { MEDIASOUP_WORKER_OUT: join(tmp.dir, 'none') }
  t.equal(cachedWorkerPath({ XDG_CACHE_HOME: '/c' }), `/c/mediasoup-worker/${MEDIASOUP_VERSION}/mediasoup-worker`, 'the cache path build-worker.sh writes to')
  t.throws(() => resolveWorkerBinary({ env: { ...nowhere, MEDIASOUP_WORKER_BIN: join(tmp.dir, 'missing') } }), { name: 'SfuWorkerMissingError', message: /MEDIASOUP_WORKER_BIN=.*not an executable file.*build-worker\.sh/ })

  const cached = join(tmp.dir, 'cache', 'mediasoup-worker')
  await mkdir(join(tmp.dir, 'cache'))
  // a stand-in that behaves like mediasoup-worker run outside mediasoup: exit code 41
  await writeFile(cached, '#!/bin/sh\nexit 41\n')
  await chmod(cached, 0o755)
  t.same(resolveWorkerBinary({ env: { MEDIASOUP_WORKER_OUT: join(tmp.dir, 'cache') } }), { path: cached, source: 'cache' })
  t.same(resolveWorkerBinary({ env: { ...nowhere, MEDIASOUP_WORKER_BIN: cached } }), { path: cached, source: 'env' })
  t.same(await checkSfuAvailable({ env: { MEDIASOUP_WORKER_OUT: join(tmp.dir, 'cache') } }), { available: true, workerBin: cached, source: 'cache' }, 'a binary that passes the self check is available')

  const broken = join(tmp.dir, 'broken')
  await writeFile(broken, '#!/bin/sh\nexit 1\n')
  await chmod(broken, 0o755)
  const bad = await checkSfuAvailable({ workerBin: broken, env: nowhere })
  t.ok(!bad.available && /does not run as mediasoup-worker.*rebuild/.test(bad.message), 'a binary that fails the self check is not available, and the message says to rebuild')
})

t.test('--sfu-ports and the announced address', async t => {
  t.same(parseSfuPorts(undefined), { rtcMinPort: 40000, rtcMaxPort: 40999 })
  t.same(parseSfuPorts('50000-50100'), { rtcMinPort: 50000, rtcMaxPort: 50100 })
  for (const bad of ['40000', '40999-40000', '80-90', '40000-70000', 'a-b']) t.throws(() => parseSfuPorts(bad), { name: 'SfuPortsError' }, bad)
  t.equal(sfuAnnouncedIp('0.0.0.0', '203.0.113.7'), '203.0.113.7', 'an explicit address wins')
  t.equal(sfuAnnouncedIp('127.0.0.1'), '127.0.0.1', 'a specific listen address is announced as is')
  t.match(sfuAnnouncedIp('0.0.0.0'), /^\d+\.\d+\.\d+\.\d+$/, 'a wildcard listen announces a host IPv4')
  t.throws(() => sfuAnnouncedIp('0.0.0.0', 'relay.example'), { name: 'SfuAddressError' })
})
