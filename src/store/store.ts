import { Level } from 'level'

/** One feature's isolated key space ('chat', 'moderation', 'channels', ...). */
export interface Namespace {
  get(key: string): Promise<Uint8Array | undefined>
  put(key: string, value: Uint8Array): Promise<void>
  del(key: string): Promise<void>
  /** Applies all operations or none. */
  batch(ops: readonly BatchOp[]): Promise<void>
  /** Entries in key order (or reverse) within the range. */
  entries(range?: Range): AsyncIterable<[string, Uint8Array]>
}

export type BatchOp =
  | { type: 'put', key: string, value: Uint8Array }
  | { type: 'del', key: string }

export interface Range {
  gt?: string
  gte?: string
  lt?: string
  lte?: string
  reverse?: boolean
  limit?: number
}

/** Persistent storage for a node: `level` picks LevelDB in Node and IndexedDB in browsers. */
export interface Store {
  namespace(name: string): Namespace
  close(): Promise<void>
}

/** Another process holds the database (LevelDB allows one writer). */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError'
}

/** The database could not be opened for another reason (permissions, full disk, corruption). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError'
}

/** Opens (creating if needed) the store at `location`: a directory in Node, a database name in browsers. */
export async function openStore (location: string): Promise<Store> {
  const db = new Level<string, Uint8Array>(location, { keyEncoding: 'utf8', valueEncoding: 'view' })
  try {
    await db.open()
  } catch (err) {
    const cause = (err as { cause?: { code?: string, message?: string } }).cause
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new StoreLockedError(`the store at ${location} is in use by another swarmcast process; stop it or give this one its own --data DIR`)
    }
    throw new StoreOpenError(`cannot open the store at ${location}: ${cause?.message ?? (err as Error).message}; check that its disk has free space and that this user may write there`)
  }
  return new LevelStore(db)
}

class LevelStore implements Store {
  readonly #db: Level<string, Uint8Array>

  constructor (db: Level<string, Uint8Array>) {
    this.#db = db
  }

  namespace (name: string): Namespace {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw new TypeError(`namespace "${name}" must be lowercase letters, digits and dashes`)
    }
    const sub = this.#db.sublevel<string, Uint8Array>(name, { keyEncoding: 'utf8', valueEncoding: 'view' })
    return {
      get: async (key) => await sub.get(key),
      put: async (key, value) => { await sub.put(key, value) },
      del: async (key) => { await sub.del(key) },
      batch: async (ops) => { await sub.batch(ops.map(op => ({ ...op }))) },
      entries: (range = {}) => sub.iterator({ ...range, limit: range.limit ?? -1 })
    }
  }

  async close (): Promise<void> {
    // level's close is idempotent, so close() is safe twice
    await this.#db.close()
  }
}
