import { Level } from 'level'
import { storableValue } from './namespace.ts'
import type { Namespace, Store } from './namespace.ts'

/** Another process holds the database (LevelDB allows one writer). */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError'
}

/** The database could not be opened for another reason (permissions, full disk, corruption). */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError'
}

/** Opens (creating if needed) the LevelDB store at `location`, a directory. (Browsers use browser/src/node/indexeddb.ts.) */
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
      put: async (key, value) => { await sub.put(key, storableValue(key, value)) },
      del: async (key) => { await sub.del(key) },
      batch: async (ops) => { await sub.batch(ops.map(op => op.type === 'put' ? { ...op, value: storableValue(op.key, op.value) } : { ...op })) },
      entries: (range = {}) => sub.iterator({ ...range, limit: range.limit ?? -1 })
    }
  }

  async close (): Promise<void> {
    // level's close is idempotent, so close() is safe twice
    await this.#db.close()
  }
}
