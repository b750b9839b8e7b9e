export { startRelay, Relay } from './relay.ts'
export type { RelayInit, RelayNode } from './relay.ts'
export * from './constants.ts'
