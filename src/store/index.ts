export { openStore, StoreLockedError, StoreOpenError } from './store.ts'
export type { Store, Namespace, BatchOp, Range } from './store.ts'
