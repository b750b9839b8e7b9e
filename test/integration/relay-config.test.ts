import t from 'tap'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CliProcess, runCli, tempDir } from '../helpers/cli.ts'

t.test('swarmcast relay takes its settings from a YAML or JSON file; flags win over it', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const { channelId } = JSON.parse((await runCli(['channel', 'create', 'configured', '--json', '--data', join(tmp.dir, 'owner')])).stdout) as { channelId: string }
  const yamlFile = join(tmp.dir, 'relay.yaml')
  await writeFile(yamlFile, `# a relay for one community
host: 127.0.0.1
tcp: 0
ws: 0
http: 0
data: ${join(tmp.dir, 'relay-data')}
follow:
  - ${channelId}
`)
  const relay = new CliProcess(['relay', '--config', yamlFile])
  t.teardown(async () => { await relay.stop() })
  await relay.waitForLine(l => l.startsWith('http://127.0.0.1:'))
  t.ok(relay.stdout.every(l => !l.startsWith('/ip4/') || l.startsWith('/ip4/127.0.0.1/')), 'listens on the host from the file')
  await relay.waitForLine(l => l.includes(`following ${channelId}`), 5000, 'stderr')
  t.ok(relay.stderr.some(l => l.includes(join(tmp.dir, 'relay-data'))), 'uses the data dir from the file')
  t.equal(await relay.stop(), 0)

  const jsonFile = join(tmp.dir, 'relay.json')
  await writeFile(jsonFile, JSON.stringify({ host: '127.0.0.1', tcp: 'not-a-port', ws: 0, http: 0, data: join(tmp.dir, 'relay-data') }))
  const bad = await runCli(['relay', '--config', jsonFile])
  t.equal(bad.code, 2, 'a bad value in the file is a usage error')
  t.match(bad.stderr, /--tcp must be a port number/)
  const overridden = new CliProcess(['relay', '--config', jsonFile, '--tcp', '0'])
  t.teardown(async () => { await overridden.stop() })
  await overridden.waitForLine(l => l.startsWith('http://'))
  t.pass('a flag wins over the file')
  await overridden.stop()

  const cases: Array<[string, string, RegExp]> = [
    ['unknown.yaml', 'tcpp: 1\n', /unknown setting "tcpp"/],
    ['broken.yaml', 'tcp: [1\n', /not valid YAML or JSON/],
    ['list.yaml', '- tcp\n', /must hold a mapping/]
  ]
  for (const [name, text, message] of cases) {
    await writeFile(join(tmp.dir, name), text)
    const r = await runCli(['relay', '--config', join(tmp.dir, name)])
    t.equal(r.code, 2, `${name} exits 2`)
    t.match(r.stderr, message, `${name} says why`)
  }
  const missing = await runCli(['relay', '--config', join(tmp.dir, 'nope.yaml')])
  t.equal(missing.code, 2)
  t.match(missing.stderr, /cannot read config file .*nope\.yaml: ENOENT/)
})
