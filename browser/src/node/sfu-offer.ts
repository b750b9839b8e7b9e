import { peerIdFromString } from '@libp2p/peer-id'
import { SFU_PROTOCOL } from '../../../src/sfu/constants.ts'
import { offersSfu } from '../../../src/sfu/offers-sfu.ts'
import type { IdentifyResult, Libp2p, PeerId } from '@libp2p/interface'

type NodeLike = Pick<Libp2p, 'peerStore' | 'addEventListener' | 'removeEventListener'>

export interface SfuOfferEvents {
  /** The relay whose SFU the page can use changed (`relay` holds it, or undefined). */
  change: Event
}

/**
 * Which of the page's relays runs the mediasoup SFU, from what identify
 * tells about them: known at once for a relay identified before, else when
 * identify (or an identify push) lists `/swarmcast/sfu/1.0.0`, and gone when
 * it stops listing it.
 */
export class SfuOffer extends EventTarget {
  readonly #node: NodeLike
  readonly #relays: PeerId[]
  #relay: PeerId | undefined
  #closed = false

  constructor (node: NodeLike, relayIds: readonly string[]) {
    super()
    this.#node = node
    this.#relays = relayIds.map(id => peerIdFromString(id))
    node.addEventListener('peer:identify', this.#onIdentify)
    void this.#checkStored()
  }

  /** The relay running an SFU, if one does. */
  get relay (): PeerId | undefined {
    return this.#relay
  }

  async #checkStored (): Promise<void> {
    for (const relay of this.#relays) {
      if (this.#relay != null || this.#closed) return
      if (await offersSfu(this.#node.peerStore, relay)) this.#set(relay)
    }
  }

  #onIdentify = (evt: CustomEvent<IdentifyResult>): void => {
    const { peerId, protocols } = evt.detail
    if (!this.#relays.some(r => r.equals(peerId))) return
    if (protocols.includes(SFU_PROTOCOL)) {
      if (this.#relay == null) this.#set(peerId)
    } else if (this.#relay?.equals(peerId) === true) {
      this.#set(undefined)
      void this.#checkStored()
    }
  }

  #set (relay: PeerId | undefined): void {
    if (this.#closed) return
    this.#relay = relay
    this.dispatchEvent(new Event('change'))
  }

  close (): void {
    this.#closed = true
    this.#node.removeEventListener('peer:identify', this.#onIdentify)
  }
}
