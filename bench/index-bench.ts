// Indexing and query benchmarks. They print figures and never assert on time (not part of npm test).
//
//   npx jiti bench/index-bench.ts                    # the generated large repository (100k commits, 50k files)
//   npx jiti bench/index-bench.ts ~/src/a ~/src/b    # real repositories (benchmarked in a temporary clone)
//
// Options: --json (machine-readable report on stdout; progress goes to stderr), --keep (keep the
// temporary clones and data folders), --commits N --files N (size of the generated repository),
// --runs N (runs per query, default 50).
//
// Needs the built CLI (npm run build). See bench/README.md for what each figure means.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'
import type { Core } from '../src/core/core'
import { openCore } from '../src/core/create-core'
import { benchEach, commitOne, git, repositoryTop, runMain, sample, TempDirs, workingCopy } from './bench-repo'
import { generateLargeRepo } from './generate-large-repo'
import { formatMs, parseOrExit, percentile, prng, progressWriter, type QueryFigure, roundNumbers, runNodeMeasured, runTimed, timeQuery } from './measure'

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'bin', 'coop.mjs')
const GOALS = { indexRatio: 1.5, incrementalP50Ms: 200, queryP95Ms: 20 } as const
const INCREMENTAL_RUNS = 5

// The same diff work `coop index` asks git for (src/core/git/read-history.ts), in one pass.
const LOG_FORMAT = `%x1e${['%H', '%P', '%aN', '%aE', '%at', '%cN', '%cE', '%ct', '%s'].join('%x1f')}`
const RAW_LOG_ARGS = ['-c', 'core.quotePath=false', 'log', '--numstat', '-z', '--find-renames', '--no-color', '--no-show-signature', `--format=${LOG_FORMAT}`, 'HEAD']

interface Args {
  readonly targets: readonly string[]
  readonly json: boolean
  readonly keep: boolean
  readonly commits: number
  readonly files: number
  readonly runs: number
}

function parseArgs(argv: readonly string[]): Args {
  const targets: string[] = []
  const flags = new Set<string>()
  const values = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--json' || arg === '--keep') flags.add(arg)
    else if (arg === '--commits' || arg === '--files' || arg === '--runs') {
      const value = argv[++i]
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${arg} needs a positive whole number`)
      values.set(arg, value)
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else targets.push(arg)
  }
  return {
    targets,
    json: flags.has('--json'),
    keep: flags.has('--keep'),
    commits: Number(values.get('--commits') ?? 100_000),
    files: Number(values.get('--files') ?? 50_000),
    runs: Number(values.get('--runs') ?? 50),
  }
}

class UsageError extends Error {}

interface Report {
  readonly repository: string
  readonly generated: boolean
  readonly workingCopy: string
  readonly commits: number
  readonly filesAtHead: number
  readonly rawGitLog: { readonly command: string; readonly runsMs: readonly number[]; readonly bestMs: number }
  readonly fullIndex: {
    readonly wallMs: number
    /** durationMs the CLI itself reported (excludes Node start-up and opening the database). */
    readonly cliDurationMs: number
    readonly ratio: number
    /** cliDurationMs / raw: the ratio without Node start-up, which dominates on small repositories. */
    readonly ratioCliDuration: number
    readonly peakRssMiB: number | null
    readonly peakRssMethod: string
    readonly commitsAdded: number
  }
  readonly refreshNothingNewMs: number
  readonly incremental: { readonly runsMs: readonly number[]; readonly p50Ms: number }
  readonly queries: { readonly available: boolean; readonly results: readonly QueryFigure[] }
}


const args = parseOrExit('index-bench', 'npx jiti bench/index-bench.ts [REPO_PATH ...] [--json] [--keep] [--runs N] [--commits N --files N]', parseArgs)

const temp = new TempDirs({ keep: args.keep })

const say = progressWriter(args.json)

/** A text file at HEAD to append to for incremental commits and to blame. */
function isSmallTextFile(path: string): boolean {
  try {
    const stat = statSync(path)
    if (!stat.isFile() || stat.size === 0 || stat.size > 1 << 20) return false
    return !readFileSync(path).subarray(0, 8000).includes(0)
  } catch {
    return false
  }
}

function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8')
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
}

interface Samples {
  readonly files: readonly { readonly path: string; readonly lines: number }[]
  readonly dirs: readonly string[]
  readonly texts: readonly string[]
}

/** Random files at HEAD, folders at depths 0-3, and search texts (name fragments, subject words, names). */
function querySamples(repo: string): Samples {
  const random = prng(20_260_101)
  const all = git(repo, ['-c', 'core.quotePath=false', 'ls-files', '-z']).split('\0').filter((p) => p !== '')
  const files: { path: string; lines: number }[] = []
  for (const path of sample(all, 400, random)) {
    if (files.length >= 50) break
    if (isSmallTextFile(join(repo, path))) files.push({ path, lines: lineCount(join(repo, path)) })
  }
  const byDepth = new Map<number, Set<string>>()
  for (const path of all) {
    const parts = path.split('/').slice(0, -1)
    for (let depth = 1; depth <= Math.min(3, parts.length); depth++) {
      const set = byDepth.get(depth) ?? new Set<string>()
      set.add(parts.slice(0, depth).join('/'))
      byDepth.set(depth, set)
    }
  }
  const dirs = ['']
  for (const depth of [1, 2, 3]) dirs.push(...sample([...(byDepth.get(depth) ?? [])].sort(), 4, random))

  const texts: string[] = []
  for (const { path } of files.slice(0, 8)) {
    const stem = posix.basename(path).replace(/\.[^.]*$/, '')
    texts.push(stem.slice(0, 6)) // a prefix of a file name
    const consonants = stem.replace(/[aeiou\W_\d]/gi, '')
    if (consonants.length >= 3) texts.push(consonants.slice(0, 4)) // a fuzzy abbreviation, like "srvr"
  }
  const subjects = git(repo, ['log', '-300', '--format=%s']).split('\n')
  const words = [...new Set(subjects.flatMap((s) => s.split(/[^A-Za-z]+/)).filter((w) => w.length >= 5))]
  texts.push(...sample(words, 6, random).map((w) => w.toLowerCase()))
  const names = [...new Set(git(repo, ['log', '-1000', '--format=%aN']).split('\n').filter((n) => n !== ''))]
  texts.push(...sample(names, 4, random).map((n) => n.split(' ')[0] ?? n))
  return { files, dirs, texts: texts.filter((t) => t.length > 0) }
}

const GRAPH_METHODS = ['tree', 'files', 'owners', 'history', 'hotspots', 'coupling', 'blame', 'search', 'drift'] as const

async function measureQueries(core: Core, repoId: number, s: Samples, runs: number): Promise<QueryFigure[]> {
  const graph = core.graph
  const at = <T>(items: readonly T[], i: number): T => items[i % items.length] as T
  const file = (i: number): string => at(s.files, i).path
  const dir = (i: number): string => at(s.dirs, i)
  const figures: QueryFigure[] = []
  const measure = async (name: string, count: number, label: (i: number) => string, fn: (i: number) => unknown): Promise<void> => {
    // At most 20 s per query, whatever the number of runs (blame can be slow).
    const figure = await timeQuery(name, count, label, fn)
    figures.push(figure)
    say(`    ${name}: ${figure.error ? `error: ${figure.error}` : `p95 ${formatMs(figure.p95Ms)} ms`}`)
  }
  const since = ['3.months', '12.months', '3.years']
  const folderLabel = (i: number): string => dir(i) || '(root)'
  await measure('tree (folders, depth 0-3)', runs, folderLabel, (i) => graph.tree(repoId, dir(i)))
  await measure('files (under folder, 200)', runs, folderLabel, (i) => graph.files(repoId, { under: dir(i), limit: 200 }))
  if (s.files.length > 0) {
    await measure('owners (file)', runs, file, (i) => graph.owners(repoId, file(i), {}))
    await measure('history (file, 100)', runs, file, (i) => graph.history(repoId, file(i), { limit: 100 }))
    await measure('coupling (file)', runs, file, (i) => graph.coupling(repoId, file(i), {}))
    await measure('blame (file, ≤10 lines)', Math.min(runs, 20), file, (i) => {
      const f = at(s.files, i)
      return graph.blame(repoId, f.path, 1, Math.max(1, Math.min(10, f.lines)))
    })
  }
  await measure('owners (folder, depth 0-3)', runs, folderLabel, (i) => graph.owners(repoId, dir(i), {}))
  await measure('hotspots (3m/12m/3y)', runs, (i) => `since ${at(since, i)}`, (i) => graph.hotspots(repoId, { since: at(since, i) }))
  await measure('search (names, words, people)', runs, (i) => JSON.stringify(at(s.texts, i)), (i) => graph.search(repoId, at(s.texts, i), {}))
  await measure('drift (CODEOWNERS)', runs, () => 'defaults', () => graph.drift(repoId, {}))
  return figures
}

async function bench(source: string, generatedHead: string | null): Promise<Report> {
  const generated = generatedHead !== null
  const top = repositoryTop(source)
  say(`\n${top}${generated ? ' (generated)' : ''}`)
  say('  cloning with git clone --shared…')
  // The generated repository is benchmarked exactly as generated, whatever was committed to it since.
  const repo = workingCopy(temp, top, generatedHead)
  const commits = Number(git(repo, ['rev-list', '--count', 'HEAD']))

  say('  raw git log --numstat, best of 2…')
  const raw: number[] = []
  for (let i = 0; i < 2; i++) {
    const run = await runTimed('git', RAW_LOG_ARGS, { cwd: repo, discardStdout: true })
    if (run.exitCode !== 0) throw new Error(`git log failed: ${run.stderr.trim()}`)
    raw.push(run.ms)
  }
  const rawBest = Math.min(...raw)

  say('  full coop index in a child process…')
  const dataDir = temp.make('coop-bench-data-')
  // History and ownership only: the figure the issue compares with git log. Parsing source files is
  // the code structure graph's work, measured on its own.
  const full = await runNodeMeasured(CLI, ['index', repo, '--json', '--no-code'], { env: { ...process.env, COOP_DATA_DIR: dataDir } })
  if (full.exitCode !== 0) throw new Error(`coop index exited with ${full.exitCode}: ${full.stderr.trim() || full.stdout.trim()}`)
  const indexed = JSON.parse(full.stdout) as { repoId: number; filesAtHead: number; commits: number; commitsAdded: number; durationMs: number }

  say('  incremental updates in-process…')
  const core = openCore({ dataDir, version: 'bench' })
  try {
    let started = performance.now()
    const nothing = await core.repos.index(repo, { code: false })
    const refreshNothingNewMs = performance.now() - started
    if (nothing.commitsAdded !== 0) throw new Error(`a second index run read ${nothing.commitsAdded} commits; expected none`)

    const samples = querySamples(repo)
    const target = samples.files[0]?.path
    if (!target) throw new Error('no text file at HEAD to change for the incremental runs')
    const incremental: number[] = []
    for (let n = 1; n <= INCREMENTAL_RUNS; n++) {
      commitOne(repo, target, n)
      started = performance.now()
      const result = await core.repos.index(repo, { code: false })
      incremental.push(performance.now() - started)
      if (result.commitsAdded !== 1) throw new Error(`incremental run ${n} read ${result.commitsAdded} commits; expected 1`)
    }

    let queries: Report['queries']
    const graph = (core as Partial<Core>).graph as unknown as Record<string, unknown> | undefined
    const missing = GRAPH_METHODS.filter((m) => typeof graph?.[m] !== 'function')
    if (!graph || missing.length > 0) {
      say(`  graph queries: not available yet${graph ? ` (missing ${missing.join(', ')})` : ''}`)
      queries = { available: false, results: [] }
    } else {
      say(`  graph queries in-process (${args.runs} runs each over ${samples.files.length} files, ${samples.dirs.length} folders, ${samples.texts.length} search texts)…`)
      queries = { available: true, results: await measureQueries(core, indexed.repoId, samples, args.runs) }
    }
    return {
      repository: top,
      generated,
      workingCopy: repo,
      commits,
      filesAtHead: indexed.filesAtHead,
      rawGitLog: { command: `git ${RAW_LOG_ARGS.join(' ')}`, runsMs: raw, bestMs: rawBest },
      fullIndex: {
        wallMs: full.ms,
        cliDurationMs: indexed.durationMs,
        ratio: full.ms / rawBest,
        ratioCliDuration: indexed.durationMs / rawBest,
        peakRssMiB: full.maxRssKiB === null ? null : full.maxRssKiB / 1024,
        peakRssMethod: 'process.resourceUsage().maxRSS of the coop process (bench/run-with-maxrss.mjs); git children not included',
        commitsAdded: indexed.commitsAdded,
      },
      refreshNothingNewMs,
      incremental: { runsMs: incremental, p50Ms: percentile(incremental, 50) },
      queries,
    }
  } finally {
    await core.close()
  }
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED'
}

function printReport(r: Report): void {
  const int = (n: number): string => n.toLocaleString('en-US')
  const rows: [string, string, string, string][] = [
    ['commits / files at HEAD', `${int(r.commits)} / ${int(r.filesAtHead)}`, '', ''],
    ['raw git log --numstat (best of 2)', `${formatMs(r.rawGitLog.bestMs)} ms`, '', ''],
    ['full coop index (child, wall)', `${formatMs(r.fullIndex.wallMs)} ms`, '', `CLI durationMs ${formatMs(r.fullIndex.cliDurationMs)}`],
    ['ratio index / raw', `${r.fullIndex.ratio.toFixed(2)}x`, `≤ ${GOALS.indexRatio}x`, verdict(r.fullIndex.ratio <= GOALS.indexRatio)],
    ['ratio without start-up (CLI durationMs)', `${r.fullIndex.ratioCliDuration.toFixed(2)}x`, '', ''],
    ['peak memory of coop index (max RSS)', r.fullIndex.peakRssMiB === null ? 'n/a' : `${Math.round(r.fullIndex.peakRssMiB)} MiB`, '', 'Node process'],
    ['refresh, nothing new (in-process)', `${formatMs(r.refreshNothingNewMs)} ms`, '', ''],
    [
      `incremental, 1 new commit (p50 of ${r.incremental.runsMs.length})`,
      `${formatMs(r.incremental.p50Ms)} ms`,
      `< ${GOALS.incrementalP50Ms} ms`,
      `${verdict(r.incremental.p50Ms < GOALS.incrementalP50Ms)}  runs ${r.incremental.runsMs.map(formatMs).join(', ')}`,
    ],
  ]
  say('')
  say(`${r.repository}${r.generated ? ' (generated)' : ''}`)
  say(`  ${'figure'.padEnd(40)} ${'value'.padStart(14)}  ${'goal'.padEnd(10)} note`)
  for (const [name, value, goal, note] of rows) say(`  ${name.padEnd(40)} ${value.padStart(14)}  ${goal.padEnd(10)} ${note}`)
  say('')
  if (!r.queries.available) {
    say('  graph queries: not available yet')
    return
  }
  say(`  ${'query (in-process)'.padEnd(32)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)} ${'first ms'.padStart(9)}  ${`p95 < ${GOALS.queryP95Ms}`.padEnd(8)} slowest sample`)
  for (const q of r.queries.results) {
    if (q.error) {
      say(`  ${q.query.padEnd(32)} error: ${q.error}`)
      continue
    }
    say(
      `  ${q.query.padEnd(32)} ${String(q.runs).padStart(5)} ${formatMs(q.p50Ms).padStart(9)} ${formatMs(q.p95Ms).padStart(9)} ${formatMs(q.maxMs).padStart(9)} ${formatMs(q.firstMs).padStart(9)}  ${verdict(q.p95Ms < GOALS.queryP95Ms).padEnd(8)} ${q.slowest}`,
    )
  }
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'out', 'cli', 'coop.mjs'))) {
    console.error('index-bench: the coop CLI is not built: run npm run build first')
    return 1
  }
  const jobs: { source: string; head: string | null }[] = []
  if (args.targets.length === 0) {
    const custom = args.commits !== 100_000 || args.files !== 50_000
    const out = join(tmpdir(), custom ? `coop-bench-large-${args.commits}-${args.files}` : 'coop-bench-large')
    say(`Generating (or reusing) ${out}: ${args.commits.toLocaleString('en-US')} commits, ${args.files.toLocaleString('en-US')} files…`)
    const generated = await generateLargeRepo({ commits: args.commits, files: args.files, out, log: say })
    say(generated.reused ? '  reused (same parameters)' : `  generated in ${generated.seconds.toFixed(1)} s`)
    jobs.push({ source: generated.out, head: generated.head })
  } else {
    for (const target of args.targets) jobs.push({ source: resolve(target), head: null })
  }

  const { reports, failures } = await benchEach(temp, jobs, (job) => job.source, (job) => bench(job.source, job.head), say)
  for (const report of reports) printReport(report)
  for (const failure of failures) say(`\n${failure.repository}: FAILED: ${failure.error}`)
  // Milliseconds to 0.01 in the JSON.
  if (args.json) console.log(JSON.stringify({ goals: GOALS, reports, failures }, roundNumbers, 2))
  return failures.length > 0 ? 1 : 0
}

await runMain('index-bench', temp, main)
