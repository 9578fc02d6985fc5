import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ada, type Author, git } from './git'
import { tempDir } from './temp-dir'

export { ada, type Author, fixtureGitEnv, generateHistory, git, grace, linus } from './git'

/** A real git repository in a temp folder, with helpers to commit as different people. */
export class FixtureRepo {
  readonly path: string
  #clock = Date.UTC(2025, 0, 1) / 1000

  constructor(path: string) {
    this.path = path
  }

  static create(options: { bare?: boolean; dir?: string } = {}): FixtureRepo {
    const path = options.dir ?? tempDir('coop-repo-')
    mkdirSync(path, { recursive: true })
    git(path, ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : [])])
    return new FixtureRepo(path)
  }

  write(file: string, content: string | Buffer): this {
    const full = join(this.path, file)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
    return this
  }

  /** `git mv`, creating the destination folder first. */
  move(from: string, to: string): this {
    mkdirSync(dirname(join(this.path, to)), { recursive: true })
    git(this.path, ['mv', from, to])
    return this
  }

  /** Stages everything and commits as `author`, one simulated hour after the previous commit. */
  commit(message: string, author: Author = ada, committer: Author = author): string {
    this.#clock += 3600
    const date = `${this.#clock} +0000`
    git(this.path, ['add', '-A'])
    git(this.path, ['commit', '-q', '--allow-empty', '-m', message], {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: date,
    })
    return this.head()
  }

  git(...args: string[]): string {
    return git(this.path, args)
  }

  head(): string {
    return git(this.path, ['rev-parse', 'HEAD'])
  }

  /** What `coop index` must report, straight from git. */
  expectedCounts(): { commits: number; files: number; people: number } {
    const commits = Number(git(this.path, ['rev-list', '--count', 'HEAD']))
    // Every path a commit touched, including the old side of renames (numstat -z lists both).
    const numstat = git(this.path, ['-c', 'core.quotePath=false', 'log', '--numstat', '-z', '--find-renames', '--format='])
    const files = new Set<string>()
    const tokens = numstat.split('\0')
    for (let i = 0; i < tokens.length; i++) {
      const token = (tokens[i] ?? '').replace(/^\n+/, '')
      const match = /^(?:\d+|-)\t(?:\d+|-)\t([\s\S]*)$/.exec(token)
      if (!match) continue
      if (match[1] !== '') files.add(match[1] ?? '')
      else {
        files.add(tokens[++i] ?? '')
        files.add(tokens[++i] ?? '')
      }
    }
    const people = new Set(
      git(this.path, ['log', '--format=%aE%n%cE'])
        .split('\n')
        .map((email) => email.toLowerCase()),
    )
    return { commits, files: files.size, people: people.size }
  }
}

