import { describe, expect, it } from 'vitest'
import { reportFacts } from './report-facts'
import { reportJson, siblingFileName } from './report-files'
import { sampleReport } from './report-fixture'

const factsOf = (...args: Parameters<typeof sampleReport>) => Object.fromEntries(reportFacts(sampleReport(...args), 'en-US').map((f) => [f.key, f.value]))

describe('the key facts of a report', () => {
  it('give the requests, the zero-retention share with its counts, and the modes', () => {
    const facts = factsOf()
    expect(facts.requests).toBe('4 (3 sent)')
    expect(facts['zero-retention']).toBe('67% (2 of 3 sent)')
    expect(facts['by-mode']).toBe('local 1 · contract 0 · flag 1 · none 1')
    expect(facts.blocked).toBe('1')
    expect(facts.redactions).toBe('2 in 1 request')
    expect(facts['key-sources']).toBe('keychain 0 · env 2 · none 1')
    expect(facts.changes).toBe('5')
    expect(facts.chain).toBe('intact when signed')
    expect(facts.head).toBe('ab'.repeat(32))
    expect(facts['key-id']).toBe('ed25519:0123456789abcdef')
    expect(facts.window).toBe('Last 30 days: Feb 1, 2026 – Mar 3, 2026')
  })

  it('say "no requests" rather than a share of nothing', () => {
    const facts = factsOf((r) => ({ ...r, body: { ...r.body, requests: { ...r.body.requests, total: 0, sent: 0, zeroRetention: { requests: 0, of: 0, share: null, note: 'no requests' } } } }))
    expect(facts['zero-retention']).toBe('no requests')
    expect(facts.requests).toBe('0 (0 sent)')
  })

  it('name a chain problem and a partly pruned window', () => {
    const facts = factsOf((r) => ({
      ...r,
      body: { ...r.body, window: { ...r.body.window, coverage: 'partial' }, auditChain: { ...r.body.auditChain, verified: false, problem: 'Record 5 was edited' } },
    }))
    expect(facts.chain).toBe('problem: Record 5 was edited')
    expect(facts.window).toContain('(partly pruned)')
  })
})

describe('the report’s files', () => {
  it('are the report as JSON, and the HTML and PDF beside it', () => {
    const report = sampleReport()
    expect(JSON.parse(reportJson(report))).toEqual(report)
    expect(reportJson(report).endsWith('}\n')).toBe(true)
    expect(siblingFileName('coop-attestation-2026-03-03.json', 'html')).toBe('coop-attestation-2026-03-03.html')
    expect(siblingFileName('report', 'pdf')).toBe('report.pdf')
  })
})
