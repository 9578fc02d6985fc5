import type { ImpactReport } from '../../shared/code-graph-types'
import { loadRepoContext } from '../graph/graph-context'
import { DEFAULT_HALF_LIFE_DAYS, type Graph } from '../graph/graph-service'
import { topOwnersOfFiles } from '../graph/shares-by-group'
import type { Db } from '../store/open-database'
import { dependencies, isTestPath } from './code-queries'

/** Everything a change to `path` may touch, each item saying why it is listed. */
export function impactOf(db: Db, graph: Graph, repoId: number, path: string, options: { depth: number }): ImpactReport {
  const deps = dependencies(db, repoId, path, { reverse: true, maxDepth: options.depth })
  const viaOf = new Map<string, string>()
  for (const edge of deps.edges) if (!viaOf.has(edge.from)) viaOf.set(edge.from, edge.to)
  const dependents = deps.files.map((f) => {
    const via = viaOf.get(f.path)
    return { path: f.path, depth: f.depth, why: f.depth === 1 ? `imports ${path}` : `imports ${via ?? '?'}, which depends on ${path} (${f.depth} steps)` }
  })
  const coupled = graph.coupling(repoId, path, { limit: 20 }).map((c) => ({
    path: c.path,
    support: c.support,
    confidence: c.confidence,
    why: `changed together in ${c.support} commits (${Math.round(c.confidence * 100)}% of ${path}'s)`,
  }))

  const tests = new Map<string, string>()
  for (const d of dependents) if (isTestPath(d.path)) tests.set(d.path, d.why)
  for (const c of coupled) if (isTestPath(c.path) && !tests.has(c.path)) tests.set(c.path, c.why)

  const notify = new Map<string, { name: string; email: string; why: string[] }>()
  const mention = (name: string, email: string, why: string): void => {
    const person = notify.get(email) ?? { name, email, why: [] }
    person.why.push(why)
    notify.set(email, person)
  }
  const own = graph.owners(repoId, path)
  for (const owner of own.owners.slice(0, Math.max(1, own.busFactor))) mention(owner.name, owner.email, `owns ${Math.round(owner.share * 100)}% of ${path}`)
  for (const declared of own.declared) {
    if (declared.person) mention(declared.person.name, declared.person.email, `declared owner of ${path} as ${declared.owner} (${own.declaredBy ?? 'CODEOWNERS'})`)
  }
  // One query for every direct dependent's leading owner: a hub file can have hundreds.
  const direct = dependents.filter((x) => x.depth === 1).map((d) => d.path)
  const leaders = topOwnersOfFiles(db, loadRepoContext(db, repoId), direct, DEFAULT_HALF_LIFE_DAYS)
  for (const path of direct) {
    const top = leaders.get(path)
    if (top) mention(top.name, top.email, `leading owner of ${path}, which imports it`)
  }
  return {
    path,
    dependents,
    coupled,
    tests: [...tests].map(([p, why]) => ({ path: p, why })),
    notify: [...notify.values()],
  }
}
