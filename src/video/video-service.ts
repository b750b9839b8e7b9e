import { boundedLpStream } from '../wire/index.ts'
import { optionalService } from '../net/optional-service.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { VideoSwarm } from './video-swarm.ts'
import { UploadLimiter } from './upload-limiter.ts'
import { decodeRequest, encodeResponse, RequestKind, SwarmStatus } from './swarm-messages.ts'
import { DEFAULT_UPLOAD_SLOTS, MAX_HAVES_STREAMS, MAX_SWARM_MESSAGE_BYTES, SEGMENTS_PROTOCOL } from './constants.ts'
import { Right } from '../moderation/constants.ts'
import type { ChannelModeration } from '../moderation/channel-moderation.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { PeerPenalties } from '../net/peer-penalties.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { ComponentLogger, Connection, Logger, Startable, Stream } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'

export interface VideoServiceInit {
  /** Bytes per second this node uploads at most (swarm and HTTP origin together); unlimited when absent. */
  uploadLimit?: number
  /** Concurrent uploads. */
  uploadSlots?: number
  /** HTTP origins to fall back on besides those streamers announce. */
  origins?: string[]
}

export interface VideoServiceComponents {
  pubsub: GossipSub
  discovery: ChannelDiscovery
  registrar: Registrar
  connectionManager: ConnectionManager
  penalties: PeerPenalties
  logger: ComponentLogger
  /** Present when the node runs moderation: its grants say who else may stream. */
  moderation?: { join: (channel: ChannelId) => Promise<ChannelModeration> }
}

// a request must arrive this soon after its stream opens
const REQUEST_READ_TIMEOUT_MS = 5_000

/**
 * The node's video: one VideoSwarm per joined channel, the upload limiter
 * they share, and the `/swarmcast/segments/1.0.0` protocol handler.
 */
export class VideoService implements Startable {
  readonly limiter: UploadLimiter
  readonly #components: VideoServiceComponents
  readonly #init: VideoServiceInit
  readonly #swarms = new Map<string, VideoSwarm>()
  readonly #joining = new Map<string, Promise<VideoSwarm>>()
  readonly #log: Logger

  constructor (components: VideoServiceComponents, init: VideoServiceInit) {
    this.#components = components
    this.#init = init
    this.limiter = new UploadLimiter({ bytesPerSecond: init.uploadLimit, slots: init.uploadSlots ?? DEFAULT_UPLOAD_SLOTS })
    this.#log = components.logger.forComponent('swarmcast:video')
  }

  async start (): Promise<void> {
    await this.#components.registrar.handle(SEGMENTS_PROTOCOL, (stream, connection) => {
      void this.#handle(stream, connection)
    }, { maxInboundStreams: MAX_HAVES_STREAMS, maxOutboundStreams: MAX_HAVES_STREAMS })
  }

  async stop (): Promise<void> {
    for (const swarm of this.#swarms.values()) swarm.close()
    this.#swarms.clear()
    this.#joining.clear()
    await this.#components.registrar.unhandle(SEGMENTS_PROTOCOL)
  }

  async #handle (stream: Stream, connection: Connection): Promise<void> {
    try {
      const lp = boundedLpStream(stream, MAX_SWARM_MESSAGE_BYTES)
      const request = decodeRequest((await lp.read({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })).subarray())
      const swarm = this.#swarms.get(ChannelId.fromBytes(request.channelId).text)
      if (swarm == null) {
        if (request.kind === RequestKind.Haves) await stream.close()
        else await lp.write(encodeResponse(SwarmStatus.NotFound)).then(async () => { await stream.close() })
        return
      }
      await swarm.serve(request, stream, lp, connection.remotePeer)
    } catch (err) {
      this.#log('segment request from %p failed: %s', connection.remotePeer, (err as Error).message)
      stream.abort(err as Error)
    }
  }

  /** Joins `channel`'s video swarm (once; joining again returns the same swarm). */
  async join (channel: ChannelId): Promise<VideoSwarm> {
    let joining = this.#joining.get(channel.text)
    if (joining == null) {
      joining = this.#open(channel)
      this.#joining.set(channel.text, joining)
      joining.catch(() => { this.#joining.delete(channel.text) })
    }
    return await joining
  }

  async #open (channel: ChannelId): Promise<VideoSwarm> {
    const moderation = await optionalService(this.#components, 'moderation')?.join(channel)
    const swarm = new VideoSwarm({
      channel,
      pubsub: this.#components.pubsub,
      discovery: this.#components.discovery,
      connectionManager: this.#components.connectionManager,
      penalties: this.#components.penalties,
      limiter: this.limiter,
      mayStream: moderation != null ? (key) => (moderation.policy.rightsOf(key) & Right.Stream) !== 0 : undefined,
      origins: this.#init.origins,
      log: this.#log
    })
    this.#swarms.set(channel.text, swarm)
    return swarm
  }

  swarm (channel: ChannelId | string): VideoSwarm | undefined {
    return this.#swarms.get(typeof channel === 'string' ? channel : channel.text)
  }

  leave (channel: ChannelId): void {
    this.#swarms.get(channel.text)?.close()
    this.#swarms.delete(channel.text)
    this.#joining.delete(channel.text)
  }
}

export function video (init: VideoServiceInit = {}): (components: VideoServiceComponents) => VideoService {
  return (components) => new VideoService(components, init)
}
