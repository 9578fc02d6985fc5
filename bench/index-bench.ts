// Indexing and query benchmarks. Figures are printed, never asserted.
//   npx jiti bench/index-bench.ts                 # the generated large repository (100k commits, 50k files)
//   npx jiti bench/index-bench.ts ~/src/project   # any real repository (it is cloned, never modified)
//   add --json for machine-readable output
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { openCore } from '../src/core/create-core'
import type { Core } from '../src/core/core'
import { generateLargeRepo } from './generate-large-repo'
import { percentile, runMeasured } from './measure'

const ROOT = resolve(import.meta.dirname, '..')
const json = process.argv.includes('--json')
const targets = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const log = (line: string): void => {
  if (!json) console.log(line)
}

interface QueryFigure {
  readonly query: string
  readonly runs: number
  readonly p50: number
  readonly p95: number
}

interface Report {
  readonly repository: string
  readonly commits: number
  readonly filesAtHead: number
  readonly rawGitLogMs: number
  readonly fullIndexMs: number
  readonly ratio: number
  readonly peakRssMiB: number | null
  readonly incrementalP50Ms: number
  readonly incrementalRunsMs: readonly number[]
  readonly queries: readonly QueryFigure[]
}

function gitOut(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).trim()
}

/** A repository we may commit to: the generated one itself, or a cheap `--shared` clone of a user's. */
function workingCopy(source: string, generated: boolean): string {
  if (generated) return source
  const dir = join(mkdtempSync(join(tmpdir(), 'coop-bench-clone-')), basename(source))
  execFileSync('git', ['clone', '-q', '--shared', source, dir])
  return dir
}

function commitOne(repo: string, n: number): void {
  const file = join(repo, `coop-bench-change-${n}.txt`)
  writeFileSync(file, `change ${n}\n`)
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' }
  execFileSync('git', ['add', '--', basename(file)], { cwd: repo, env })
  execFileSync('git', ['commit', '-q', '-m', `bench change ${n}`], { cwd: repo, env })
}

async function timeQuery(name: string, runs: number, fn: (i: number) => unknown): Promise<QueryFigure> {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn(i)
    samples.push(performance.now() - started)
  }
  return { query: name, runs, p50: percentile(samples, 50), p95: percentile(samples, 95) }
}

async function measureQueries(core: Core, repoId: number, repo: string): Promise<QueryFigure[]> {
  const files = gitOut(repo, ['ls-files']).split('\n').filter((f) => f.endsWith('.ts') || f.endsWith('.js') || f.endsWith('.md') || f.endsWith('.py') || f.endsWith('.go'))
  const sample = (i: number): string => files[(i * 7919) % files.length] as string
  const dirs = [...new Set(files.map((f) => f.split('/').slice(0, 2).join('/')).filter((d) => d.includes('/')))]
  const dirAt = (i: number): string => dirs[(i * 104729) % Math.max(1, dirs.length)] ?? ''
  const words = files.map((f) => basename(f).replace(/\.[^.]+$/, '')).filter((w) => w.length >= 4)
  const word = (i: number): string => (words[(i * 31) % words.length] ?? 'file').slice(0, 6)
  const graph = core.graph
  return [
    await timeQuery('tree (root)', 20, () => graph.tree(repoId, '')),
    await timeQuery('tree (folder)', 50, (i) => graph.tree(repoId, dirAt(i))),
    await timeQuery('files (folder)', 50, (i) => graph.files(repoId, { under: dirAt(i), limit: 200 })),
    await timeQuery('owners (file)', 50, (i) => graph.owners(repoId, sample(i))),
    await timeQuery('owners (folder)', 50, (i) => graph.owners(repoId, dirAt(i))),
    await timeQuery('owners (root)', 10, () => graph.owners(repoId, '')),
    await timeQuery('history (file)', 50, (i) => graph.history(repoId, sample(i))),
    await timeQuery('hotspots (12 months)', 20, () => graph.hotspots(repoId, { since: '12.months' })),
    await timeQuery('coupling (file)', 50, (i) => graph.coupling(repoId, sample(i))),
    await timeQuery('blame (file, 10 lines)', 20, (i) => graph.blame(repoId, sample(i), 1, 3)),
    await timeQuery('search', 50, (i) => graph.search(repoId, word(i))),
    await timeQuery('drift', 5, () => graph.drift(repoId)),
  ]
}

async function bench(source: string, generated: boolean): Promise<Report> {
  const repo = workingCopy(source, generated)
  const commits = Number(gitOut(repo, ['rev-list', '--count', 'HEAD']))
  log(`\n${source} — ${commits.toLocaleString('en-US')} commits`)

  const raw: number[] = []
  for (let i = 0; i < 2; i++) raw.push((await runMeasured('git', ['log', '--numstat', '--format=%H'], { cwd: repo, discardStdout: true })).ms)
  const rawGitLogMs = Math.min(...raw)

  const dataDir = mkdtempSync(join(tmpdir(), 'coop-bench-data-'))
  const full = await runMeasured(process.execPath, [join(ROOT, 'bin', 'coop.mjs'), 'index', repo, '--json'], { env: { ...process.env, COOP_DATA_DIR: dataDir } })
  const indexed = JSON.parse(full.stdout) as { repoId: number; filesAtHead: number; commits: number }
  log(`  raw git log --numstat   ${rawGitLogMs.toFixed(0)} ms`)
  log(`  full coop index         ${full.ms.toFixed(0)} ms  (ratio ${(full.ms / rawGitLogMs).toFixed(2)}x, goal ≤ 1.5x)`)
  log(`  peak memory (max RSS)   ${full.maxRssKiB === null ? 'n/a' : `${(full.maxRssKiB / 1024).toFixed(0)} MiB`}`)

  const core = openCore({ dataDir, version: 'bench' })
  try {
    const incremental: number[] = []
    for (let n = 0; n < 5; n++) {
      commitOne(repo, Date.now() + n)
      const started = performance.now()
      const result = await core.repos.index(repo)
      incremental.push(performance.now() - started)
      if (result.commitsAdded !== 1) throw new Error(`expected one new commit, got ${result.commitsAdded}`)
    }
    log(`  incremental (1 commit)  p50 ${percentile(incremental, 50).toFixed(0)} ms  runs ${incremental.map((m) => m.toFixed(0)).join(', ')}  (goal < 200 ms)`)
    const queries = await measureQueries(core, indexed.repoId, repo)
    log('  query latency (in-process, goal p95 < 20 ms)')
    for (const q of queries) log(`    ${q.query.padEnd(24)} p50 ${q.p50.toFixed(1).padStart(7)} ms   p95 ${q.p95.toFixed(1).padStart(7)} ms   (${q.runs} runs)`)
    return {
      repository: source,
      commits,
      filesAtHead: indexed.filesAtHead,
      rawGitLogMs,
      fullIndexMs: full.ms,
      ratio: full.ms / rawGitLogMs,
      peakRssMiB: full.maxRssKiB === null ? null : full.maxRssKiB / 1024,
      incrementalP50Ms: percentile(incremental, 50),
      incrementalRunsMs: incremental,
      queries,
    }
  } finally {
    await core.close()
    rmSync(dataDir, { recursive: true, force: true })
    if (!generated) rmSync(resolve(repo, '..'), { recursive: true, force: true })
  }
}

if (!existsSync(join(ROOT, 'out', 'cli', 'coop.mjs'))) throw new Error('Build first: npm run build')
const reports: Report[] = []
if (targets.length === 0) {
  const out = join(tmpdir(), 'coop-bench-large')
  log('Generating (or reusing) the large repository: 100,000 commits, 50,000 files…')
  const generated = await generateLargeRepo({ commits: 100_000, files: 50_000, out })
  log(generated.reused ? `  reused ${out}` : `  generated in ${generated.seconds.toFixed(1)} s`)
  reports.push(await bench(out, true))
} else {
  for (const target of targets) reports.push(await bench(resolve(target), false))
}
if (json) console.log(JSON.stringify(reports, null, 2))
