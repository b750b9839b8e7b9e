// The order matters: protobuf-setup configures protobufjs before the generated code loads.
import './protobuf-setup.ts'

export { swarmcast as wire } from './generated.js'
export { decodeBounded, checkCount, checkLength, decodeUtf8 } from './decode.ts'
export type { Decodable } from './decode.ts'
export { OversizeMessageError, MalformedMessageError } from './errors.ts'
export { boundedLpStream } from './length-prefixed.ts'
