import type {
  BlameReport,
  CoupledFile,
  DriftEntry,
  FileEntry,
  HistoryEntry,
  Hotspot,
  OwnersReport,
  SearchResults,
} from '../../shared/graph-types'
import { formatTable } from '../output'

/** Text renderings of the graph queries, for people at a terminal (`--json` is for machines). */

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
const day = (iso: string): string => iso.slice(0, 10)
const short = (hash: string): string => hash.slice(0, 10)
const bytes = (size: number | null): string =>
  size === null ? '-' : size < 1024 ? `${size} B` : size < 1024 ** 2 ? `${(size / 1024).toFixed(1)} KiB` : `${(size / 1024 ** 2).toFixed(1)} MiB`

export function renderFiles(files: readonly FileEntry[]): string {
  if (files.length === 0) return 'No files.'
  return formatTable(
    ['PATH', 'SIZE', 'LANGUAGE', 'KIND', 'LAST CHANGE', 'AUTHOR'],
    files.map((f) => [f.path, bytes(f.size), f.language ?? '-', f.kind, f.lastCommit ? `${day(f.lastCommit.committedAt)} ${short(f.lastCommit.hash)}` : '-', f.lastAuthor?.name ?? '-']),
  )
}

export function renderOwners(report: OwnersReport): string {
  const lines = [`Owners of ${report.path || '(repository root)'} (${report.type}), half-life ${report.halfLifeDays} days`, '']
  if (report.owners.length === 0) lines.push('Nobody has changed it (bots left out; --include-bots counts them).')
  else
    lines.push(
      formatTable(
        ['NAME', 'EMAIL', 'SHARE', 'COMMITS', '+LINES', '-LINES', 'LAST ACTIVE'],
        report.owners.map((o) => [o.bot ? `${o.name} (bot)` : o.name, o.email, percent(o.share), o.commits, o.linesAdded, o.linesRemoved, day(o.lastActive)]),
      ),
    )
  lines.push('', `Bus factor: ${report.busFactor}`)
  if (report.orphaned) lines.push(`Orphaned: every leading owner has been inactive for more than ${report.inactiveDays} days`)
  if (report.declared.length > 0) {
    lines.push('', `Declared in ${report.declaredBy ?? 'CODEOWNERS'}:`)
    for (const d of report.declared) {
      lines.push(`  ${d.owner}  ${d.person ? `${d.person.name} <${d.person.email}>, ${percent(d.share)} of the work` : 'not found in history'}`)
    }
  } else lines.push('', 'No CODEOWNERS rule covers it.')
  return lines.join('\n')
}

export function renderHistory(entries: readonly HistoryEntry[]): string {
  if (entries.length === 0) return 'No commits.'
  return formatTable(
    ['DATE', 'COMMIT', 'AUTHOR', '+', '-', 'SUBJECT'],
    entries.map((e) => [
      day(e.authoredAt),
      short(e.hash),
      e.author.name,
      e.linesAdded ?? '-',
      e.linesRemoved ?? '-',
      e.renamedFrom ? `${e.subject} (renamed from ${e.renamedFrom})` : e.subject,
    ]),
  )
}

export function renderHotspots(spots: readonly Hotspot[]): string {
  if (spots.length === 0) return 'No changes in this window (try a longer --since).'
  return formatTable(['SCORE', 'COMMITS', 'CHURN', 'AUTHORS', 'SIZE', 'PATH'], spots.map((h) => [h.score, h.commits, h.churn, h.authors, bytes(h.size), h.path]))
}

export function renderCoupling(files: readonly CoupledFile[]): string {
  if (files.length === 0) return 'No file changes with it often enough (try --min-support 1).'
  return formatTable(['CONFIDENCE', 'SUPPORT', 'PATH'], files.map((c) => [percent(c.confidence), c.support, c.path]))
}

export function renderBlame(report: BlameReport): string {
  const lines = [`Lines ${report.start}-${report.end} of ${report.path} were last changed by:`, '']
  for (const c of report.commits) {
    const ranges = c.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')
    lines.push(`${short(c.hash)}  ${day(c.authoredAt)}  ${c.author.name}  lines ${ranges}`, `    ${c.subject}`)
  }
  return lines.join('\n')
}

export function renderSearch(results: SearchResults): string {
  const parts: string[] = []
  if (results.paths.length > 0) parts.push('Paths:', ...results.paths.map((p) => `  ${p.path}`))
  if (results.commits.length > 0) parts.push('Commits:', ...results.commits.map((c) => `  ${short(c.hash)} ${day(c.committedAt)} ${c.subject}`))
  if (results.people.length > 0) parts.push('People:', ...results.people.map((p) => `  ${p.name} <${p.email}> (${p.commits} commits)`))
  return parts.length > 0 ? parts.join('\n') : 'Nothing found.'
}

export function renderDrift(entries: readonly DriftEntry[]): string {
  if (entries.length === 0) return 'No drift: declared owners did their share of the work (or there is no CODEOWNERS file).'
  return formatTable(
    ['PATH', 'DECLARED', 'THEIR SHARE', 'TOP OWNER'],
    entries.map((d) => [d.path, d.declared.join(' '), percent(d.declaredShare), d.topOwner ? `${d.topOwner.name} ${percent(d.topOwner.share)}` : '-']),
  )
}
