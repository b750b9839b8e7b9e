import t from 'tap'
import { PathChooser, PATH_RULES, describeReason } from '../../browser/src/player/path-choice.ts'

const live = (now: number, hasSource: boolean): { now: number, live: boolean, hasSource: boolean } => ({ now, live: true, hasSource })

t.test('without an SFU on the relay the player stays on MSE, whatever happens', async t => {
  const c = new PathChooser()
  t.same(c.choice, { path: 'mse', reason: null })
  c.mseFault('no-mse')
  c.setLowLatency(true, 0)
  for (let i = 0; i < 5; i++) c.stall(i * 1000)
  t.same(c.choice, { path: 'mse', reason: null }, 'nothing moves it')
  t.same(c.setOffered(true), { path: 'sfu', reason: 'no-mse' }, 'once the SFU is offered, a browser without MSE takes it')
  t.same(c.setOffered(false), { path: 'mse', reason: null }, 'and an SFU that went away is left')
})

t.test('the "Low latency" switch', async t => {
  const c = new PathChooser()
  c.setOffered(true)
  t.same(c.setLowLatency(true, 0), { path: 'sfu', reason: 'user' })
  t.ok(c.lowLatency)
  t.same(c.setLowLatency(false, 1000), { path: 'mse', reason: null }, 'off goes back to P2P')
})

t.test('MSE that cannot work here: the SFU, for good', async t => {
  for (const [fault, reason] of [['no-mse', 'no-mse'], ['unsupported-codec', 'codec']] as const) {
    const c = new PathChooser()
    c.setOffered(true)
    t.same(c.mseFault(fault), { path: 'sfu', reason }, `${fault} → SFU (${reason})`)
    t.ok(c.mseImpossible)
    t.same(c.setLowLatency(false, 0), { path: 'sfu', reason }, 'switching low latency off cannot bring MSE back')
    t.same(c.mseFault('append-failed'), { path: 'sfu', reason }, 'a milder fault does not replace it')
  }
  const c = new PathChooser()
  c.setOffered(true)
  t.same(c.mseFault('append-failed'), { path: 'sfu', reason: 'decode' }, 'a decode failure → SFU')
  t.notOk(c.mseImpossible, 'but MSE may work again')
  c.setLowLatency(true, 0)
  t.same(c.setLowLatency(false, 0), { path: 'mse', reason: null }, 'the user may try P2P again')
})

t.test('repeated stalls: 3 within 30 s', async t => {
  const c = new PathChooser()
  c.setOffered(true)
  c.stall(0)
  c.stall(20_000)
  t.same(c.stall(40_000), { path: 'mse', reason: null }, '3 stalls spread over 40 s do not move it')
  t.same(c.stall(45_000), { path: 'sfu', reason: 'stalls' }, 'the third within 30 s does')
  t.same(c.stall(46_000), { path: 'sfu', reason: 'stalls' }, 'stalls on the SFU path change nothing')
  t.match(describeReason('stalls'), /stalled 3 times within 30 s/)

  // the user goes back to P2P: old stalls are forgotten, and new ones do not count for a while
  t.same(c.setLowLatency(false, 50_000), { path: 'mse', reason: null })
  for (const at of [51_000, 52_000, 53_000]) c.stall(at)
  t.same(c.choice, { path: 'mse', reason: null }, 'no fallback within the cooldown after the user chose P2P')
  const after = 50_000 + PATH_RULES.cooldownMs
  for (const at of [after + 1_000, after + 2_000, after + 3_000]) c.stall(at)
  t.same(c.choice, { path: 'sfu', reason: 'stalls' }, 'after it, stalls count again')
})

t.test('no segment source while the stream is live', async t => {
  const c = new PathChooser()
  c.setOffered(true)
  c.observe(live(0, false))
  t.same(c.observe(live(PATH_RULES.noSourceMs - 1, false)), { path: 'mse', reason: null }, 'not before noSourceMs')
  t.same(c.observe(live(PATH_RULES.noSourceMs - 500, true)), { path: 'mse', reason: null }, 'a source came back: the clock restarts')
  c.observe(live(10_000, false))
  t.same(c.observe({ now: 30_000, live: false, hasSource: false }), { path: 'mse', reason: null }, 'an offline stream needs no source')
  c.observe(live(40_000, false))
  t.same(c.observe(live(40_000 + PATH_RULES.noSourceMs, false)), { path: 'sfu', reason: 'no-source' }, 'live and sourceless for noSourceMs → SFU')
  t.match(describeReason('no-source'), /no peer and no origin/)
})

t.test('an automatic fallback to an SFU that has no stream goes back to P2P', async t => {
  const c = new PathChooser()
  c.setOffered(true)
  for (const at of [0, 1000, 2000]) c.stall(at)
  t.equal(c.choice.path, 'sfu')
  c.sfuState('connecting', 2_100)
  c.sfuState('waiting', 3_000)
  t.same(c.sfuState('waiting', 3_000 + PATH_RULES.sfuWaitingMs - 1), { path: 'sfu', reason: 'stalls' }, 'it waits sfuWaitingMs')
  t.same(c.sfuState('waiting', 3_000 + PATH_RULES.sfuWaitingMs), { path: 'mse', reason: null }, 'then goes back')

  // the user's own choice is kept, waiting or not
  const u = new PathChooser({ sfuWaitingMs: 1000 })
  u.setOffered(true)
  u.setLowLatency(true, 0)
  u.sfuState('waiting', 0)
  t.same(u.sfuState('waiting', 60_000), { path: 'sfu', reason: 'user' }, 'the user\'s low latency stays on')
  t.same(u.sfuState('playing', 60_001), { path: 'sfu', reason: 'user' })
})

t.test('every reason reads as a sentence that names the SFU', async t => {
  for (const r of ['user', 'no-mse', 'codec', 'decode', 'stalls', 'no-source'] as const) t.match(describeReason(r), /SFU/, r)
  t.match(describeReason('no-mse'), /^Playing via the relay's SFU: this browser cannot play the P2P stream/)
  t.match(describeReason('stalls', 'connecting'), /^Switching to the relay's SFU: the P2P stream stalled/, 'before the SFU shows, it says it is switching')
  t.match(describeReason('user', 'waiting'), /no stream for this channel yet; P2P plays meanwhile/, 'an SFU without the stream: P2P plays on')
})
