import { networkInterfaces } from 'node:os'
import { isIP } from 'node:net'

/** An --sfu-announced-ip that is not an IP address. */
export class SfuAddressError extends Error {
  override readonly name = 'SfuAddressError'
}

/**
 * The address browsers and streamers are told to send media to. An explicit
 * one wins (the public IP behind NAT); a specific listen IP is itself
 * reachable; on a wildcard listen, the first non-internal IPv4 of this host
 * (loopback only when there is none, e.g. a machine with no network).
 */
export function sfuAnnouncedIp (listenIp: string, announcedIp?: string): string {
  if (announcedIp != null && announcedIp !== '') {
    if (isIP(announcedIp) === 0) throw new SfuAddressError(`--sfu-announced-ip ${announcedIp} is not an IP address; give the public IPv4 or IPv6 viewers reach this relay at`)
    return announcedIp
  }
  if (listenIp !== '0.0.0.0' && listenIp !== '::') return listenIp
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}
