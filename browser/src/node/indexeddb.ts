import { storableValue } from '../../../src/store/namespace.ts'
import type { BatchOp, Namespace, Range, Store } from '../../../src/store/index.ts'
import type { KeyStore } from '../../../src/identity/index.ts'

// One database per page origin: `kv` holds every namespace's entries under
// [namespace, key]; `keys` holds private key bytes by name.
const DB_VERSION = 1
const KV = 'kv'
const KEYS = 'keys'
// Entries read per transaction: a transaction closes as soon as the page awaits
// anything else, so iteration reads a page, then opens a new one after the last key.
const PAGE = 256

/** IndexedDB is missing or refused (private mode in some browsers, storage disabled). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError'
}

/**
 * The browser's persistent storage for a node: the core's `Store` (chat
 * history, moderation log, subscriptions) and the identity's `KeyStore`, both
 * on IndexedDB, with no dependency beyond the platform. (The core's `level`
 * store needs Node's `events` module in browsers; this keeps the same key
 * order: keys are ASCII, where UTF-16 and UTF-8 order agree.)
 */
export class BrowserDatabase {
  readonly #db: IDBDatabase
  #closed = false

  private constructor (db: IDBDatabase) {
    this.#db = db
  }

  static async open (name: string): Promise<BrowserDatabase> {
    if (typeof indexedDB === 'undefined') throw new StorageUnavailableError('this browser has no IndexedDB: swarmcast cannot keep your identity or chat history here')
    const request = indexedDB.open(name, DB_VERSION)
    request.onupgradeneeded = () => {
      const db = request.result
      if (!db.objectStoreNames.contains(KV)) db.createObjectStore(KV)
      if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS)
    }
    try {
      const db = await done(request)
      // another tab upgrading the schema: step aside rather than block it
      db.onversionchange = () => { db.close() }
      return new BrowserDatabase(db)
    } catch (err) {
      throw new StorageUnavailableError(`cannot open browser storage "${name}": ${(err as Error).message}; allow site data for this page (it is not shared with anyone)`)
    }
  }

  /** The core's Store interface over the `kv` object store. */
  store (): Store {
    return {
      namespace: (name) => this.#namespace(name),
      close: async () => { this.close() }
    }
  }

  /** A KeyStore for the key named `name` (e.g. 'identity'). */
  keyStore (name: string): KeyStore {
    return {
      load: async () => {
        const value = await done(this.#tx(KEYS, 'readonly').objectStore(KEYS).get(name)) as unknown
        return value instanceof Uint8Array ? value : undefined
      },
      save: async (bytes) => {
        const tx = this.#tx(KEYS, 'readwrite', 'strict')
        tx.objectStore(KEYS).put(new Uint8Array(bytes), name)
        await committed(tx)
      }
    }
  }

  /** Safe twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    this.#db.close()
  }

  #tx (store: string, mode: IDBTransactionMode, durability: 'default' | 'strict' | 'relaxed' = 'default'): IDBTransaction {
    return this.#db.transaction(store, mode, { durability })
  }

  #namespace (name: string): Namespace {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new TypeError(`namespace "${name}" must be lowercase letters, digits and dashes`)
    return {
      get: async (key) => {
        const value = await done(this.#tx(KV, 'readonly').objectStore(KV).get([name, key])) as unknown
        return value instanceof Uint8Array ? value : undefined
      },
      put: async (key, value) => { await this.#write(name, [{ type: 'put', key, value }]) },
      del: async (key) => { await this.#write(name, [{ type: 'del', key }]) },
      batch: async (ops) => { await this.#write(name, ops) },
      entries: (range = {}) => this.#entries(name, range)
    }
  }

  async #write (ns: string, ops: readonly BatchOp[]): Promise<void> {
    // checked before the transaction opens: all or nothing
    for (const op of ops) if (op.type === 'put') storableValue(op.key, op.value)
    const tx = this.#tx(KV, 'readwrite')
    const kv = tx.objectStore(KV)
    for (const op of ops) {
      if (op.type === 'put') kv.put(op.value, [ns, op.key])
      else kv.delete([ns, op.key])
    }
    await committed(tx)
  }

  async * #entries (ns: string, range: Range): AsyncGenerator<[string, Uint8Array]> {
    let left = range.limit == null || range.limit < 0 ? Infinity : range.limit
    let after: string | undefined
    while (left > 0) {
      const page = await this.#page(ns, range, after, Math.min(PAGE, left))
      for (const entry of page) yield entry
      left -= page.length
      if (page.length < PAGE) return
      after = page.at(-1)?.[0]
    }
  }

  // Up to `count` entries of the range, continuing past `after` (in the range's direction).
  async #page (ns: string, range: Range, after: string | undefined, count: number): Promise<Array<[string, Uint8Array]>> {
    const reverse = range.reverse === true
    let lower: IDBValidKey = [ns]
    let lowerOpen = false
    let upper: IDBValidKey = [ns, []] // arrays sort after every string: above all keys of ns
    let upperOpen = true
    if (range.gt != null) { lower = [ns, range.gt]; lowerOpen = true } else if (range.gte != null) { lower = [ns, range.gte] }
    if (range.lt != null) { upper = [ns, range.lt]; upperOpen = true } else if (range.lte != null) { upper = [ns, range.lte]; upperOpen = false }
    if (after != null && !reverse) { lower = [ns, after]; lowerOpen = true }
    if (after != null && reverse) { upper = [ns, after]; upperOpen = true }
    let keyRange: IDBKeyRange
    try {
      keyRange = IDBKeyRange.bound(lower, upper, lowerOpen, upperOpen)
    } catch {
      return [] // an empty range (lower above upper)
    }
    const out: Array<[string, Uint8Array]> = []
    const request = this.#tx(KV, 'readonly').objectStore(KV).openCursor(keyRange, reverse ? 'prev' : 'next')
    await new Promise<void>((resolve, reject) => {
      request.onerror = () => { reject(request.error ?? new Error('IndexedDB cursor failed')) }
      request.onsuccess = () => {
        const cursor = request.result
        if (cursor == null) { resolve(); return }
        const key = (cursor.key as [string, string])[1]
        out.push([key, cursor.value as Uint8Array])
        if (out.length >= count) { resolve(); return }
        cursor.continue()
      }
    })
    return out
  }
}

async function done<T> (request: IDBRequest<T>): Promise<T> {
  return await new Promise<T>((resolve, reject) => {
    request.onsuccess = () => { resolve(request.result) }
    request.onerror = () => { reject(request.error ?? new Error('IndexedDB request failed')) }
  })
}

async function committed (tx: IDBTransaction): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => { resolve() }
    tx.onerror = () => { reject(tx.error ?? new Error('IndexedDB transaction failed')) }
    tx.onabort = () => { reject(tx.error ?? new Error('IndexedDB transaction aborted')) }
  })
}
