import { existsSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import type { RepoSummary } from '../../shared/types'
import type { ReposService } from '../core'
import type { EventBus } from '../events/event-bus'
import type { Logger } from '../log/logger'

/** What moves when a commit, checkout, fetch or rebase lands: HEAD and the refs. */
const WATCHED = ['HEAD', 'refs', 'packed-refs'] as const

/**
 * Keeps the index current while the app is open: watches each repository's HEAD and refs and starts
 * an incremental index run shortly after they settle (a rebase moves refs many times in a second).
 * The runs report progress through the usual index events.
 */
export class RepoWatcher {
  readonly #repos: ReposService
  readonly #logger: Logger
  readonly #debounceMs: number
  readonly #watchers = new Map<number, FSWatcher[]>()
  readonly #timers = new Map<number, NodeJS.Timeout>()
  readonly #offEvents: () => void

  constructor(repos: ReposService, events: EventBus, logger: Logger, options: { debounceMs?: number } = {}) {
    this.#repos = repos
    this.#logger = logger
    this.#debounceMs = options.debounceMs ?? 500
    // A repository added (or indexed) from this host starts being watched; a removed one stops.
    this.#offEvents = events.on('index:finished', ({ repoId }) => this.sync(repoId))
    for (const repo of repos.list()) this.sync(repo.id)
  }

  /** Starts watching `repoId` if it is known and not watched yet; stops if it was removed. */
  sync(repoId: number): void {
    const repo = this.#find(repoId)
    if (!repo) return this.#unwatch(repoId)
    if (this.#watchers.has(repoId)) return
    const gitDir = gitDirOf(repo.path)
    const watchers: FSWatcher[] = []
    for (const name of WATCHED) {
      const target = join(gitDir, name)
      if (!existsSync(target)) continue
      try {
        const watcher = watch(target, { recursive: name === 'refs', persistent: false }, () => this.#schedule(repoId))
        watcher.on('error', (error) => this.#logger.log('warn', 'stopped watching a repository', { repoId, error }))
        watchers.push(watcher)
      } catch (error) {
        this.#logger.log('warn', 'cannot watch a repository for changes', { repoId, target, error })
      }
    }
    this.#watchers.set(repoId, watchers)
  }

  #find(repoId: number): RepoSummary | null {
    try {
      return this.#repos.get(repoId)
    } catch {
      // get() answers not_found for a repository that was removed
      return null
    }
  }

  close(): void {
    this.#offEvents()
    for (const id of [...this.#watchers.keys()]) this.#unwatch(id)
  }

  #schedule(repoId: number): void {
    clearTimeout(this.#timers.get(repoId))
    this.#timers.set(
      repoId,
      setTimeout(() => {
        this.#timers.delete(repoId)
        try {
          this.#repos.reindex(repoId)
        } catch (error) {
          this.#logger.log('warn', 'could not re-index a changed repository', { repoId, error })
        }
      }, this.#debounceMs),
    )
  }

  #unwatch(repoId: number): void {
    clearTimeout(this.#timers.get(repoId))
    this.#timers.delete(repoId)
    for (const watcher of this.#watchers.get(repoId) ?? []) watcher.close()
    this.#watchers.delete(repoId)
  }
}

/** `.git` of a work tree (a folder; a `.git` file in linked work trees points elsewhere), or a bare repository itself. */
function gitDirOf(repoPath: string): string {
  const dotGit = join(repoPath, '.git')
  try {
    if (statSync(dotGit).isDirectory()) return dotGit
  } catch {
    // no .git: a bare repository is its own git directory
  }
  return repoPath
}
