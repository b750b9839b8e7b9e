import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { fingerprint, keyToText } from './key-text.ts'
import type { Ed25519PrivateKey } from '@libp2p/interface'

/** Stored identity bytes that are not an Ed25519 private key. */
export class InvalidIdentityError extends Error {
  override readonly name = 'InvalidIdentityError'
}

/**
 * A participant's content-signing key pair. Separate from the libp2p peer key,
 * which only secures transport: a person keeps one identity across devices and
 * runs, while peer ids may be fresh each run.
 */
export class Identity {
  readonly publicKey: Uint8Array
  /** Full text form of the public key (see keyToText). */
  readonly key: string
  /** Short display form of the public key (see fingerprint). */
  readonly fingerprint: string
  readonly #privateKey: Ed25519PrivateKey

  constructor (privateKey: Ed25519PrivateKey) {
    this.#privateKey = privateKey
    this.publicKey = privateKey.publicKey.raw
    this.key = keyToText(this.publicKey)
    this.fingerprint = fingerprint(this.publicKey)
  }

  static async generate (): Promise<Identity> {
    return new Identity(await generateKeyPair('Ed25519'))
  }

  /** Reads the bytes written by `toBytes()`. */
  static fromBytes (bytes: Uint8Array): Identity {
    let key
    try {
      key = privateKeyFromProtobuf(bytes)
    } catch (err) {
      throw new InvalidIdentityError(`stored identity key is unreadable: ${(err as Error).message}`)
    }
    if (key.type !== 'Ed25519') {
      throw new InvalidIdentityError(`stored identity key is ${key.type}, expected Ed25519`)
    }
    return new Identity(key)
  }

  /** The private key in libp2p's protobuf key format, for a KeyStore. */
  toBytes (): Uint8Array {
    return privateKeyToProtobuf(this.#privateKey)
  }

  async sign (data: Uint8Array): Promise<Uint8Array> {
    return await this.#privateKey.sign(data)
  }
}
