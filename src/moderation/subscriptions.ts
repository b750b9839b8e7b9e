import { keyFromText } from '../identity/key-text.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import { PRESENT } from '../store/namespace.ts'
import type { Namespace } from '../store/index.ts'

/**
 * The lists (keys) a viewer follows in a channel, beyond the channel's own
 * moderation. Kept in the moderation namespace as `<channel>!s!<list>`.
 */
export class ListSubscriptions {
  readonly #ns: Namespace
  readonly #channel: ChannelId
  readonly #lists = new Set<string>()

  private constructor (ns: Namespace, channel: ChannelId) {
    this.#ns = ns
    this.#channel = channel
  }

  static async load (ns: Namespace, channel: ChannelId): Promise<ListSubscriptions> {
    const s = new ListSubscriptions(ns, channel)
    const prefix = `${channel.text}!s!`
    for await (const [key] of ns.entries({ gte: prefix, lt: prefix + '~' })) s.#lists.add(key.slice(prefix.length))
    return s
  }

  /** Every channel's subscriptions in the namespace. */
  static async all (ns: Namespace): Promise<Array<{ channel: string, list: string }>> {
    const out: Array<{ channel: string, list: string }> = []
    for await (const [key] of ns.entries()) {
      const [channel, part, list] = key.split('!')
      if (part === 's' && channel != null && list != null) out.push({ channel, list })
    }
    return out
  }

  has (list: string): boolean {
    return this.#lists.has(list)
  }

  list (): string[] {
    return [...this.#lists]
  }

  /** Follows `list`; throws InvalidKeyError if it is not a key. */
  async add (list: string): Promise<void> {
    keyFromText(list)
    await this.#ns.put(`${this.#channel.text}!s!${list}`, PRESENT)
    this.#lists.add(list)
  }

  async remove (list: string): Promise<void> {
    await this.#ns.del(`${this.#channel.text}!s!${list}`)
    this.#lists.delete(list)
  }
}
