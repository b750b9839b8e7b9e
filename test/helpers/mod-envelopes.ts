import { fromString as bytesFromString } from 'uint8arrays/from-string'
import { wire } from '../../src/wire/index.ts'
import { sealEnvelope, openEnvelope, Kind } from '../../src/envelope/index.ts'
import { readModItem, ACTION_TO_WIRE } from '../../src/moderation/mod-item.ts'
import type { ChannelId } from '../../src/channel/index.ts'
import type { Identity } from '../../src/identity/index.ts'
import type { ActionRecord, ActionType, GrantRecord, ModItem, RevocationRecord } from '../../src/moderation/index.ts'

const MOD_KINDS = [Kind.ModGrant, Kind.ModRevocation, Kind.ModAction]

async function item (bytes: Uint8Array, channel: ChannelId): Promise<ModItem> {
  return readModItem(bytes, await openEnvelope(bytes, { channel, kinds: MOD_KINDS }))
}

export async function grantBytes (issuer: Identity, channel: ChannelId, f: { grantee: Identity, rights: number, parent?: string, notBefore?: number, expires?: number, timestamp?: number }): Promise<Uint8Array> {
  const now = f.timestamp ?? Date.now()
  const payload = wire.Grant.encode({
    grantee: f.grantee.publicKey,
    rights: f.rights,
    notBefore: f.notBefore ?? now,
    expires: f.expires ?? 0,
    parent: f.parent != null ? bytesFromString(f.parent, 'base16') : undefined,
    timestamp: now,
    nonce: crypto.getRandomValues(new Uint8Array(8))
  }).finish()
  return await sealEnvelope(issuer, { kind: Kind.ModGrant, channel, payload })
}

export async function grant (issuer: Identity, channel: ChannelId, f: Parameters<typeof grantBytes>[2]): Promise<GrantRecord> {
  return await item(await grantBytes(issuer, channel, f), channel) as GrantRecord
}

export async function revocation (issuer: Identity, channel: ChannelId, grantId: string, timestamp = Date.now()): Promise<RevocationRecord> {
  const payload = wire.Revocation.encode({ grantId: bytesFromString(grantId, 'base16'), timestamp }).finish()
  return await item(await sealEnvelope(issuer, { kind: Kind.ModRevocation, channel, payload }), channel) as RevocationRecord
}

export async function actionBytes (signer: Identity, channel: ChannelId, f: { type: ActionType, target: Identity, version: number, timestamp?: number, duration?: number, reason?: string, grant?: string }): Promise<Uint8Array> {
  const payload = wire.ModAction.encode({
    type: ACTION_TO_WIRE[f.type],
    target: f.target.publicKey,
    version: f.version,
    timestamp: f.timestamp ?? Date.now(),
    duration: f.duration ?? 0,
    reason: f.reason ?? '',
    grant: f.grant != null ? bytesFromString(f.grant, 'base16') : undefined
  }).finish()
  return await sealEnvelope(signer, { kind: Kind.ModAction, channel, payload })
}

export async function action (signer: Identity, channel: ChannelId, f: Parameters<typeof actionBytes>[2]): Promise<ActionRecord> {
  return await item(await actionBytes(signer, channel, f), channel) as ActionRecord
}
