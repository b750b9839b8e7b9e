import { SfuStatus } from '../../src/sfu/index.ts'

/** A request the SFU answers with a non-OK status; the message goes back to the caller as is. */
export class SfuFault extends Error {
  override readonly name = 'SfuFault'
  readonly status: SfuStatus

  constructor (status: SfuStatus, message: string) {
    super(message)
    this.status = status
  }
}

export const refused = (message: string): SfuFault => new SfuFault(SfuStatus.Refused, message)
export const busy = (message: string): SfuFault => new SfuFault(SfuStatus.Busy, message)
export const notFound = (message: string): SfuFault => new SfuFault(SfuStatus.NotFound, message)
export const badRequest = (message: string): SfuFault => new SfuFault(SfuStatus.BadRequest, message)
