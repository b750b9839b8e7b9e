import { toString as bytesToString } from 'uint8arrays/to-string'
import { wire, decodeBounded, checkLength, MalformedMessageError } from '../wire/index.ts'
import { keyToText, PUBLIC_KEY_LENGTH } from '../identity/key-text.ts'
import { Kind } from '../envelope/envelope.ts'
import { messageId } from '../chat/chat-message.ts'
import { ALL_RIGHTS, MAX_ACTION_DURATION_MS, MAX_MOD_PAYLOAD_BYTES, MAX_REASON_BYTES } from './constants.ts'
import type { VerifiedEnvelope } from '../envelope/envelope.ts'

export const ActionType = { Ban: 'ban', Unban: 'unban', Mute: 'mute', Unmute: 'unmute' } as const
export type ActionType = typeof ActionType[keyof typeof ActionType]

const ACTION_FROM_WIRE: Record<number, ActionType> = {
  [wire.ModActionType.BAN]: 'ban',
  [wire.ModActionType.UNBAN]: 'unban',
  [wire.ModActionType.MUTE]: 'mute',
  [wire.ModActionType.UNMUTE]: 'unmute'
}
export const ACTION_TO_WIRE: Record<ActionType, number> = {
  ban: wire.ModActionType.BAN,
  unban: wire.ModActionType.UNBAN,
  mute: wire.ModActionType.MUTE,
  unmute: wire.ModActionType.UNMUTE
}

export interface GrantRecord {
  kind: 'grant'
  /** Hex SHA-256 of the envelope. */
  id: string
  issuer: string
  grantee: string
  rights: number
  notBefore: number
  /** 0 = does not expire. */
  expires: number
  /** The issuer's own grant id; undefined when the owner issued it. */
  parent: string | undefined
  timestamp: number
  envelope: Uint8Array
}

export interface RevocationRecord {
  kind: 'revocation'
  id: string
  issuer: string
  grantId: string
  timestamp: number
  envelope: Uint8Array
}

export interface ActionRecord {
  kind: 'action'
  id: string
  /** The signer: each key's actions form its list. */
  list: string
  target: string
  type: ActionType
  version: number
  timestamp: number
  /** ms; 0 = until undone. */
  duration: number
  reason: string
  /** The signer's grant id, if it acts as a channel moderator. */
  grant: string | undefined
  envelope: Uint8Array
}

export type ModItem = GrantRecord | RevocationRecord | ActionRecord

/** Optional id fields: absent or empty is undefined. */
const hex = (b: Uint8Array | null | undefined): string | undefined => b == null || b.byteLength === 0 ? undefined : bytesToString(b, 'base16')

/** Reads and bounds-checks a verified moderation envelope's payload; throws MalformedMessageError. */
export function readModItem (envelopeBytes: Uint8Array, env: Pick<VerifiedEnvelope, 'kind' | 'author' | 'payload'>): ModItem {
  const id = messageId(envelopeBytes)
  const signer = keyToText(env.author)
  switch (env.kind) {
    case Kind.ModGrant: {
      const g = decodeBounded(wire.Grant, 'grant', env.payload, MAX_MOD_PAYLOAD_BYTES)
      if ((g.rights & ~ALL_RIGHTS) !== 0 || g.rights === 0) throw new MalformedMessageError(`grant rights ${g.rights} are not a valid set`)
      const parent = hex(g.parent)
      if (parent != null && parent.length !== 64) throw new MalformedMessageError('grant parent must be a 32-byte id')
      return {
        kind: 'grant',
        id,
        issuer: signer,
        grantee: keyToText(checkLength('grantee', g.grantee, PUBLIC_KEY_LENGTH)),
        rights: g.rights,
        notBefore: g.notBefore,
        expires: g.expires,
        parent,
        timestamp: g.timestamp,
        envelope: envelopeBytes
      }
    }
    case Kind.ModRevocation: {
      const r = decodeBounded(wire.Revocation, 'revocation', env.payload, MAX_MOD_PAYLOAD_BYTES)
      return { kind: 'revocation', id, issuer: signer, grantId: bytesToString(checkLength('revoked grant id', r.grantId, 32), 'base16'), timestamp: r.timestamp, envelope: envelopeBytes }
    }
    case Kind.ModAction: {
      const a = decodeBounded(wire.ModAction, 'moderation action', env.payload, MAX_MOD_PAYLOAD_BYTES)
      const type = ACTION_FROM_WIRE[a.type]
      if (type == null) throw new MalformedMessageError(`unknown moderation action ${a.type}`)
      const reason = a.reason ?? ''
      if (new TextEncoder().encode(reason).byteLength > MAX_REASON_BYTES) throw new MalformedMessageError(`reason is over ${MAX_REASON_BYTES} bytes`)
      if (a.version <= 0) throw new MalformedMessageError('action version must be positive')
      if (a.duration > MAX_ACTION_DURATION_MS) throw new MalformedMessageError('action duration is over a year')
      const grant = hex(a.grant)
      if (grant != null && grant.length !== 64) throw new MalformedMessageError('action grant must be a 32-byte id')
      return {
        kind: 'action',
        id,
        list: signer,
        target: keyToText(checkLength('action target', a.target, PUBLIC_KEY_LENGTH)),
        type,
        version: a.version,
        timestamp: a.timestamp,
        duration: a.duration,
        reason,
        grant,
        envelope: envelopeBytes
      }
    }
    default:
      throw new MalformedMessageError(`kind ${env.kind} is not a moderation item`)
  }
}
