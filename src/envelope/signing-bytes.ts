import { concat } from 'uint8arrays/concat'
import { SIGNING_DOMAIN } from './constants.ts'

/**
 * The exact bytes an envelope's signature covers:
 * domain tag ‖ kind (u32 BE) ‖ channel id length (u8) ‖ channel id ‖ payload.
 * Kind and channel are bound so a signature cannot be moved to another kind or
 * channel; the payload is taken as received, never re-encoded.
 */
export function signingBytes (kind: number, channelId: Uint8Array, payload: Uint8Array): Uint8Array {
  const header = new Uint8Array(5)
  const view = new DataView(header.buffer)
  view.setUint32(0, kind)
  view.setUint8(4, channelId.byteLength)
  return concat([SIGNING_DOMAIN, header, channelId, payload])
}
