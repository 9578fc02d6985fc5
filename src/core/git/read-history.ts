import { runGit } from './run-git'

export interface GitPerson {
  readonly name: string
  readonly email: string
}

export interface FileChange {
  readonly path: string
  /** Set when git detected a rename (or copy) from this path. */
  readonly oldPath: string | null
  /** Null for binary files, where git reports no line counts. */
  readonly added: number | null
  readonly removed: number | null
}

export interface GitCommit {
  readonly hash: string
  readonly parents: readonly string[]
  readonly author: GitPerson
  readonly committer: GitPerson
  /** Unix seconds. */
  readonly authoredAt: number
  readonly committedAt: number
  readonly subject: string
  readonly changes: readonly FileChange[]
}

/**
 * Commits reachable from `head` and not from `exclude`, parents before children, so that a run
 * stopped half way leaves a prefix of history that the next run continues from.
 */
export async function listCommits(repoPath: string, head: string, exclude: string | null): Promise<string[]> {
  const args = ['rev-list', '--topo-order', '--reverse', head]
  if (exclude) args.push(`^${exclude}`)
  const out = await runGit(repoPath, args)
  return out.split('\n').filter((line) => line.length > 0)
}

// simple-git waits an extra 50 ms after a command that printed nothing (for output that might still
// arrive), so the yes/no questions below use forms of git commands that always print an answer.

/** True when `commit` exists in the repository (it may have been garbage-collected after a rewrite). */
export async function commitExists(repoPath: string, commit: string): Promise<boolean> {
  const out = await runGit(repoPath, ['cat-file', '--batch-check'], { stdin: `${commit}^{commit}\n` })
  return / commit \d+$/.test(out.trim())
}

/** True when `ancestor` is reachable from `head`: new history was only added on top of it. */
export async function isAncestor(repoPath: string, ancestor: string, head: string): Promise<boolean> {
  if (!(await commitExists(repoPath, ancestor))) return false
  return (await runGit(repoPath, ['rev-list', '--count', ancestor, `^${head}`])).trim() === '0'
}

// Mailmap-applied names and emails (%aN, %aE), so people merged in .mailmap are one person.
const FIELDS = ['%H', '%P', '%aN', '%aE', '%at', '%cN', '%cE', '%ct', '%s'] as const
const FORMAT = `%x1e${FIELDS.join('%x1f')}`

/** `git log` reading the commits given on stdin, in that order, in the form parseLog reads. */
export const LOG_ARGUMENTS = [
  '-c', 'core.quotePath=false',
  'log', '--no-walk=unsorted', '--numstat', '-z', '--find-renames', '--no-color', '--no-show-signature',
  `--format=${FORMAT}`, '--stdin',
] as const

/**
 * Reads the given commits with the files each changed, through pipes, whole (simple-git buffers a
 * command's output): for updates and small lists. A full index goes through streamCommits. The
 * hashes go in on stdin: as arguments git would check each one against refs and work-tree paths,
 * which costs more than the diffs on large repositories, and a long command line breaks on Windows.
 */
export async function readCommits(repoPath: string, hashes: readonly string[]): Promise<GitCommit[]> {
  if (hashes.length === 0) return []
  return parseLog(await runGit(repoPath, LOG_ARGUMENTS, { stdin: `${hashes.join('\n')}\n` }))
}


/**
 * Parses `git log -z --numstat` output. Tokens are NUL-separated: a commit header starts with \x1e;
 * a numstat entry is `added\tremoved\tpath`, or `added\tremoved\t` followed by the old and new
 * paths as two more tokens when git found a rename.
 */
export function parseLog(out: string): GitCommit[] {
  const tokens = out.split('\0')
  const commits: GitCommit[] = []
  let current: { header: GitCommit; changes: FileChange[] } | null = null
  for (let i = 0; i < tokens.length; i++) {
    const token = stripLeadingNewline(tokens[i] ?? '')
    if (token === '') continue
    if (token.startsWith('\x1e')) {
      if (current) commits.push({ ...current.header, changes: current.changes })
      current = { header: parseHeader(token.slice(1)), changes: [] }
      continue
    }
    const match = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/.exec(token)
    if (!match || !current) throw new Error(`Unexpected git log output near: ${JSON.stringify(token.slice(0, 80))}`)
    const added = match[1] === '-' ? null : Number(match[1])
    const removed = match[2] === '-' ? null : Number(match[2])
    if (match[3] !== '') {
      current.changes.push({ path: match[3] ?? '', oldPath: null, added, removed })
    } else {
      const oldPath = tokens[++i] ?? ''
      const path = tokens[++i] ?? ''
      current.changes.push({ path, oldPath, added, removed })
    }
  }
  if (current) commits.push({ ...current.header, changes: current.changes })
  return commits
}

function stripLeadingNewline(token: string): string {
  return token.startsWith('\n') ? token.slice(1) : token
}

function parseHeader(header: string): GitCommit {
  const parts = header.split('\x1f')
  // The subject is last and may itself contain the separator: join whatever is left over.
  const [hash = '', parents = '', aName = '', aEmail = '', aTime = '0', cName = '', cEmail = '', cTime = '0'] = parts
  const subject = parts.slice(FIELDS.length - 1).join('\x1f')
  return {
    hash,
    parents: parents === '' ? [] : parents.split(' '),
    author: { name: aName, email: aEmail },
    committer: { name: cName, email: cEmail },
    authoredAt: Number(aTime),
    committedAt: Number(cTime),
    subject,
    changes: [],
  }
}
