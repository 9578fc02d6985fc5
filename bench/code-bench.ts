// Code structure graph benchmarks (issue 4). They print figures and never assert (not part of npm test).
//
//   npx jiti bench/code-bench.ts                    # this repository, and /tmp/real-express if it exists
//   npx jiti bench/code-bench.ts ~/src/a ~/src/b    # any repositories (benchmarked in a temporary clone)
//
// Options: --json (machine-readable report on stdout; progress and the tables go to stderr), --keep
// (keep the temporary clones and data folders), --runs N (runs per query, default 50), --ts-config
// PATH (the tsconfig dependency-cruiser is given, relative to each repository; default tsconfig.json
// when there is one, `none` for none).
//
// Needs the built CLI and parse worker (npm run build). See bench/README.md for what each figure means.
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { languageOfPath } from '../src/core/code/parse/languages'
import type { Core } from '../src/core/core'
import { DATABASE_FILE, openCore } from '../src/core/create-core'
import { benchEach, commitOne, git, repositoryTop, runMain, sample, TempDirs, workingCopy } from './bench-repo'
import { compareWithDependencyCruiser, type CruiseOutput, type EdgeFigures, JS_TS } from './code-edges'
import { formatMs, parseOrExit, percentile, prng, progressWriter, type QueryFigure, roundNumbers, runNodeMeasured, timeQuery } from './measure'

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'bin', 'coop.mjs')
const CRUISE_CHILD = join(import.meta.dirname, 'cruise-child.mjs')
const PARSE_WORKER = new URL('../out/cli/parse-worker.mjs', import.meta.url)
/** Also benchmarked when no repository is named, if it is there (a real JavaScript project). */
const EXTRA_DEFAULT = '/tmp/real-express'
const GOALS = { speedRatio: 5, precision: 0.98, recall: 0.98, queryP95Ms: 20 } as const
const REPARSE_RUNS = 5
/** Disagreeing edges listed in the text report (--json has them all). */
const LISTED_DISAGREEMENTS = 50

interface Args {
  readonly targets: readonly string[]
  readonly json: boolean
  readonly keep: boolean
  readonly runs: number
  /** undefined: tsconfig.json when the repository has one; null: none. */
  readonly tsConfig: string | null | undefined
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const targets: string[] = []
  let json = false
  let keep = false
  let runs = 50
  let tsConfig: string | null | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--json') json = true
    else if (arg === '--keep') keep = true
    else if (arg === '--runs') {
      const value = argv[++i]
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError('--runs needs a positive whole number')
      runs = Number(value)
    } else if (arg === '--ts-config') {
      const value = argv[++i]
      if (value === undefined) throw new UsageError('--ts-config needs a path (relative to each repository) or none')
      tsConfig = value === 'none' ? null : value
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else targets.push(arg)
  }
  return { targets, json, keep, runs, tsConfig }
}

interface Report {
  readonly repository: string
  /** Cores of this machine: the parse pool runs min(4, cores) workers, dependency-cruiser one thread. */
  readonly cores: number
  readonly workingCopy: string
  /** Rows in code_files after the full parse: parsed, and skipped (too large, not text). */
  readonly codeFiles: { readonly parsed: number; readonly skipped: number; readonly parsedJsTs: number; readonly byLanguage: Readonly<Record<string, number>> }
  readonly fullParse: {
    /** `coop index --no-code` before it: history, tree and ownership (not counted). */
    readonly historyWallMs: number
    readonly wallMs: number
    /** durationMs the CLI reported: the index run without Node start-up and opening the database. */
    readonly cliDurationMs: number
    readonly peakRssMiB: number | null
    readonly filesPerSecond: number
    readonly filesPerSecondCli: number
  }
  readonly dependencyCruiser: {
    readonly tsConfig: string | null
    readonly wallMs: number
    /** The cruise() call alone, inside the child. */
    readonly cruiseMs: number
    readonly peakRssMiB: number | null
    /** JS/TS files of the repository it read. */
    readonly files: number
    readonly filesPerSecond: number
    readonly filesPerSecondCruise: number
  }
  readonly speedRatio: { readonly wall: number; readonly withoutStartUp: number; readonly note: string }
  readonly edges: EdgeFigures
  readonly reparse: {
    readonly file: string
    /** The first re-index in the process, which also starts the parse worker (not in the p50). */
    readonly firstRunMs: number
    readonly runsMs: readonly number[]
    readonly p50Ms: number
    readonly withoutCode: { readonly runsMs: readonly number[]; readonly p50Ms: number }
  }
  readonly queries: { readonly files: number; readonly names: number; readonly results: readonly QueryFigure[] }
}


const args = parseOrExit('code-bench', 'npx jiti bench/code-bench.ts [REPO_PATH ...] [--json] [--keep] [--runs N] [--ts-config PATH|none]', parseArgs)

const temp = new TempDirs({ keep: args.keep })

const say = progressWriter(args.json)

const mib = (kib: number | null): number | null => (kib === null ? null : kib / 1024)

async function bench(source: string): Promise<Report> {
  const top = repositoryTop(source)
  say(`\n${top}`)
  say('  cloning with git clone --shared…')
  const repo = workingCopy(temp, top)
  const dataDir = temp.make('coop-bench-data-')
  const env = { ...process.env, COOP_DATA_DIR: dataDir }

  say('  coop index --no-code in a child process (history first, not counted)…')
  const history = await runNodeMeasured(CLI, ['index', repo, '--json', '--no-code'], { env })
  if (history.exitCode !== 0) throw new Error(`coop index --no-code exited with ${history.exitCode}: ${history.stderr.trim() || history.stdout.trim()}`)
  const { repoId } = JSON.parse(history.stdout) as { repoId: number }

  say('  coop index in a child process (parses every source file)…')
  const full = await runNodeMeasured(CLI, ['index', repo, '--json'], { env })
  if (full.exitCode !== 0) throw new Error(`coop index exited with ${full.exitCode}: ${full.stderr.trim() || full.stdout.trim()}`)
  const cliDurationMs = (JSON.parse(full.stdout) as { durationMs: number }).durationMs

  const tsConfig = args.tsConfig === undefined ? (existsSync(join(repo, 'tsconfig.json')) ? 'tsconfig.json' : null) : args.tsConfig
  say(`  dependency-cruiser in a child process (${tsConfig === null ? 'no tsconfig' : tsConfig})…`)
  const cruiseRun = await runNodeMeasured(CRUISE_CHILD, tsConfig === null ? [repo] : [repo, tsConfig])
  if (cruiseRun.exitCode !== 0) throw new Error(`dependency-cruiser exited with ${cruiseRun.exitCode}: ${cruiseRun.stderr.trim()}`)
  const cruised = JSON.parse(cruiseRun.stdout) as CruiseOutput
  const cruisedFiles = cruised.files.filter((f) => JS_TS.has(languageOfPath(f))).length

  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true })
  try {
    const codeHead = (): string | null => (db.prepare('SELECT code_head FROM repositories WHERE id = ?').pluck().get(repoId) as string | null) ?? null
    // The CLI only logs a warning when the code structure cannot be built: make sure it was.
    if (codeHead() !== git(repo, ['rev-parse', 'HEAD'])) throw new Error(`coop index did not build the code structure (see ${join(dataDir, 'logs')})`)
    const codeFiles = countCodeFiles(db, repoId)
    if (codeFiles.parsed === 0) throw new Error('coop parsed no source files: nothing to benchmark')
    const others = codeFiles.parsed - codeFiles.parsedJsTs
    const speedRatio = {
      wall: codeFiles.parsed / full.ms / (cruisedFiles / cruiseRun.ms),
      withoutStartUp: codeFiles.parsed / cliDurationMs / (cruisedFiles / cruised.cruiseMs),
      note:
        cruisedFiles === 0
          ? 'dependency-cruiser read no JS/TS files: no ratio'
          : others === 0
          ? 'JS/TS files on both sides'
          : `coop's files/s counts ${others.toLocaleString('en-US')} files in other languages parsed in the same run; dependency-cruiser's only JS/TS`,
    }

    say('  comparing JS/TS edges with dependency-cruiser…')
    const edges = compareWithDependencyCruiser(db, repoId, cruised)

    say('  re-parse after one change, in-process…')
    const core = openCore({ dataDir, version: 'bench', parseWorkerUrl: PARSE_WORKER })
    try {
      const sampled = querySamples(db, repoId)
      const target = sampled.files[0]
      if (target === undefined) throw new Error('no parsed source file to change')
      const timeIndex = async (n: number, code: boolean): Promise<number> => {
        commitOne(repo, target, n)
        const started = performance.now()
        const result = await core.repos.index(repo, { code })
        const ms = performance.now() - started
        if (result.commitsAdded !== 1) throw new Error(`re-index run ${n} read ${result.commitsAdded} commits; expected 1`)
        if (code && codeHead() !== result.head) throw new Error(`re-index run ${n} did not bring the code structure up to HEAD (see ${join(dataDir, 'logs')})`)
        return ms
      }
      // The first run starts the parse worker: shown on its own. Then runs with and without parsing
      // alternate, so that neither side gets the warmer half of the series.
      const firstRunMs = await timeIndex(0, true)
      const withCode: number[] = []
      const withoutCode: number[] = []
      for (let n = 1; n <= REPARSE_RUNS; n++) {
        withCode.push(await timeIndex(2 * n - 1, true))
        withoutCode.push(await timeIndex(2 * n, false))
      }
      await core.repos.index(repo) // the code structure at HEAD again for the queries (not timed)

      say(`  queries in-process (${args.runs} runs each over ${sampled.files.length} files, ${sampled.names.length} names)…`)
      const results = await measureQueries(core, repoId, sampled, args.runs)
      return {
        repository: top,
        cores: availableParallelism(),
        workingCopy: repo,
        codeFiles,
        fullParse: {
          historyWallMs: history.ms,
          wallMs: full.ms,
          cliDurationMs,
          peakRssMiB: mib(full.maxRssKiB),
          filesPerSecond: codeFiles.parsed / (full.ms / 1000),
          filesPerSecondCli: codeFiles.parsed / (cliDurationMs / 1000),
        },
        dependencyCruiser: {
          tsConfig,
          wallMs: cruiseRun.ms,
          cruiseMs: cruised.cruiseMs,
          peakRssMiB: mib(cruiseRun.maxRssKiB),
          files: cruisedFiles,
          filesPerSecond: cruisedFiles / (cruiseRun.ms / 1000),
          filesPerSecondCruise: cruisedFiles / (cruised.cruiseMs / 1000),
        },
        speedRatio,
        edges,
        reparse: { file: target, firstRunMs, runsMs: withCode, p50Ms: percentile(withCode, 50), withoutCode: { runsMs: withoutCode, p50Ms: percentile(withoutCode, 50) } },
        queries: { files: sampled.files.length, names: sampled.names.length, results },
      }
    } finally {
      await core.close()
    }
  } finally {
    db.close()
  }
}

function countCodeFiles(db: Database.Database, repoId: number): Report['codeFiles'] {
  const rows = db
    .prepare(
      `SELECT cf.language, cf.skipped IS NOT NULL AS skipped, COUNT(*) AS n FROM code_files cf JOIN files f ON f.id = cf.file_id
       WHERE f.repo_id = ? GROUP BY cf.language, skipped ORDER BY n DESC`,
    )
    .all(repoId) as { language: string; skipped: number; n: number }[]
  const byLanguage: Record<string, number> = {}
  let parsed = 0
  let skipped = 0
  let parsedJsTs = 0
  for (const r of rows) {
    if (r.skipped) {
      skipped += r.n
      continue
    }
    parsed += r.n
    byLanguage[r.language] = r.n
    if (JS_TS.has(r.language)) parsedJsTs += r.n
  }
  return { parsed, skipped, parsedJsTs, byLanguage }
}

interface Samples {
  /** Random parsed files, then the most imported ones (the heaviest dependents and impact queries). */
  readonly files: readonly string[]
  /** Names of defined symbols, every fifth lower-cased (the case-insensitive fallback of symbols). */
  readonly names: readonly string[]
}

function querySamples(db: Database.Database, repoId: number): Samples {
  const random = prng(20_260_404)
  const parsed = db
    .prepare('SELECT f.path FROM code_files cf JOIN files f ON f.id = cf.file_id WHERE f.repo_id = ? AND cf.skipped IS NULL ORDER BY f.path')
    .pluck()
    .all(repoId) as string[]
  const hubs = db
    .prepare(
      `SELECT f.path FROM code_edges e JOIN files f ON f.id = e.target_file_id WHERE f.repo_id = ?
       GROUP BY e.target_file_id ORDER BY COUNT(DISTINCT e.file_id) DESC, f.path LIMIT 10`,
    )
    .pluck()
    .all(repoId) as string[]
  const files = [...new Set([...sample(parsed, 40, random), ...hubs])]
  const symbolNames = db
    .prepare('SELECT DISTINCT s.name FROM code_symbols s JOIN files f ON f.id = s.file_id WHERE f.repo_id = ? ORDER BY s.name')
    .pluck()
    .all(repoId) as string[]
  const names = sample(symbolNames, 50, random).map((name, i) => (i % 5 === 4 ? name.toLowerCase() : name))
  return { files, names }
}

async function measureQueries(core: Core, repoId: number, s: Samples, runs: number): Promise<QueryFigure[]> {
  const code = core.code
  const at = <T>(items: readonly T[], i: number): T => items[i % items.length] as T
  const file = (i: number): string => at(s.files, i)
  const name = (i: number): string => at(s.names, i)
  const figures: QueryFigure[] = []
  const measure = async (label: string, sampleOf: (i: number) => string, fn: (i: number) => unknown): Promise<void> => {
    const figure = await timeQuery(label, runs, sampleOf, fn)
    figures.push(figure)
    say(`    ${label}: ${figure.error ? `error: ${figure.error}` : `p95 ${formatMs(figure.p95Ms)} ms`}`)
  }
  await measure('deps (depth 1)', file, (i) => code.deps(repoId, file(i), { depth: 1 }))
  await measure('deps (depth 3)', file, (i) => code.deps(repoId, file(i), { depth: 3 }))
  await measure('deps --reverse (depth 3)', file, (i) => code.deps(repoId, file(i), { reverse: true, depth: 3 }))
  await measure('impact', file, (i) => code.impact(repoId, file(i)))
  if (s.names.length > 0) {
    await measure('symbols', name, (i) => code.symbols(repoId, name(i)))
    await measure('refs', name, (i) => code.refs(repoId, name(i)))
  }
  return figures
}

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED'
}

function printReport(r: Report): void {
  const int = (n: number): string => Math.round(n).toLocaleString('en-US')
  const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a')
  const rss = (m: number | null): string => (m === null ? 'n/a' : `${Math.round(m)} MiB`)
  const languages = Object.entries(r.codeFiles.byLanguage)
    .map(([language, n]) => `${language} ${int(n)}`)
    .join(', ')
  const dc = r.dependencyCruiser
  const rows: [string, string, string, string][] = [
    ['source files parsed (code_files)', int(r.codeFiles.parsed), '', `${languages}${r.codeFiles.skipped > 0 ? `; ${int(r.codeFiles.skipped)} skipped` : ''}`],
    ['coop index --no-code (history, not counted)', `${formatMs(r.fullParse.historyWallMs)} ms`, '', ''],
    ['coop index, full parse (child, wall)', `${formatMs(r.fullParse.wallMs)} ms`, '', `CLI durationMs ${formatMs(r.fullParse.cliDurationMs)}, peak ${rss(r.fullParse.peakRssMiB)}`],
    ['  coop files/s (wall / durationMs)', `${int(r.fullParse.filesPerSecond)}`, '', `${int(r.fullParse.filesPerSecondCli)} without start-up`],
    ['dependency-cruiser (child, wall)', `${formatMs(dc.wallMs)} ms`, '', `cruise() ${formatMs(dc.cruiseMs)} ms, ${int(dc.files)} JS/TS files, peak ${rss(dc.peakRssMiB)}, tsconfig ${dc.tsConfig ?? 'none'}`],
    ['  dependency-cruiser files/s (wall / cruise)', `${int(dc.filesPerSecond)}`, '', `${int(dc.filesPerSecondCruise)} without start-up`],
    ['speed ratio coop / dep-cruiser (wall)', ratio(r.speedRatio.wall), `≥ ${GOALS.speedRatio}x`, `${Number.isFinite(r.speedRatio.wall) ? verdict(r.speedRatio.wall >= GOALS.speedRatio) : ''}  ${r.speedRatio.note}`],
    ['speed ratio without start-up', ratio(r.speedRatio.withoutStartUp), `≥ ${GOALS.speedRatio}x`, Number.isFinite(r.speedRatio.withoutStartUp) ? verdict(r.speedRatio.withoutStartUp >= GOALS.speedRatio) : ''],
    ['JS/TS edges coop / dep-cruiser / both', `${int(r.edges.coopEdges)} / ${int(r.edges.dependencyCruiserEdges)} / ${int(r.edges.shared)}`, '', ''],
    ['precision (coop edges dep-cruiser has)', r.edges.precision.toFixed(4), `≥ ${GOALS.precision}`, verdict(r.edges.precision >= GOALS.precision)],
    ['recall (dep-cruiser edges coop has)', r.edges.recall.toFixed(4), `≥ ${GOALS.recall}`, verdict(r.edges.recall >= GOALS.recall)],
    [
      `re-index, 1 file changed (p50 of ${r.reparse.runsMs.length})`,
      `${formatMs(r.reparse.p50Ms)} ms`,
      '',
      `runs ${r.reparse.runsMs.map(formatMs).join(', ')}; first ${formatMs(r.reparse.firstRunMs)} (starts the worker); ${r.reparse.file}`,
    ],
    [
      `  the same with { code: false } (p50 of ${r.reparse.withoutCode.runsMs.length})`,
      `${formatMs(r.reparse.withoutCode.p50Ms)} ms`,
      '',
      `runs ${r.reparse.withoutCode.runsMs.map(formatMs).join(', ')}; parsing adds ${formatMs(r.reparse.p50Ms - r.reparse.withoutCode.p50Ms)} ms at p50`,
    ],
  ]
  say('')
  say(`${r.repository}  (${r.cores} cores)`)
  say(`  ${'figure'.padEnd(44)} ${'value'.padStart(22)}  ${'goal'.padEnd(8)} note`)
  for (const [label, value, goal, note] of rows) say(`  ${label.padEnd(44)} ${value.padStart(22)}  ${goal.padEnd(8)} ${note}`)
  say('')
  say(`  ${'query (in-process)'.padEnd(26)} ${'runs'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)} ${'first ms'.padStart(9)}  ${`p95 < ${GOALS.queryP95Ms}`.padEnd(8)} slowest sample`)
  for (const q of r.queries.results) {
    if (q.error) {
      say(`  ${q.query.padEnd(26)} error: ${q.error}`)
      continue
    }
    say(
      `  ${q.query.padEnd(26)} ${String(q.runs).padStart(5)} ${formatMs(q.p50Ms).padStart(9)} ${formatMs(q.p95Ms).padStart(9)} ${formatMs(q.maxMs).padStart(9)} ${formatMs(q.firstMs).padStart(9)}  ${verdict(q.p95Ms < GOALS.queryP95Ms).padEnd(8)} ${q.slowest}`,
    )
  }
  printDisagreements(r.edges)
}

function printDisagreements(edges: EdgeFigures): void {
  say('')
  if (edges.disagreements === 0) {
    say('  no disagreements with dependency-cruiser')
    return
  }
  say(`  disagreements with dependency-cruiser: ${edges.disagreements} edges from ${edges.byFile.length} files`)
  let listed = 0
  for (const f of edges.byFile) {
    if (listed >= LISTED_DISAGREEMENTS) break
    say(`  ${f.file}${f.coopDidNotParse ? `  (coop: ${f.coopDidNotParse})` : ''}`)
    for (const [side, notes] of [
      ['only coop', f.onlyCoop],
      ['only dependency-cruiser', f.onlyDependencyCruiser],
    ] as const) {
      for (const note of notes) {
        if (listed++ >= LISTED_DISAGREEMENTS) break
        say(`    ${side.padEnd(23)} → ${note.to}  (${note.specifiers.map((s) => `'${s}'`).join(', ') || 'no specifier'}; ${note.otherSide})`)
      }
    }
  }
  if (edges.disagreements > LISTED_DISAGREEMENTS) say(`  … and ${edges.disagreements - LISTED_DISAGREEMENTS} more (--json lists them all)`)
}

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'out', 'cli', 'coop.mjs')) || !existsSync(PARSE_WORKER)) {
    console.error('code-bench: the coop CLI or its parse worker is not built: run npm run build first')
    return 1
  }
  const targets = args.targets.length > 0 ? args.targets.map((t) => resolve(t)) : [ROOT, ...(existsSync(EXTRA_DEFAULT) ? [EXTRA_DEFAULT] : [])]
  const { reports, failures } = await benchEach(temp, targets, (target) => target, bench, say)
  for (const report of reports) printReport(report)
  for (const failure of failures) say(`\n${failure.repository}: FAILED: ${failure.error}`)
  if (args.json) console.log(JSON.stringify({ goals: GOALS, reports, failures }, roundNumbers, 2))
  return failures.length > 0 ? 1 : 0
}

await runMain('code-bench', temp, main)
