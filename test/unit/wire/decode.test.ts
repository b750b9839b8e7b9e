import t from 'tap'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { wire, decodeBounded, checkCount, checkLength, decodeUtf8, MalformedMessageError, OversizeMessageError } from '../../../src/wire/index.ts'

t.test('64-bit fields decode as plain numbers', async t => {
  const now = Date.now()
  const bytes = wire.ChatMessage.encode({ timestamp: now, seq: now * 1000 }).finish()
  const msg = wire.ChatMessage.decode(bytes)
  t.equal(typeof msg.timestamp, 'number')
  t.equal(msg.timestamp, now)
  t.equal(msg.seq, now * 1000)
})

t.test('decodeBounded checks size first and turns decode failures into MalformedMessageError', async t => {
  const ok = wire.ClockResponse.encode({ now: 5 }).finish()
  t.equal(decodeBounded(wire.ClockResponse, 'clock', ok, 64).now, 5)
  t.throws(() => decodeBounded(wire.ClockResponse, 'clock', new Uint8Array(65), 64), OversizeMessageError)
  t.throws(() => decodeBounded(wire.Envelope, 'env', Uint8Array.of(0x22, 0x7f), 64), MalformedMessageError, 'length prefix past the end')
  t.throws(() => decodeBounded(wire.Envelope, 'env', Uint8Array.of(0x0f), 64), MalformedMessageError, 'invalid wire type')
})

t.test('counts, lengths and UTF-8 are checked', async t => {
  t.doesNotThrow(() => checkCount('x', [1, 2], 2))
  t.throws(() => checkCount('x', [1, 2, 3], 2), { name: 'MalformedMessageError', message: /3 entries/ })
  t.throws(() => checkLength('sig', new Uint8Array(63), 64), MalformedMessageError)
  t.throws(() => checkLength('sig', undefined, 64), MalformedMessageError)
  t.equal(decodeUtf8('text', new TextEncoder().encode('héllo :emote:'), 100), 'héllo :emote:')
  t.throws(() => decodeUtf8('text', Uint8Array.of(0xc3, 0x28), 100), { name: 'MalformedMessageError', message: /UTF-8/ })
  t.throws(() => decodeUtf8('text', new Uint8Array(101), 100), MalformedMessageError)
})

t.test('the committed generated code matches proto/ (npm run proto)', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'swarmcast-proto-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { proto: string } }
  const args = pkg.scripts.proto.split(' ').slice(1)
    .map(a => a === 'src/wire/generated.js' ? join(dir, 'generated.js') : a)
    .flatMap(a => a === 'proto/*.proto' ? readdirSync('proto').filter(f => f.endsWith('.proto')).sort().map(f => join('proto', f)) : [a])
  execFileSync(process.execPath, ['node_modules/protobufjs-cli/bin/pbjs', ...args])
  t.equal(readFileSync(join(dir, 'generated.js'), 'utf8'), readFileSync('src/wire/generated.js', 'utf8'), 'generated.js is current')
  t.equal(readFileSync(join(dir, 'generated.d.ts'), 'utf8'), readFileSync('src/wire/generated.d.ts', 'utf8'), 'generated.d.ts is current')
})
