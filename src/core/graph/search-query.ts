import type { SearchResults } from '../../shared/graph-types'
import type { Db } from '../store/open-database'
import { fuzzyScore } from './fuzzy-score'
import type { RepoContext } from './graph-context'

/** FTS5 query text for words typed by a user: each word quoted (no operators), optionally as a prefix. */
function ftsQuery(words: readonly string[], prefix: boolean): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"${prefix ? '*' : ''}`).join(' ')
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Paths (fuzzy), commit messages and people of one repository. */
export function search(db: Db, ctx: RepoContext, text: string, limit = 20): SearchResults {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0)
  return { paths: searchPaths(db, ctx, text, words, limit), commits: searchCommits(db, ctx, words, limit), people: searchPeople(db, ctx, words, limit) }
}

function searchPaths(db: Db, ctx: RepoContext, text: string, words: readonly string[], limit: number): SearchResults['paths'] {
  const long = words.filter((w) => w.length >= 3)
  // Trigram FTS finds paths containing each typed word; short or scattered input (an @-mention like
  // "srvidx") falls back to an in-order LIKE over the paths at HEAD. Either way fuzzyScore ranks.
  let candidates: string[] =
    long.length > 0
      ? (db
          .prepare(
            `SELECT f.path FROM path_search s JOIN files f ON f.id = s.rowid
             WHERE path_search MATCH ? AND f.repo_id = ? AND f.in_head = 1 LIMIT 2000`,
          )
          .pluck()
          .all(ftsQuery(long, false), ctx.repoId) as string[])
      : []
  if (candidates.length < limit) {
    const pattern = `%${[...text.replace(/\s+/g, '')].map(likeEscape).join('%')}%`
    const more = db
      .prepare(`SELECT path FROM files WHERE repo_id = ? AND in_head = 1 AND path LIKE ? ESCAPE '\\' LIMIT 2000`)
      .pluck()
      .all(ctx.repoId, pattern) as string[]
    candidates = [...new Set([...candidates, ...more])]
  }
  return candidates
    .map((path) => ({ path, score: fuzzyScore(text, path) }))
    .filter((r): r is { path: string; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, limit)
    .map((r) => ({ path: r.path, score: Math.round(r.score * 100) / 100 }))
}

function searchCommits(db: Db, ctx: RepoContext, words: readonly string[], limit: number): SearchResults['commits'] {
  if (words.length === 0) return []
  const rows = db
    .prepare(
      `SELECT c.hash, c.subject, p.name, p.email, c.committed_at AS committedAt
       FROM commit_search s JOIN commits c ON c.id = s.rowid JOIN people p ON p.id = c.author_id
       WHERE commit_search MATCH ? AND c.repo_id = ? ORDER BY c.committed_at DESC LIMIT ?`,
    )
    .all(ftsQuery(words, true), ctx.repoId, limit) as { hash: string; subject: string; name: string; email: string; committedAt: number }[]
  return rows.map((r) => ({ hash: r.hash, subject: r.subject, author: { name: r.name, email: r.email }, committedAt: new Date(r.committedAt * 1000).toISOString() }))
}

function searchPeople(db: Db, ctx: RepoContext, words: readonly string[], limit: number): SearchResults['people'] {
  if (words.length === 0) return []
  return db
    .prepare(
      `SELECT p.name, p.email, (SELECT COUNT(*) FROM commits c WHERE c.repo_id = ? AND c.author_id = p.id) AS commits
       FROM person_search s JOIN people p ON p.id = s.rowid
       WHERE person_search MATCH ? AND commits > 0 ORDER BY commits DESC, p.name LIMIT ?`,
    )
    .all(ctx.repoId, ftsQuery(words, true), limit) as SearchResults['people']
}
