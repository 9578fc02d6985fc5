import type { AttestationReport } from '../../../../shared/attestation-types'

/** A small report as `attest:create` answers, for the page's unit tests (values made up, signature not real). */
export function sampleReport(change: (report: AttestationReport) => AttestationReport = (r) => r): AttestationReport {
  const modes = { local: 1, contract: 0, flag: 1, none: 1 }
  return change({
    format: 'coop-attestation',
    version: 1,
    body: {
      app: { name: 'Coop Desktop', version: '0.1.0' },
      window: { days: 30, since: '2026-02-01T12:00:00.000Z', until: '2026-03-03T12:00:00.000Z', coverage: 'full' },
      requests: {
        total: 4,
        byStatus: { succeeded: 2, failed: 1, cancelled: 0, blocked: 1, unfinished: 0 },
        sent: 3,
        byRetentionMode: modes,
        zeroRetention: { requests: 2, of: 3, share: 2 / 3, note: null },
        tokens: { input: 1200, output: 300 },
        byProvider: [],
      },
      keys: { bySource: { keychain: 0, env: 2, none: 1 }, byok: { requests: 2, distinctKeys: 1 } },
      sanitization: { ruleSetVersion: '0123456789ab', ruleIds: ['github-token'], userSecretRules: [], scrubbedRequests: 3, requestsWithRedactions: 1, redactions: { total: 2, byRule: { 'github-token': 2 } } },
      blocked: { total: 1, byProvider: { ds: 1 }, byReason: [{ reason: 'ds is blocked until an approval is recorded', requests: 1 }] },
      providers: [],
      policy: { tableVersion: '2026-01', offline: false, blockedEndpoints: [] },
      configurationChanges: { total: 5, byKind: { provider_added: 3, setting_changed: 2 }, changes: [] },
      auditChain: {
        headSeq: 312,
        headHash: 'ab'.repeat(32),
        checkpoint: null,
        firstSeq: 1,
        firstAt: '2026-02-01T12:00:00.000Z',
        recordsInWindow: 312,
        retentionDays: 90,
        attestationRecordSeq: 312,
        verified: true,
        problem: null,
        prunes: [],
      },
    },
    signature: { algorithm: 'Ed25519', keyId: 'ed25519:0123456789abcdef', signedAt: '2026-03-03T12:00:01.000Z', publicKey: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----\n', value: 'c2ln' },
  })
}
