/**
 * A service another may use when the node runs it. libp2p's components object
 * throws for a service that is not registered, so reading one is wrapped here.
 */
export function optionalService<C, K extends keyof C> (components: C, name: K): C[K] | undefined {
  try {
    return components[name]
  } catch {
    return undefined
  }
}
