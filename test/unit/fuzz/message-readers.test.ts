// The readers behind the wire decode: envelopes, chat, moderation and video
// payloads, swarm protocol messages, channel ids and peer announcements.
import t from 'tap'
import { fuzzTargets } from '../../helpers/fuzz-targets.ts'
import { checkTarget } from '../../helpers/fuzz-check.ts'

const targets = (await fuzzTargets()).filter(target => !target.name.startsWith('wire.') && target.errors.length > 0)

for (const target of targets) {
  t.test(target.name, async t => { await checkTarget(t, target, 3000) })
}
