import { describe, expect, it } from 'vitest'
import type { AttestationBody } from '../../../src/shared/attestation-types'
import { buildReportBody } from '../../../src/core/attest/build-report'
import { escapeHtml, renderReportHtml } from '../../../src/core/attest/render-html'
import { signReport } from '../../../src/core/attest/sign-report'
import { verifyReport } from '../../../src/core/attest/verify-report'
import { SANITIZE_RULESET_VERSION } from '../../../src/core/sanitize/rule-set'
import { attestCore } from './fixture'

const HOSTILE = '<b>x</b>'

/** A signed report whose texts try to break out of the page: a provider id, a link, a change's data. */
async function hostileReport() {
  const { core, key } = attestCore()
  core.providers.add({ id: 'oa', kind: 'openai', models: ['gpt-x'] })
  core.audit.append('llm_request', { requestId: 'r1', provider: 'oa', status: 'succeeded', retentionMode: 'flag', keySource: 'keychain', redactions: { total: 2, byRule: { 'github-token': 2 } } })
  core.audit.append('llm_request', { requestId: 'r2', provider: 'oa', status: 'succeeded', retentionMode: 'none', keySource: 'env' })
  core.audit.append('setting_changed', { setting: 'note', to: '<script>alert(1)</script>' })
  const real = await buildReportBody(core, { days: 90 })
  const [provider] = real.providers
  if (!provider) throw new Error('no provider')
  const body: AttestationBody = {
    ...real,
    providers: [...real.providers, { ...provider, id: HOSTILE, name: '"onmouseover="x', policyLinks: [{ title: 'Terms', url: 'javascript:alert(1)' }, ...provider.policyLinks] }],
  }
  const report = await signReport(body, core.audit)
  return { report, text: JSON.stringify(report), key }
}

describe('the printable HTML page', () => {
  it('is self-contained: no scripts, no external resources, a print stylesheet', async () => {
    const { text } = await hostileReport()
    const verification = verifyReport(text)
    if (verification.status === 'unreadable') throw new Error('unreadable')
    const page = renderReportHtml(verification)

    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/\s(src|srcset|on\w+)=/i)
    expect(page).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i)
    expect(page).not.toMatch(/@import|url\(/i)
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(page).toContain('@media print')
    // Every link goes to a policy page over https; a javascript: address is shown as text only.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//)
    expect(page).toContain('javascript:alert(1)')
  })

  it('escapes everything that comes from the report', async () => {
    const { text } = await hostileReport()
    const verification = verifyReport(text)
    if (verification.status === 'unreadable') throw new Error('unreadable')
    const page = renderReportHtml(verification)

    expect(page).not.toContain(HOSTILE)
    expect(page).toContain(escapeHtml(HOSTILE))
    expect(escapeHtml(HOSTILE)).toBe('&#60;b&#62;x&#60;/b&#62;')
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;')
    expect(page).not.toContain('"onmouseover="x')
  })

  it('shows the key facts and that it verified', async () => {
    const { report, text, key } = await hostileReport()
    const verification = verifyReport(text, { publicKeyPem: key.publicPem })
    if (verification.status === 'unreadable') throw new Error('unreadable')
    const page = renderReportHtml(verification)
    const b = report.body

    expect(page).toContain('Signature verified')
    expect(page).toContain('the public key you gave')
    for (const fact of [
      b.window.since.slice(0, 10),
      b.window.until.slice(0, 10),
      '50.0% (1 of 2 sent requests)',
      b.auditChain.headHash,
      `#${b.auditChain.headSeq}`,
      report.signature.keyId,
      report.signature.signedAt,
      SANITIZE_RULESET_VERSION,
      '9.9.9-test',
      'github-token',
      'https://platform.openai.com/docs/guides/your-data',
      'Verified on',
      'Reviewed by',
    ]) {
      expect(page).toContain(fact)
    }
  })

  it('says "no requests" for an empty window and marks a report that does not verify', async () => {
    const { core } = attestCore()
    const report = await signReport(await buildReportBody(core, { days: 7 }), core.audit)
    const altered = { ...report, body: { ...report.body, requests: { ...report.body.requests, total: 5 } } }
    const verification = verifyReport(JSON.stringify(altered))
    if (verification.status === 'unreadable') throw new Error('unreadable')
    const page = renderReportHtml(verification)

    expect(page).toContain('NOT VERIFIED')
    expect(page).toContain('Does not verify: The signature does not match: the report was altered after it was signed')
    expect(page).toContain('no requests')
    expect(page).not.toContain('100.0%')
  })
})
