import type { DependencyReport, ImpactReport, ReferenceHit, SymbolHit } from '../../shared/code-graph-types'

export function renderDeps(report: DependencyReport): string {
  const lines: string[] = []
  const verb = report.direction === 'imports' ? 'imports' : 'is imported by'
  lines.push(report.files.length === 0 ? `${report.path} ${verb} no file of the repository` : `${report.path} ${verb}:`)
  for (const file of report.files) lines.push(`${'  '.repeat(file.depth)}${file.path}`)
  if (report.external.length > 0) {
    lines.push('', 'packages:')
    const seen = new Set<string>()
    for (const x of report.external) {
      const key = `${x.ecosystem}:${x.name}`
      if (seen.has(key)) continue
      seen.add(key)
      lines.push(`  ${x.name} (${x.ecosystem})`)
    }
  }
  if (report.unresolved.length > 0) {
    lines.push('', 'unresolved:')
    for (const u of report.unresolved) lines.push(`  ${u.from}:${u.line}  ${u.specifier}  — ${u.reason}`)
  }
  return lines.join('\n')
}

export function renderImpact(report: ImpactReport): string {
  const section = (title: string, items: readonly { path: string; why: string }[]): string[] =>
    items.length === 0 ? [`${title}: none`] : [`${title}:`, ...items.map((i) => `  ${i.path}  — ${i.why}`)]
  return [
    `A change to ${report.path} may touch:`,
    ...section('dependents', report.dependents),
    ...section('changes with it', report.coupled),
    ...section('tests', report.tests),
    report.notify.length === 0 ? 'people to tell: none found' : 'people to tell:',
    ...report.notify.map((p) => `  ${p.name} <${p.email}>  — ${p.why.join('; ')}`),
  ].join('\n')
}

export function renderSymbols(hits: readonly SymbolHit[]): string {
  if (hits.length === 0) return 'no definition found'
  return hits
    .map((h) => `${h.path}:${h.startLine}-${h.endLine}  ${h.kind} ${h.container ? `${h.container}.` : ''}${h.name}${h.exported ? '' : '  (not exported)'}`)
    .join('\n')
}

export function renderRefs(hits: readonly ReferenceHit[]): string {
  if (hits.length === 0) return 'not used anywhere Coop parsed'
  return hits.map((h) => `${h.path}:${h.lines.join(',')}${h.importsDefinition ? '' : '  (no import of a definition: may be another thing of that name)'}`).join('\n')
}
