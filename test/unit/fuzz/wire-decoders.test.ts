// Every protobuf message type through decodeBounded (src/wire/decode.ts), with
// hostile bytes built around valid encodings of it.
import t from 'tap'
import { fuzzTargets } from '../../helpers/fuzz-targets.ts'
import { checkTarget } from '../../helpers/fuzz-check.ts'

const targets = (await fuzzTargets()).filter(target => target.name.startsWith('wire.'))

for (const target of targets) {
  t.test(target.name, async t => { await checkTarget(t, target, 3000) })
}
