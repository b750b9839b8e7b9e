export { PRESENT } from './namespace.ts'
export { openStore, StoreLockedError, StoreOpenError } from './store.ts'
export type { Store, Namespace, BatchOp, Range } from './namespace.ts'
