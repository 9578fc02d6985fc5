import type { DeclaredOwner, Owner, PersonRef } from '../../shared/graph-types'
import { declaredOwnersOfDirectory, matchCodeowners } from '../codeowners/match-codeowners'
import { parseCodeowners, type CodeownersFile } from '../codeowners/parse-codeowners'
import type { Db } from '../store/open-database'
import type { RepoContext } from './graph-context'

const parsed = new Map<string, CodeownersFile>()
/** Authors of a repository, per query (a drift scan resolves owners for thousands of files). */
const authorsCache = new WeakMap<RepoContext, PersonRef[]>()

/** The CODEOWNERS file of the indexed commit, parsed once per content. */
export function codeownersOf(ctx: RepoContext): CodeownersFile | null {
  if (ctx.codeowners === null || ctx.codeownersPath === null) return null
  const key = `${ctx.codeownersPath}\0${ctx.codeowners}`
  let file = parsed.get(key)
  if (!file) {
    if (parsed.size > 32) parsed.clear()
    file = parseCodeowners(ctx.codeowners, ctx.codeownersPath)
    parsed.set(key, file)
  }
  return file
}

/** Declared owners of a file or folder, and the line that declares them ("CODEOWNERS:12"). */
export function declaredOwnersFor(ctx: RepoContext, path: string, kind: 'file' | 'dir'): { owners: readonly string[]; source: string | null } {
  const file = codeownersOf(ctx)
  if (!file) return { owners: [], source: null }
  const match = kind === 'file' ? matchCodeowners(file, path) : declaredOwnersOfDirectory(file, path)
  const lines = match.rules.map((rule) => rule.line)
  return { owners: match.owners, source: lines.length > 0 ? `${ctx.codeownersPath}:${lines.join(',')}` : null }
}

/**
 * CODEOWNERS names people as @handles, teams or emails; history knows names and emails. An email
 * matches exactly; a handle matches the email's local part, a GitHub noreply address, or the name
 * written without spaces. Teams (@org/team) cannot be resolved locally and stay unmatched.
 */
export function resolveDeclaredOwners(db: Db, ctx: RepoContext, declared: readonly string[], owners: readonly Owner[]): DeclaredOwner[] {
  return declared.map((owner) => {
    const person = findPerson(db, ctx, owner, owners)
    const share = person ? (owners.find((o) => o.email.toLowerCase() === person.email.toLowerCase())?.share ?? 0) : 0
    return { owner, person, share }
  })
}

function matchesHandle(person: PersonRef, handle: string): boolean {
  const email = person.email.toLowerCase()
  const local = email.split('@')[0] ?? ''
  return (
    local === handle ||
    local.endsWith(`+${handle}`) ||
    (email.endsWith('@users.noreply.github.com') && local === handle) ||
    person.name.toLowerCase().replace(/\s+/g, '') === handle
  )
}

function findPerson(db: Db, ctx: RepoContext, owner: string, owners: readonly Owner[]): PersonRef | null {
  if (owner.startsWith('@') && owner.includes('/')) return null
  const inRepo = (): PersonRef[] => {
    let people = authorsCache.get(ctx)
    if (!people) {
      people = db
        // People are few and commits many: ask per person whether they authored here (an index step).
        .prepare('SELECT p.name, p.email FROM people p WHERE EXISTS (SELECT 1 FROM commits c WHERE c.author_id = p.id AND c.repo_id = ?)')
        .all(ctx.repoId) as PersonRef[]
      authorsCache.set(ctx, people)
    }
    return people
  }
  if (!owner.startsWith('@')) {
    const email = owner.toLowerCase()
    const hit = owners.find((o) => o.email.toLowerCase() === email) ?? inRepo().find((p) => p.email.toLowerCase() === email)
    return hit ? { name: hit.name, email: hit.email } : null
  }
  const handle = owner.slice(1).toLowerCase()
  const hit = owners.find((o) => matchesHandle(o, handle)) ?? inRepo().find((p) => matchesHandle(p, handle))
  return hit ? { name: hit.name, email: hit.email } : null
}
