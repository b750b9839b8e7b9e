import { DEFAULT_SFU_MAX_PORT, DEFAULT_SFU_MIN_PORT } from './constants.ts'

/** An --sfu-ports value that is not a usable range. */
export class SfuPortsError extends Error {
  override readonly name = 'SfuPortsError'
}

/** Reads `--sfu-ports 40000-40999` (default when absent); a range of at least 2 ports (RTP + RTCP). */
export function parseSfuPorts (text: string | undefined): { rtcMinPort: number, rtcMaxPort: number } {
  if (text == null || text === '') return { rtcMinPort: DEFAULT_SFU_MIN_PORT, rtcMaxPort: DEFAULT_SFU_MAX_PORT }
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim())
  const min = Number(match?.[1])
  const max = Number(match?.[2])
  if (match == null || min < 1024 || max > 65535 || max - min < 1) {
    throw new SfuPortsError(`--sfu-ports ${text} must be a range like 40000-40999 within 1024-65535 (open it for UDP and TCP in the firewall)`)
  }
  return { rtcMinPort: min, rtcMaxPort: max }
}
