import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../shared/contract'
import type { HostKind } from '../../shared/types'
import type { Core } from '../core'
import { CoopError } from '../errors/coop-error'
import { homedir } from 'node:os'
import { providerView, providerViews } from '../providers/provider-views'
import { exportAudit } from '../audit/export-audit'
import { DEFAULT_ATTEST_DAYS } from '../attest/build-report'
import { createAttestation } from '../attest/create-attestation'
import { renderReportHtml } from '../attest/render-html'
import { retentionSeries } from '../attest/retention-series'
import { describeVerification, verifyReport } from '../attest/verify-report'
import { parseSince } from '../graph/parse-since'

/** What differs between hosts: Electron has a native folder picker, browser mode does not. */
export interface Host {
  readonly kind: HostKind
  readonly pickFolder?: () => Promise<string | null>
  /** Renders an HTML page to PDF (Electron's printToPDF); browser mode prints from the page instead. */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>
}

export type Handlers = {
  readonly [K in ChannelName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>> | ResponseOf<K>
}

/** One handler per contract channel; a missing one is a type error. */
export function createHandlers(core: Core, host: Host): Handlers {
  const auditSettings = async () => {
    const key = await core.audit.ready()
    return { retentionDays: core.audit.log.retentionDays(), keyId: key?.keyId ?? null, publicKey: key?.publicKeyPem ?? null }
  }
  const view = (id: string) => providerView(core.providers, core.keys, core.policy, id)
  /** Relative file paths in the app start at the chosen repository; without one they must be absolute. */
  const askCwd = (repoId: number | undefined) => (repoId === undefined ? homedir() : core.repos.get(repoId).path)
  return {
    'app:info': () => ({
      name: core.name,
      version: core.version,
      dataDir: core.dataDir,
      host: host.kind,
      capabilities: { pickFolder: host.pickFolder !== undefined, printToPdf: host.printToPdf !== undefined },
    }),
    'repos:list': () => core.repos.list(),
    'repos:add': ({ path }) => core.repos.add(path),
    'repos:reindex': ({ repoId }) => core.repos.reindex(repoId),
    'repos:remove': ({ repoId }) => ({ removed: core.repos.remove(repoId) }),
    'graph:tree': ({ repoId, dir }) => core.graph.tree(repoId, dir),
    'graph:files': ({ repoId, under, limit }) => core.graph.files(repoId, { under, limit }),
    'graph:owners': ({ repoId, path, ...options }) => core.graph.owners(repoId, path, options),
    'graph:history': ({ repoId, path, limit }) => core.graph.history(repoId, path, { limit }),
    'graph:hotspots': ({ repoId, ...options }) => core.graph.hotspots(repoId, options),
    'graph:coupling': ({ repoId, path, ...options }) => core.graph.coupling(repoId, path, options),
    'graph:blame': ({ repoId, path, start, end }) => core.graph.blame(repoId, path, start, end),
    'graph:search': ({ repoId, text, limit }) => core.graph.search(repoId, text, { limit }),
    'graph:drift': ({ repoId, ...options }) => core.graph.drift(repoId, options),
    'code:deps': ({ repoId, path, ...options }) => core.code.deps(repoId, path, options),
    'code:impact': ({ repoId, path, ...options }) => core.code.impact(repoId, path, options),
    'code:symbols': ({ repoId, name }) => core.code.symbols(repoId, name),
    'code:refs': ({ repoId, name }) => core.code.refs(repoId, name),
    'providers:list': () => providerViews(core.providers, core.keys, core.policy),
    'providers:add': ({ id, kind, baseUrl, models, timeoutMs }) => {
      core.providers.add({ id, kind, ...(baseUrl !== undefined ? { baseUrl } : {}), ...(models ? { models } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) })
      return view(id)
    },
    'providers:setEnabled': ({ id, enabled }) => {
      core.providers.setEnabled(id, enabled)
      return view(id)
    },
    'providers:remove': ({ id }) => ({ removed: core.providers.remove(id) }),
    'providers:update': ({ id, ...change }) => {
      core.policy.update(id, change)
      return view(id)
    },
    'providers:setKey': async ({ id, key }) => ({ fingerprint: (await core.keys.set(id, key)).fingerprint }),
    'providers:removeKey': async ({ id }) => ({ removed: await core.keys.remove(id) }),
    'providers:approve': ({ id, by, reason }) => {
      core.policy.approve(id, by, reason)
      return view(id)
    },
    'providers:revokeApproval': ({ id }) => {
      core.policy.revokeApproval(id)
      return view(id)
    },
    'providers:check': () => core.policy.check(),
    'policy:settings': () => core.policy.settings(),
    'policy:setOffline': ({ offline }) => core.policy.setOffline(offline),
    'ask:preview': ({ repoId, ...request }) => core.router.preview(request, askCwd(repoId)),
    // Everything after the id (a blocked provider, a missing file) arrives as the `ask:finished` event.
    'ask:start': ({ repoId, ...request }) => ({ requestId: core.asks.start(request, askCwd(repoId)).requestId }),
    'ask:stop': ({ requestId }) => ({ stopped: core.asks.stop(requestId) }),
    'ask:status': ({ requestId }) => core.asks.status(requestId),
    'usage:report': ({ days }) => core.router.usage(days),
    'audit:list': ({ since, ...filter }) => core.audit.list({ ...filter, ...(since ? { since: sinceIso(since) } : {}) }),
    'audit:verify': () => core.audit.verify(),
    'audit:export': async ({ format }) => {
      const chunks: string[] = []
      const stamp = new Date().toISOString().slice(0, 10)
      const fileName = `coop-audit-${stamp}.${format}`
      const manifest = await exportAudit(core.audit, format, (chunk) => chunks.push(chunk), `app download ${fileName}`)
      return {
        fileName,
        content: chunks.join(''),
        manifest: format === 'csv' ? { fileName: `${fileName}.manifest.json`, content: `${JSON.stringify(manifest, null, 2)}\n` } : null,
        records: manifest.records,
      }
    },
    'audit:settings': () => auditSettings(),
    'audit:setRetention': ({ days }) => {
      core.audit.log.setRetentionDays(days)
      return auditSettings()
    },
    'attest:create': async ({ days }) => {
      const fileName = `coop-attestation-${new Date().toISOString().slice(0, 10)}.json`
      const report = await createAttestation(core, { days: days ?? DEFAULT_ATTEST_DAYS, out: fileName })
      const verification = verifyReport(JSON.stringify(report))
      if (verification.status === 'unreadable') throw new CoopError('internal', 'The report just made does not read back')
      return { report, html: renderReportHtml(verification), fileName }
    },
    'attest:verify': ({ report, publicKey }) => {
      const result = verifyReport(report, publicKey === undefined ? {} : { publicKeyPem: publicKey })
      return {
        status: result.status,
        message: describeVerification(result, 'give the public key you trust'),
        problem: result.status === 'verified' ? null : result.problem,
        keyId: result.status === 'verified' ? result.keyId : null,
        signedAt: result.status === 'verified' ? result.signedAt : null,
        trust: result.status === 'verified' ? result.trust : null,
        html: result.status === 'unreadable' ? null : renderReportHtml(result),
      }
    },
    'attest:pdf': async ({ html }) => {
      if (!host.printToPdf) throw new CoopError('unsupported', 'This host cannot make PDFs: use the browser’s Print → Save as PDF')
      return { pdfBase64: Buffer.from(await host.printToPdf(html)).toString('base64') }
    },
    'attest:retentionSeries': ({ days }) => retentionSeries(core.audit, days ?? 30),
    'dialog:pickFolder': async () => {
      if (!host.pickFolder) throw new CoopError('unsupported', 'This host has no folder picker: type the path instead')
      return { path: await host.pickFolder() }
    },
  }
}

/** `7.days`, `3.months` or a date, as the CLI takes them, to the ISO time audit records are compared with. */
function sinceIso(since: string): string {
  return new Date(parseSince(since, Date.now()) * 1000).toISOString()
}
