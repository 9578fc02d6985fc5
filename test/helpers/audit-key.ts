import { generateKeyPairSync } from 'node:crypto'

/** An audit signing key for tests, given as COOP_AUDIT_SIGNING_KEY (as on a headless machine): no keychain needed. */
export const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
