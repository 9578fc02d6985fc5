import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { CoopError } from '../errors/coop-error'
import type { Keychain } from '../keys/system-keychain'
import { canonicalJson } from './canonical-json'

/** The audit log's Ed25519 key: the private half stays in the keychain, the public half can be exported. */
export interface SigningKey {
  readonly keyId: string
  readonly publicKeyPem: string
  sign(statement: unknown): string
}

/** `ed25519:` and 16 hex digits of the SHA-256 of the public key's DER: short, and names one key. */
export function keyIdOf(publicKey: KeyObject): string {
  return `ed25519:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)}`
}

/** Checks `signature` over the canonical JSON of `statement` with a PEM public key. */
export function verifySignature(publicKeyPem: string, statement: unknown, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(statement), 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

export function publicKeyFromPem(pem: string): { keyId: string; publicKeyPem: string } {
  try {
    const key = createPublicKey(pem)
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'unknown'} key`)
    return { keyId: keyIdOf(key), publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString() }
  } catch (error) {
    throw new CoopError('invalid_input', 'The public key is not an Ed25519 public key in PEM form (as coop audit public-key prints it)', {}, { cause: error })
  }
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey)
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (statement) => sign(null, Buffer.from(canonicalJson(statement), 'utf8'), privateKey).toString('base64'),
  }
}

/** The keychain entry of a profile's key: not a provider id (those cannot contain `:`), so they never collide. */
export function signingKeyAccount(profileId: string): string {
  return `coop:audit-signing-key:${profileId}`
}

/**
 * The profile's signing key: from COOP_AUDIT_SIGNING_KEY (a PKCS#8 PEM, for headless machines), else the
 * keychain, created there on first use. Throws keychain_unavailable when neither is possible: there is
 * no plaintext fallback.
 */
export async function loadSigningKey(keychain: Keychain, profileId: string, env: NodeJS.ProcessEnv): Promise<SigningKey> {
  const fromEnv = env.COOP_AUDIT_SIGNING_KEY
  if (fromEnv) {
    try {
      return fromPrivate(createPrivateKey(fromEnv.replace(/\\n/g, '\n')))
    } catch (error) {
      throw new CoopError('invalid_input', 'COOP_AUDIT_SIGNING_KEY is not an Ed25519 private key in PKCS#8 PEM form', {}, { cause: error })
    }
  }
  const account = signingKeyAccount(profileId)
  const stored = await keychain.get(account)
  if (stored) return fromPrivate(createPrivateKey(stored))
  const { privateKey } = generateKeyPairSync('ed25519')
  await keychain.set(account, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  return fromPrivate(privateKey)
}
