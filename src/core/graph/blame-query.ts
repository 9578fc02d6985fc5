import type { BlameCommit, BlameReport } from '../../shared/graph-types'
import { CoopError, GitError } from '../errors/coop-error'
import { runGit } from '../git/run-git'
import type { RepoContext } from './graph-context'

/** The commits that last touched lines `start`–`end` of a file at the indexed commit (`git blame --porcelain`). */
export async function blameLines(ctx: RepoContext, path: string, start: number, end: number): Promise<BlameReport> {
  let out: string
  try {
    out = await runGit(ctx.path, ['blame', '--porcelain', '-L', `${start},${end}`, ctx.head, '--', path])
  } catch (error) {
    throw explainBlameFailure(error, path, start, end)
  }
  return { path, start, end, commits: parsePorcelain(out) }
}

function explainBlameFailure(error: unknown, path: string, start: number, end: number): CoopError {
  const stderr = error instanceof GitError ? error.stderr : ''
  const lines = /has only (\d+) lines?/.exec(stderr)
  if (lines) return new CoopError('invalid_input', `${path} has only ${lines[1]} lines; lines ${start}-${end} are past its end`)
  if (/no such path|does not exist/.test(stderr)) return new CoopError('not_found', `No file ${path} at the indexed commit`)
  return error instanceof CoopError ? error : new CoopError('git_failed', `git blame failed for ${path}`)
}

/** `git blame --porcelain`: a header per line group, commit details the first time a commit appears. */
export function parsePorcelain(out: string): BlameCommit[] {
  const commits = new Map<string, { hash: string; fields: Map<string, string>; lines: number[] }>()
  let current: { hash: string; fields: Map<string, string>; lines: number[] } | null = null
  for (const line of out.split('\n')) {
    const header = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)( \d+)?$/.exec(line)
    if (header) {
      const hash = header[1] ?? ''
      current = commits.get(hash) ?? { hash, fields: new Map(), lines: [] }
      commits.set(hash, current)
      current.lines.push(Number(header[2]))
    } else if (current && !line.startsWith('\t')) {
      const space = line.indexOf(' ')
      if (space > 0 && !current.fields.has(line.slice(0, space))) current.fields.set(line.slice(0, space), line.slice(space + 1))
    }
  }
  return [...commits.values()].map(({ hash, fields, lines }) => ({
    hash,
    subject: fields.get('summary') ?? '',
    author: { name: fields.get('author') ?? '', email: (fields.get('author-mail') ?? '').replace(/^<|>$/g, '') },
    authoredAt: new Date(Number(fields.get('author-time') ?? 0) * 1000).toISOString(),
    ranges: toRanges(lines),
    filename: fields.get('filename') ?? '',
  }))
}

function toRanges(lines: readonly number[]): [number, number][] {
  const sorted = [...lines].sort((a, b) => a - b)
  const ranges: [number, number][] = []
  for (const line of sorted) {
    const last = ranges[ranges.length - 1]
    if (last && line === last[1] + 1) last[1] = line
    else ranges.push([line, line])
  }
  return ranges
}
