// What gossipsub runs on raw message bytes: the message-id functions and the topic
// validators (chat, moderation and video in each mode, channel discovery). Inputs
// are raw hostile envelopes, and hostile payloads under a valid signature so the
// checks after the signature see them too. None of these may throw: a validator
// returns a verdict (gossipsub takes a throw as Ignore and spares the sender).
import t from 'tap'
import { fuzzTargets } from '../../helpers/fuzz-targets.ts'
import { checkTarget } from '../../helpers/fuzz-check.ts'

const targets = (await fuzzTargets()).filter(target => target.errors.length === 0)

for (const target of targets) {
  t.test(target.name, async t => { await checkTarget(t, target, 2000) })
}
