import { generateKeyPairSync } from 'node:crypto'
import { afterEach } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import { createFileLogger } from '../../../src/core/log/logger'
import type { LoopbackServer } from '../../emulators/loopback-server'
import { tempDir } from '../../helpers/temp-dir'

/** An Ed25519 key pair as the profile would hold it: PKCS#8 for COOP_AUDIT_SIGNING_KEY, SPKI for the reviewer. */
export function signingKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

const cores: Core[] = []
const servers: LoopbackServer[] = []

afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

/** A real core in a temp folder, signing with a key of its own (no keychain needed); closed after the test. */
export function attestCore(env: NodeJS.ProcessEnv = {}): { core: Core; key: { privatePem: string; publicPem: string } } {
  const dataDir = tempDir()
  const key = signingKeyPair()
  const core = openCore({ dataDir, version: '9.9.9-test', logger: createFileLogger(dataDir), env: { COOP_AUDIT_SIGNING_KEY: key.privatePem, ...env } })
  cores.push(core)
  return { core, key }
}

/** Closes the emulator after the test. */
export function track<T extends LoopbackServer>(server: T): T {
  servers.push(server)
  return server
}
