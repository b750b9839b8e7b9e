export { SfuClient } from './sfu-client.ts'
export { offersSfu } from './offers-sfu.ts'
export type { SfuClientInit, SfuClientNode, SfuTransportParams, SfuConsumerParams, SfuProduceResult } from './sfu-client.ts'
export { SfuReceiver } from './sfu-receiver.ts'
export type { SfuReceiverInit, SfuReceiverEvents, SfuReceiverState, SfuReceiverStats } from './sfu-receiver.ts'
export { signProduceAuthorization, verifyProduceAuthorization, SfuAuthorizationError } from './sfu-authorization.ts'
export type { VerifyAuthorizationOptions } from './sfu-authorization.ts'
export {
  SfuKind, SfuStatus, SfuMedia, SfuEventKind, mediaName, parseParams,
  encodeRequest, decodeRequest, encodeResponse, decodeResponse, encodeEvent, decodeEvent
} from './sfu-messages.ts'
export type { SfuRequest, SfuResponse, SfuEvent, SfuRtpTarget } from './sfu-messages.ts'
export { SfuRequestError, SfuRefusedError, SfuBusyError, SfuNotFoundError, SfuBadRequestError, SfuUnavailableError, SfuTimeoutError } from './errors.ts'
export * from './constants.ts'
