import { Right, MAX_ENTRIES_PER_LIST, MAX_GRANT_DEPTH } from './constants.ts'
import type { ActionRecord, GrantRecord, ModItem, RevocationRecord } from './mod-item.ts'

/** What channel moderation says about an author now. */
export type Standing = 'banned' | 'muted' | 'clear'

export type AddResult = 'added' | 'duplicate' | 'stale' | 'refused'

interface Effective {
  standing: 'banned' | 'muted'
  /** When it lapses (Infinity: until undone). */
  until: number
}

/**
 * A channel's moderation state, rebuilt from its signed log: grants (rooted
 * in the owner, chains of depth ≤ 2, rights never above the issuer's),
 * revocations (an action issued after its grant's revocation is void; earlier
 * ones stand), and one entry per (list, target) where the highest version wins
 * and equal versions fall to the larger id, never to the signer's clock. The
 * verdict for an author is kept in a map, so checking one costs the same with
 * 0 or 100,000 bans.
 */
export class ModerationPolicy {
  /** Owner's key text. */
  readonly owner: string
  readonly #grants = new Map<string, GrantRecord>()
  readonly #revocations = new Map<string, RevocationRecord>()
  // target → list → entry
  readonly #entries = new Map<string, Map<string, ActionRecord>>()
  readonly #listSizes = new Map<string, number>()
  readonly #channel = new Map<string, Effective>()

  constructor (owner: string) {
    this.owner = owner
  }

  /** Adds a verified item; `added` when it changed the log. */
  add (item: ModItem): AddResult {
    switch (item.kind) {
      case 'grant': {
        if (this.#grants.has(item.id)) return 'duplicate'
        this.#grants.set(item.id, item)
        this.#recomputeAll()
        return 'added'
      }
      case 'revocation': {
        const grant = this.#grants.get(item.grantId)
        // only the owner or the grant's issuer may revoke it (a revocation for a grant we do not know yet is kept)
        if (item.issuer !== this.owner && grant != null && grant.issuer !== item.issuer) return 'refused'
        const held = this.#revocations.get(item.grantId)
        if (held != null && held.timestamp <= item.timestamp) return 'duplicate'
        this.#revocations.set(item.grantId, item)
        this.#recomputeAll()
        return 'added'
      }
      case 'action': {
        const lists = this.#entries.get(item.target) ?? new Map<string, ActionRecord>()
        const held = lists.get(item.list)
        if (held != null) {
          if (held.id === item.id) return 'duplicate'
          if (supersedes(held, item)) return 'stale'
        } else if ((this.#listSizes.get(item.list) ?? 0) >= MAX_ENTRIES_PER_LIST) {
          return 'refused'
        } else {
          this.#listSizes.set(item.list, (this.#listSizes.get(item.list) ?? 0) + 1)
        }
        lists.set(item.list, item)
        this.#entries.set(item.target, lists)
        this.#recompute(item.target)
        return 'added'
      }
    }
  }

  /** Whether an action would be stale against what we hold (for validators, before storing). */
  isStale (item: ActionRecord): boolean {
    const held = this.#entries.get(item.target)?.get(item.list)
    return held != null && held.id !== item.id && supersedes(held, item)
  }

  /** The author's standing under the channel's moderation at `now`. */
  standing (author: string, now = Date.now()): Standing {
    const e = this.#channel.get(author)
    return e == null || e.until <= now ? 'clear' : e.standing
  }

  /** Whether a list (e.g. one the viewer subscribed to) bans or mutes `author` at `now`. */
  listHides (list: string, author: string, now = Date.now()): boolean {
    const entry = this.#entries.get(author)?.get(list)
    return entry != null && active(entry, now) != null
  }

  /** Rights `key` holds as a channel moderator at time `at` (the owner holds all). */
  rightsOf (key: string, at = Date.now()): number {
    if (key === this.owner) return Right.Ban | Right.Mute | Right.Delegate | Right.Stream
    let rights = 0
    for (const g of this.#grants.values()) if (g.grantee === key) rights |= this.#grantRights(g.id, at, 1)
    return rights
  }

  /** A grant of `key`'s that is valid now and holds `right`, for signing actions. */
  grantFor (key: string, right: number, at = Date.now()): GrantRecord | undefined {
    return [...this.#grants.values()].find(g => g.grantee === key && (this.#grantRights(g.id, at, 1) & right) !== 0)
  }

  /** Rights a grant confers at time `at`: 0 if unknown, not yet valid, expired, revoked, or badly rooted. */
  grantRights (grantId: string, at = Date.now()): number {
    return this.#grantRights(grantId, at, 1)
  }

  #grantRights (grantId: string, at: number, depth: number): number {
    const g = this.#grants.get(grantId)
    if (g == null || depth > MAX_GRANT_DEPTH) return 0
    if (at < g.notBefore || (g.expires !== 0 && at >= g.expires)) return 0
    const revoked = this.#revocations.get(grantId)
    if (revoked != null && revoked.timestamp <= at) return 0
    if (g.grantee === this.owner) return 0
    if (g.parent == null) return g.issuer === this.owner ? g.rights : 0
    const parent = this.#grants.get(g.parent)
    if (parent == null || parent.grantee !== g.issuer) return 0
    const parentRights = this.#grantRights(g.parent, at, depth + 1)
    if ((parentRights & Right.Delegate) === 0) return 0
    // never more than the issuer holds
    return g.rights & parentRights
  }

  /** Whether `entry` counts as channel moderation. */
  #authoritative (entry: ActionRecord): boolean {
    if (entry.target === this.owner) return false
    if (entry.list === this.owner) return true
    if (entry.grant == null) return false
    const g = this.#grants.get(entry.grant)
    if (g == null || g.grantee !== entry.list) return false
    const needed = entry.type === 'ban' || entry.type === 'unban' ? Right.Ban : Right.Mute
    return (this.#grantRights(entry.grant, entry.timestamp, 1) & needed) !== 0
  }

  #recompute (target: string): void {
    let best: Effective | undefined
    for (const entry of this.#entries.get(target)?.values() ?? []) {
      if (!this.#authoritative(entry)) continue
      const e = active(entry, Number.NEGATIVE_INFINITY)
      if (e == null) continue
      if (best == null || (e.standing === 'banned' && best.standing === 'muted') || (e.standing === best.standing && e.until > best.until)) best = e
    }
    if (best == null) this.#channel.delete(target)
    else this.#channel.set(target, best)
  }

  #recomputeAll (): void {
    this.#channel.clear()
    for (const target of this.#entries.keys()) this.#recompute(target)
  }

  /** Effective bans and mutes with the entries behind them (for `mod show`). */
  report (now = Date.now()): { moderators: Array<{ key: string, rights: number, grants: GrantRecord[] }>, bans: ActionRecord[], mutes: ActionRecord[], revocations: RevocationRecord[] } {
    const moderators = new Map<string, GrantRecord[]>()
    for (const g of this.#grants.values()) {
      if (this.#grantRights(g.id, now, 1) !== 0) moderators.set(g.grantee, [...(moderators.get(g.grantee) ?? []), g])
    }
    const bans: ActionRecord[] = []
    const mutes: ActionRecord[] = []
    for (const lists of this.#entries.values()) {
      for (const entry of lists.values()) {
        const e = active(entry, now)
        if (e == null || !this.#authoritative(entry)) continue
        ;(e.standing === 'banned' ? bans : mutes).push(entry)
      }
    }
    return {
      moderators: [...moderators].map(([key, grants]) => ({ key, rights: this.rightsOf(key, now), grants })),
      bans,
      mutes,
      revocations: [...this.#revocations.values()]
    }
  }

  /** Every item of the log, for storage and mod-sync: grants, revocations, current entries. */
  * log (): Generator<ModItem> {
    yield * this.#grants.values()
    yield * this.#revocations.values()
    for (const lists of this.#entries.values()) yield * lists.values()
  }

  /** Highest version in `list` (to continue it). */
  lastVersion (list: string): number {
    let v = 0
    for (const lists of this.#entries.values()) v = Math.max(v, lists.get(list)?.version ?? 0)
    return v
  }

  grant (id: string): GrantRecord | undefined {
    return this.#grants.get(id)
  }
}

/** Whether `held` wins over `other` in a list: higher version, or the larger id on a tie (never the clock). */
function supersedes (held: ActionRecord, other: ActionRecord): boolean {
  return held.version > other.version || (held.version === other.version && held.id > other.id)
}

/** The standing an entry imposes at `now`, if any. */
function active (entry: ActionRecord, now: number): Effective | undefined {
  if (entry.type !== 'ban' && entry.type !== 'mute') return undefined
  const until = entry.duration === 0 ? Number.POSITIVE_INFINITY : entry.timestamp + entry.duration
  if (until <= now) return undefined
  return { standing: entry.type === 'ban' ? 'banned' : 'muted', until }
}
