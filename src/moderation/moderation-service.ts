import { ChannelModeration } from './channel-moderation.ts'
import { serveModLog } from './mod-sync.ts'
import { MOD_SYNC_PROTOCOL } from './constants.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { Namespace, Store } from '../store/index.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { ComponentLogger, Logger, Startable } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'

export interface ModerationServiceInit {
  /** Where the moderation log and subscriptions live (namespace 'moderation'). */
  store: Store
  /** Signs grants and actions; without it the node only applies and relays moderation. */
  identity?: Identity
}

export interface ModerationServiceComponents {
  pubsub: GossipSub
  discovery: ChannelDiscovery
  registrar: Registrar
  connectionManager: ConnectionManager
  logger: ComponentLogger
}

/** The node's moderation: one ChannelModeration per joined channel, and the mod-sync protocol. */
export class ModerationService implements Startable {
  readonly #components: ModerationServiceComponents
  readonly #init: ModerationServiceInit
  readonly #ns: Namespace
  readonly #channels = new Map<string, Promise<ChannelModeration>>()
  readonly #open = new Map<string, ChannelModeration>()
  readonly #log: Logger

  constructor (components: ModerationServiceComponents, init: ModerationServiceInit) {
    this.#components = components
    this.#init = init
    this.#ns = init.store.namespace('moderation')
    this.#log = components.logger.forComponent('swarmcast:moderation')
  }

  async start (): Promise<void> {
    await this.#components.registrar.handle(MOD_SYNC_PROTOCOL, (stream) => {
      void serveModLog(stream, (channel) => this.#open.get(channel.text)?.policy, this.#log)
    }, { maxInboundStreams: 8 })
  }

  async stop (): Promise<void> {
    for (const m of this.#open.values()) m.close()
    await Promise.all([...this.#open.values()].map(async m => { await m.flushed() }))
    this.#open.clear()
    this.#channels.clear()
    await this.#components.registrar.unhandle(MOD_SYNC_PROTOCOL)
  }

  /** Joins `channel`'s moderation (once; joining again, even concurrently, returns the same object). */
  async join (channel: ChannelId): Promise<ChannelModeration> {
    let opening = this.#channels.get(channel.text)
    if (opening == null) {
      opening = ChannelModeration.open({
        channel,
        pubsub: this.#components.pubsub,
        discovery: this.#components.discovery,
        connectionManager: this.#components.connectionManager,
        ns: this.#ns,
        identity: this.#init.identity,
        log: this.#log
      })
      this.#channels.set(channel.text, opening)
      opening.then(m => { this.#open.set(channel.text, m) }, () => { this.#channels.delete(channel.text) })
    }
    return await opening
  }
}

export function moderation (init: ModerationServiceInit): (components: ModerationServiceComponents) => ModerationService {
  return (components) => new ModerationService(components, init)
}
