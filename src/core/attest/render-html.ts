import type { AttestationReport, ByRetentionMode } from '../../shared/attestation-types'
import { describeVerification, type ReportVerification } from './verify-report'

/** Markup this module built itself; anything else that reaches the page is text and is escaped. */
interface Html {
  readonly html: string
}
type Cell = string | number | null | Html

const html = (markup: string): Html => ({ html: markup })

/** Every character that could open markup or end an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/**
 * The report as one printable page for the people who sign off: no scripts, no external resources (a CSP
 * forbids them too), everything from the report escaped. Rendered only from a verification, so the page
 * always says whether the report verified and against which key.
 */
export function renderReportHtml(verification: Exclude<ReportVerification, { status: 'unreadable' }>): string {
  const report = verification.report
  const b = report.body
  const title = `Coop attestation: ${day(b.window.since)} to ${day(b.window.until)}`
  const sections = [
    banner(verification),
    summary(report),
    section('Requests by retention mode', retentionTable(b.requests.byRetentionMode, b.requests.sent) + providerRequests(report)),
    section('API keys', keys(report)),
    section('Secret scrubbing', sanitization(report)),
    section('Blocked requests', blocked(report)),
    section('Providers and their policies', providers(report)),
    section('Configuration changes in the window', changes(report)),
    section('Audit chain', chain(report)),
    section('Signature', signature(report, verification)),
    signOff(),
  ]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(`${b.app.name} ${b.app.version} · last ${b.window.days} days · ${time(b.window.since)} – ${time(b.window.until)}`)}</p></header>
${sections.join('\n')}
</body>
</html>
`
}

function banner(v: Exclude<ReportVerification, { status: 'unreadable' }>): string {
  const ok = v.status === 'verified'
  const heading = ok ? 'Signature verified' : 'NOT VERIFIED'
  return `<section class="banner ${ok ? 'ok' : 'bad'}"><strong>${heading}</strong><p>${escapeHtml(describeVerification(v))}</p></section>`
}

function summary(report: AttestationReport): string {
  const { requests, blocked, configurationChanges, auditChain, window } = report.body
  const zero = requests.zeroRetention
  const share = zero.share === null ? (zero.note ?? 'no requests') : `${percent(zero.share)} (${count(zero.requests)} of ${count(zero.of)} sent requests)`
  const rows: [string, Cell][] = [
    ['Requests in the window', requests.total],
    ['Sent to a provider', requests.sent],
    ['Succeeded / failed / cancelled', `${count(requests.byStatus.succeeded)} / ${count(requests.byStatus.failed)} / ${count(requests.byStatus.cancelled)}`],
    ['Blocked by policy or the request guard', blocked.total],
    ['Unfinished (no final record)', requests.byStatus.unfinished],
    ['Under zero-retention controls', share],
    ['Tokens in / out (as reported by providers)', `${count(requests.tokens.input)} / ${count(requests.tokens.output)}`],
    ['Configuration changes', configurationChanges.total],
    ['Audit chain at build time', auditChain.verified ? 'intact' : `PROBLEM: ${auditChain.problem ?? 'unknown'}`],
    ['Window coverage', window.coverage === 'full' ? 'full' : 'partial: records inside the window were pruned'],
  ]
  return section('Summary', facts(rows))
}

function retentionTable(modes: ByRetentionMode, sent: number): string {
  const meaning: Record<keyof ByRetentionMode, string> = {
    local: 'the model runs on this machine or network',
    contract: 'a zero-retention agreement recorded, with its verification date',
    flag: 'a provider-honoured per-request flag (e.g. store: false)',
    none: 'no zero-retention control applied',
  }
  const order = ['local', 'contract', 'flag', 'none'] as const
  return table(
    ['Mode', 'Meaning', 'Requests', 'Share'],
    order.map((m) => [m, meaning[m], modes[m], sent === 0 ? '—' : percent(modes[m] / sent)]),
  )
}

function providerRequests(report: AttestationReport): string {
  const rows = report.body.requests.byProvider.map((p) => [p.provider, p.sent, p.blocked, p.unfinished, p.byRetentionMode.local, p.byRetentionMode.contract, p.byRetentionMode.flag, p.byRetentionMode.none])
  if (rows.length === 0) return '<p>No requests in the window.</p>'
  return `<h3>By provider</h3>${table(['Provider', 'Sent', 'Blocked', 'Unfinished', 'local', 'contract', 'flag', 'none'], rows)}`
}

function keys(report: AttestationReport): string {
  const { bySource, byok } = report.body.keys
  return facts([
    ['From the system keychain', bySource.keychain],
    ['From COOP_<PROVIDER>_API_KEY', bySource.env],
    ['Without a key (local servers)', bySource.none],
    ['With the user’s own key (BYOK)', byok.requests],
    ['Distinct keys used (by fingerprint)', byok.distinctKeys],
  ])
}

function sanitization(report: AttestationReport): string {
  const s = report.body.sanitization
  const rules = Object.entries(s.redactions.byRule)
  return (
    facts([
      ['Rule set version', html(`<code>${escapeHtml(s.ruleSetVersion)}</code>`)],
      ['Requests scrubbed', s.scrubbedRequests],
      ['Requests with at least one redaction', s.requestsWithRedactions],
      ['Redactions', s.redactions.total],
    ]) +
    (rules.length > 0 ? table(['Rule', 'Redactions'], rules.map(([rule, n]) => [rule, n])) : '<p>No redactions in the window.</p>') +
    `<p class="small">Rules: ${escapeHtml([...s.ruleIds, ...s.userSecretRules].join(', '))}</p>`
  )
}

function blocked(report: AttestationReport): string {
  const b = report.body.blocked
  if (b.total === 0) return '<p>No requests were blocked.</p>'
  return (
    table(['Provider', 'Blocked'], Object.entries(b.byProvider).map(([p, n]) => [p, n])) +
    table(['Reason', 'Requests'], b.byReason.map((r) => [r.reason, r.requests]))
  )
}

function providers(report: AttestationReport): string {
  const { providers: list, policy } = report.body
  const intro = `<p>Policy table of ${escapeHtml(policy.tableVersion)} · offline mode ${policy.offline ? 'on' : 'off'} · blocked endpoints: ${escapeHtml(policy.blockedEndpoints.join(', ') || 'none')}</p>`
  if (list.length === 0) return `${intro}<p>No providers configured.</p>`
  const rows = list.map((p): Cell[] => [
    html(`<strong>${escapeHtml(p.id)}</strong><br><span class="small">${escapeHtml(p.kind)}${p.name ? ` · ${escapeHtml(p.name)}` : ''}${p.local ? ' · local' : ''}${p.enabled ? '' : ' · disabled'}</span>`),
    p.retentionMode,
    p.noTraining === null ? '—' : p.noTraining ? 'yes' : 'no',
    p.verifiedOn,
    p.agreementVerifiedOn,
    p.approval ? `${p.approval.by}, ${day(p.approval.at)}: ${p.approval.reason}` : null,
    p.blockedReason,
    html(p.policyLinks.map((l) => link(l.title, l.url)).join('<br>') || '—'),
  ])
  return intro + table(['Provider', 'Retention', 'No training', 'Verified on', 'Agreement verified', 'Approval', 'Blocked because', 'Policy links'], rows)
}

function changes(report: AttestationReport): string {
  const c = report.body.configurationChanges
  if (c.total === 0) return '<p>No configuration changes in the window.</p>'
  const rows = c.changes.map((change): Cell[] => [`#${change.seq}`, time(change.at), change.kind, change.actor, details(change.data)])
  return table(['Record', 'When', 'Change', 'By', 'Details'], rows)
}

function chain(report: AttestationReport): string {
  const a = report.body.auditChain
  return (
    facts([
      ['Head record', `#${a.headSeq}`],
      ['Head hash', html(`<code>${escapeHtml(a.headHash)}</code>`)],
      ['Signed checkpoint', a.checkpoint ? `#${a.checkpoint.seq} at ${time(a.checkpoint.at)} by ${a.checkpoint.keyId}` : 'none'],
      ['This attestation’s own record', `#${a.attestationRecordSeq}`],
      ['Oldest record kept', a.firstSeq === null ? '—' : `#${a.firstSeq} (${a.firstAt === null ? '' : time(a.firstAt)})`],
      ['Records in the window', a.recordsInWindow],
      ['Retention', `${count(a.retentionDays)} days`],
      ['Chain verification when built', a.verified ? 'intact' : `FAILED: ${a.problem ?? ''}`],
    ]) + (a.prunes.length > 0 ? table(['Prune record', 'When', 'Removed', 'Cutoff'], a.prunes.map((p) => [`#${p.seq}`, time(p.at), p.removed, p.cutoff])) : '')
  )
}

function signature(report: AttestationReport, v: Exclude<ReportVerification, { status: 'unreadable' }>): string {
  const s = report.signature
  return (
    facts([
      ['Result', v.status === 'verified' ? (v.trust === 'given' ? 'verified against the key you gave' : 'verified against the embedded key') : `not verified (${v.problem.kind})`],
      ['Algorithm', s.algorithm],
      ['Key id', html(`<code>${escapeHtml(s.keyId)}</code>`)],
      ['Signed at', s.signedAt],
      ['Signature', html(`<code class="wrap">${escapeHtml(s.value)}</code>`)],
    ]) + `<p class="small">Public key:</p><pre>${escapeHtml(s.publicKey)}</pre><p class="small">Verify offline: <code>coop attest verify report.json --public-key key.pem</code></p>`
  )
}

function signOff(): string {
  return section('Sign-off', '<div class="signoff"><p>Reviewed by</p><p>Role</p><p>Date</p><p>Signature</p></div>')
}

function section(heading: string, content: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2>${content}</section>`
}

function facts(rows: readonly [string, Cell][]): string {
  return `<table class="facts"><tbody>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${cell(value)}</td></tr>`).join('')}</tbody></table>`
}

function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  // A column of numbers is right-aligned, heading included.
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'))
  const head = `<thead><tr>${headers.map((h, i) => `<th scope="col"${numeric[i] ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
  const body = rows.map((row) => `<tr>${row.map((value, i) => `<td${numeric[i] ? ' class="num"' : ''}>${cell(value)}</td>`).join('')}</tr>`).join('')
  return `<table>${head}<tbody>${body}</tbody></table>`
}

function cell(value: Cell): string {
  if (value === null) return '—'
  if (typeof value === 'number') return count(value)
  if (typeof value === 'string') return escapeHtml(value)
  return value.html
}

/** A link only for http(s) addresses; the address is printed too, since paper has no links. */
function link(title: string, url: string): string {
  const safe = URL.canParse(url) && ['https:', 'http:'].includes(new URL(url).protocol)
  const text = `${escapeHtml(title)} <span class="small url">${escapeHtml(url)}</span>`
  return safe ? `<a href="${escapeHtml(url)}" rel="noreferrer">${text}</a>` : text
}

/** A record's data as `name: value` lines, each cut at 200 characters. */
function details(data: Readonly<Record<string, unknown>>): Html {
  const lines = Object.entries(data).map(([key, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    return `${escapeHtml(key)}: ${escapeHtml(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`
  })
  return html(lines.join('<br>') || '—')
}

function count(n: number): string {
  return n.toLocaleString('en-US')
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}

function day(iso: string): string {
  return iso.slice(0, 10)
}

function time(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; max-width: 64rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.muted, .small { color: #57606a; }
.small { font-size: .85em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eaeef2; }
thead th { border-bottom: 2px solid #d0d7de; font-weight: 600; }
table.facts th { width: 18rem; font-weight: 500; color: #424a53; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
code.wrap, .url { word-break: break-all; }
pre { background: #f6f8fa; padding: .5rem; white-space: pre-wrap; }
a { color: #0550ae; }
.banner { border: 2px solid; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
.banner.ok { border-color: #1a7f37; background: #dafbe1; }
.banner.bad { border-color: #cf222e; background: #ffebe9; }
.banner p { margin: .25rem 0 0; }
.signoff { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5rem 2rem; margin-top: 1rem; }
.signoff p { border-top: 1px solid #1b1f24; padding-top: .25rem; margin: 2rem 0 0; }
@page { size: A4; margin: 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  a { color: inherit; text-decoration: none; }
  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, .banner, table.facts, .signoff { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`
