// The key-value contract the core writes to. Kept apart from store.ts, which
// imports LevelDB, so that code the browser runs can use it too.

/**
 * The value of an entry whose key is all its data (an index entry, a flag).
 * Values are never empty: classic-level copies each value it writes into a new
 * buffer and frees that buffer only when it is not empty, so every empty value
 * leaked an allocation: a chat history grew by some 65 bytes of RSS per message
 * stored, without bound (`npm run bench -- store`). Every Store refuses empty
 * values (storableValue), so a test in either runtime catches one.
 */
export const PRESENT: Uint8Array = Uint8Array.of(1)

/** One feature's isolated key space ('chat', 'moderation', 'channels', ...). Values must not be empty (see PRESENT). */
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

/** Persistent storage for a node: LevelDB in Node (store.ts), IndexedDB in browsers. */
export interface Store {
  namespace(name: string): Namespace
  close(): Promise<void>
}

/** `value`, if a store may hold it; throws TypeError for an empty one (see PRESENT). */
export function storableValue (key: string, value: Uint8Array): Uint8Array {
  if (value.length === 0) throw new TypeError(`empty value for store key "${key}": LevelDB's binding leaks memory on empty values; write PRESENT for a key-only entry`)
  return value
}
