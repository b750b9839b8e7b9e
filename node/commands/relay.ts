import { readFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { listFlag, portFlag, countFlag, stringFlag, envList, bitrateFlag, boolFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { loadLocalKeys } from '../local-keys.ts'
import { applyConfigFile } from '../config-file.ts'
import { startRelay, PortUnavailableError, DEFAULT_HTTP_PORT, DEFAULT_MAX_RESERVATIONS, DEFAULT_RELAY_MAX_CONNECTIONS, DEFAULT_TCP_PORT, DEFAULT_WS_PORT } from '../../bootstrap/index.ts'
import { checkSfuAvailable, parseSfuPorts } from '../../bootstrap/sfu/index.ts'
import { checkBootstrapAddrs } from '../../src/net/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openStore } from '../../src/store/index.ts'
import type { Command } from '../command.ts'
import type { SfuServiceInit } from '../../bootstrap/sfu/index.ts'

/** The environment variable of each relay setting that has one. */
const RELAY_ENV: Record<string, string> = {
  data: 'SWARMCAST_DATA',
  tcp: 'SWARMCAST_TCP_PORT',
  ws: 'SWARMCAST_WS_PORT',
  http: 'SWARMCAST_HTTP_PORT',
  host: 'SWARMCAST_HOST',
  announce: 'SWARMCAST_ANNOUNCE',
  follow: 'SWARMCAST_FOLLOW',
  'tls-cert': 'SWARMCAST_TLS_CERT',
  'tls-key': 'SWARMCAST_TLS_KEY'
}

/** A certificate or key file that cannot be used. */
export class TlsFileError extends Error {
  override readonly name = 'TlsFileError'
}

export const relayCommand: Command = {
  name: 'relay',
  help: `Usage: swarmcast relay [--config FILE] [--tcp PORT] [--ws PORT] [--http PORT] [--host IP]
                      [--announce MA ...] [--peer MA ...] [--follow CHANNEL ...]
                      [--max-connections N] [--max-reservations N] [--upload-limit R]
                      [--tls-cert FILE --tls-key FILE] [--sfu [--sfu-ports 40000-40999]
                      [--sfu-announced-ip IP] [--sfu-workers N]] [--data DIR]

Runs a relay: the peer that others bootstrap from, a circuit-relay-v2 server
(so peers behind NAT and browsers can reach each other) and an HTTP server
with the viewer web app (/ and /c/<channelId>), the HLS origin of followed
channels (/live/<channelId>/index.m3u8), /metrics and /healthz.
Its peer id is kept in the data dir, so the addresses it prints stay valid
across restarts. Each listen address is printed alone on its own line; give
one to other nodes with --bootstrap. Ctrl-C or SIGTERM stops it cleanly.

Every flag can also be set in a JSON or YAML config file, by its name without
the dashes (e.g. "tcp: 7401", "follow: [ID]"). The command line wins over the
environment, which wins over the config file.

Options:
  --config FILE           JSON or YAML settings file (env SWARMCAST_CONFIG)
  --tcp PORT              TCP port (env SWARMCAST_TCP_PORT, default ${DEFAULT_TCP_PORT}; 0 = any free)
  --ws PORT               WebSocket port for browsers (env SWARMCAST_WS_PORT, default ${DEFAULT_WS_PORT})
  --http PORT             HTTP port (env SWARMCAST_HTTP_PORT, default ${DEFAULT_HTTP_PORT})
  --host IP               interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
  --announce MA           public address to announce instead (repeatable; behind NAT or a proxy)
  --peer MA               another relay to stay connected to (repeatable)
  --follow CHANNEL        archive a channel's chat and moderation for late joiners and
                          keep its live window as an HLS origin (repeatable;
                          env SWARMCAST_FOLLOW, comma-separated)
  --max-connections N     connections before pruning (default ${DEFAULT_RELAY_MAX_CONNECTIONS})
  --max-reservations N    circuit-relay reservations at once (default ${DEFAULT_MAX_RESERVATIONS})
  --upload-limit R        most the relay uploads, peers and HLS together, in bits per
                          second (e.g. 50M; default unlimited)
  --tls-cert FILE         PEM certificate: the WebSocket port then speaks WSS
                          (env SWARMCAST_TLS_CERT; needs --tls-key)
  --tls-key FILE          PEM private key of that certificate (env SWARMCAST_TLS_KEY)
  --sfu                   run the mediasoup SFU beside the relay: the low-latency
                          WebRTC path for viewers P2P cannot serve (needs a
                          mediasoup-worker; without one the relay runs without it)
  --sfu-ports RANGE       UDP and TCP ports of SFU transports (default 40000-40999;
                          each viewer takes one of each: open them in the firewall)
  --sfu-announced-ip IP   the address browsers and streamers reach the SFU at
                          (behind NAT: the public one)
  --sfu-workers N         mediasoup workers (default: one per core)
${DATA_HELP}`,
  options: {
    ...commonOptions,
    config: { type: 'string' },
    tcp: { type: 'string' },
    ws: { type: 'string' },
    http: { type: 'string' },
    host: { type: 'string' },
    announce: { type: 'string', multiple: true },
    peer: { type: 'string', multiple: true },
    follow: { type: 'string', multiple: true },
    'max-connections': { type: 'string' },
    'max-reservations': { type: 'string' },
    'upload-limit': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    sfu: { type: 'boolean' },
    'sfu-ports': { type: 'string' },
    'sfu-announced-ip': { type: 'string' },
    'sfu-workers': { type: 'string' }
  },
  async run ({ args, env, out, err, signal }) {
    const configFile = stringFlag(args, 'config') ?? env.SWARMCAST_CONFIG
    if (configFile != null && configFile !== '') await applyConfigFile(configFile, args, relayCommand.options, RELAY_ENV, env)
    const tcpPort = portFlag(args, 'tcp', DEFAULT_TCP_PORT, env.SWARMCAST_TCP_PORT)
    const wsPort = portFlag(args, 'ws', DEFAULT_WS_PORT, env.SWARMCAST_WS_PORT)
    const httpPort = portFlag(args, 'http', DEFAULT_HTTP_PORT, env.SWARMCAST_HTTP_PORT)
    const host = stringFlag(args, 'host') ?? env.SWARMCAST_HOST ?? '0.0.0.0'
    const peers = listFlag(args, 'peer')
    checkBootstrapAddrs(peers)
    const followFlags = listFlag(args, 'follow')
    const follow = (followFlags.length > 0 ? followFlags : envList(env.SWARMCAST_FOLLOW)).map(text => ChannelId.parse(text))
    const uploadLimit = bitrateFlag(args, 'upload-limit', undefined)
    const tls = await readTlsFiles(stringFlag(args, 'tls-cert') ?? env.SWARMCAST_TLS_CERT, stringFlag(args, 'tls-key') ?? env.SWARMCAST_TLS_KEY)
    let sfu: SfuServiceInit | undefined
    if (boolFlag(args, 'sfu')) {
      const ports = parseSfuPorts(stringFlag(args, 'sfu-ports'))
      const found = await checkSfuAvailable()
      if (!found.available) err(`--sfu: ${found.message}. The relay runs without the SFU.`)
      else sfu = { ...ports, workers: countFlag(args, 'sfu-workers', availableParallelism()), announcedIp: stringFlag(args, 'sfu-announced-ip'), workerBin: found.workerBin }
    }
    const keys = await loadLocalKeys(stringFlag(args, 'data'), env)
    const store = await openStore(keys.paths.store)

    let relay
    try {
      relay = await startRelay({
        privateKey: keys.peerKey,
        host,
        tcpPort,
        wsPort,
        httpPort,
        announce: [...listFlag(args, 'announce'), ...envList(env.SWARMCAST_ANNOUNCE)],
        peers,
        follow,
        store,
        tls,
        sfu,
        uploadLimit: uploadLimit != null ? uploadLimit / 8 : undefined,
        maxConnections: countFlag(args, 'max-connections', DEFAULT_RELAY_MAX_CONNECTIONS),
        maxReservations: countFlag(args, 'max-reservations', DEFAULT_MAX_RESERVATIONS)
      })
    } catch (e) {
      await store.close()
      throw explainListenError(e as Error, { tcpPort, wsPort, httpPort })
    }

    err(`swarmcast relay ${relay.node.peerId.toString()} (data ${keys.paths.dir})`)
    const sfuService = relay.node.services.sfu
    if (sfuService != null) err(`SFU: ${sfuService.stats().workers.length} mediasoup workers, ports ${sfu?.rtcMinPort}-${sfu?.rtcMaxPort} (UDP and TCP), announcing ${sfuService.announcedIp}`)
    for (const channel of follow) {
      err(`following ${channel.text}: archiving its chat and moderation, keeping its live window`)
      if (relay.httpUrl != null) err(`  watch: ${relay.httpUrl}/c/${channel.text}   HLS: ${relay.httpUrl}/live/${channel.text}/index.m3u8`)
    }
    for (const addr of relay.addrs()) out(addr)
    if (relay.httpUrl != null) out(relay.httpUrl)
    err('join with: swarmcast chat --channel ID --bootstrap <one of the addresses above>; Ctrl-C stops')

    await new Promise<void>(resolve => {
      if (signal.aborted) resolve()
      signal.addEventListener('abort', () => { resolve() }, { once: true })
    })
    err('relay: shutting down')
    await relay.stop()
    await store.close()
    err('relay: stopped')
    return 0
  }
}

function explainListenError (e: Error, ports: { tcpPort: number, wsPort: number, httpPort: number }): Error {
  // libp2p wraps the socket error in a long message about its own config; keep the part that matters
  const text = `${e.message} ${String(e.cause ?? '')}`
  const found = /listen (EADDRINUSE|EACCES)\b.*?((?:\d{1,3}\.){3}\d{1,3}:\d+)?\s*$/m.exec(text)
  if (found == null) return e
  const what = found[1] === 'EADDRINUSE' ? 'is already in use' : 'is not allowed for this user (ports below 1024 need privileges)'
  return new PortUnavailableError(`cannot listen on ${found[2] ?? `TCP ${ports.tcpPort}, WebSocket ${ports.wsPort} or HTTP ${ports.httpPort}`}: the port ${what}. Another relay may be running; pick other ports with --tcp/--ws/--http (0 picks a free one)`)
}

async function readTlsFiles (certFile: string | undefined, keyFile: string | undefined): Promise<{ cert: Buffer, key: Buffer } | undefined> {
  if (certFile == null && keyFile == null) return undefined
  if (certFile == null || keyFile == null) throw new TlsFileError('WSS needs both --tls-cert and --tls-key (PEM files); give both, or neither for plain ws://')
  const read = async (file: string, what: string): Promise<Buffer> => await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new TlsFileError(`cannot read the TLS ${what} ${file} (${e.code ?? e.message}); check the path and that this user may read it`)
  })
  const [cert, key] = [await read(certFile, 'certificate'), await read(keyFile, 'key')]
  if (!cert.includes('-----BEGIN CERTIFICATE-----')) throw new TlsFileError(`${certFile} is not a PEM certificate (no BEGIN CERTIFICATE line)`)
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString())) throw new TlsFileError(`${keyFile} is not a PEM private key (no BEGIN PRIVATE KEY line)`)
  return { cert, key }
}
