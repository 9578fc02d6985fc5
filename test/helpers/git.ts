import { execFileSync } from 'node:child_process'

/** Git for fixtures and benchmarks, without any test-runner dependency. */

export interface Author {
  readonly name: string
  readonly email: string
}

export const ada: Author = { name: 'Ada Lovelace', email: 'ada@example.com' }
export const grace: Author = { name: 'Grace Hopper', email: 'grace@example.com' }
export const linus: Author = { name: 'Linus T', email: 'linus@example.com' }

/** The environment every fixture git command runs in: no user or system config, fixed identity. */
export function fixtureGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C',
    ...extra,
  }
}

/** Runs git in a fixture repository and returns its trimmed stdout. */
export function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  return execFileSync('git', [...args], { cwd, env: fixtureGitEnv(env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim()
}

/**
 * A linear history of `count` commits written with `git fast-import` (thousands per second), each
 * touching one of `files` files. For tests that need more than one page of history.
 */
export function generateHistory(repo: { readonly path: string }, count: number, files = 50): void {
  const authors = [ada, grace, linus]
  const lines: string[] = []
  let time = Date.UTC(2024, 0, 1) / 1000
  for (let i = 1; i <= count; i++) {
    const author = authors[i % authors.length] as Author
    const message = `change ${i}`
    const content = `line ${i}\n`
    time += 60
    lines.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author ${author.name} <${author.email}> ${time} +0000`,
      `committer ${author.name} <${author.email}> ${time} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      ...(i > 1 ? [`from :${i - 1}`] : []),
      `M 644 inline src/file-${i % files}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
      '',
    )
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.path, env: fixtureGitEnv(), input: lines.join('\n') })
  git(repo.path, ['reset', '-q', '--hard', 'main'])
}
