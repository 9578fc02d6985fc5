// Generates a large, realistic git history with `git fast-import`, for the benchmarks.
//
//   npx jiti bench/generate-large-repo.ts [--commits 100000] [--files 50000] [--out DIR] [--seed 42]
//
// Shape of the history (deterministic for a given seed and size):
// - Files live in nested folders, pkg-NN/mod-NN/<word>-NNNNN.ts, about 40 entries per tree, so a
//   commit rewrites a few small trees rather than one huge one (which is what makes a flat layout,
//   like test/helpers/git.ts's generateHistory, too slow at this size).
// - The first commit adds every file, plus README, package.json, package-lock.json, a CODEOWNERS and
//   a few binary files. Later commits change 1-5 files, mostly within one module and mostly in the
//   author's "home" package; ~1% are large commits of 20-80 files; files are sometimes added,
//   deleted, renamed (fast-import `R`, half of them with an edit) or moved to a sibling module.
// - ~25 people who join and leave over the three years, with skewed activity, plus dependabot[bot]
//   and renovate[bot] bumping the lockfile. Commit times span three years ending now.
// - Short side branches (1-3 commits) merged back with real merge commits (fast-import `merge`),
//   while main moves on in between.
// The input is streamed to fast-import's stdin in ~1 MiB chunks with back-pressure. The output
// folder is reused when its marker file says it was generated with the same parameters.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { prng } from './measure'

export interface GenerateOptions {
  readonly commits: number
  readonly files: number
  readonly out: string
  readonly seed?: number
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void
}

export interface GenerateResult {
  readonly out: string
  readonly reused: boolean
  readonly seconds: number
  /** The commit `main` points at, as generated. */
  readonly head: string
  readonly stats: GenerateStats
}

export interface GenerateStats {
  commits: number
  merges: number
  filesAtHead: number
  added: number
  deleted: number
  renamed: number
  botCommits: number
  largeCommits: number
}

/** Bump when the shape of the generated history changes, so old outputs are not reused. */
const GENERATOR_VERSION = 2
export const MARKER_FILE = '.coop-bench-marker'
const FILES_PER_MODULE = 40
const MODULES_PER_PACKAGE = 40

interface Person {
  readonly name: string
  readonly email: string
  /** Relative share of commits while active. */
  readonly weight: number
  /** Active between these fractions of the three years. */
  readonly from: number
  readonly to: number
  /** Package index the person mostly works in. */
  readonly home: number
}

const PEOPLE: readonly (readonly [string, string])[] = [
  ['Maria Garcia', 'maria.garcia@acme.io'],
  ['James Smith', 'jsmith@acme.io'],
  ['Wei Zhang', 'wei.zhang@acme.io'],
  ['Priya Patel', 'priya@patel.dev'],
  ['Olusegun Adeyemi', 'olu.adeyemi@acme.io'],
  ['Sophie Martin', 'sophie.martin@acme.io'],
  ['Lukas Müller', 'lukas.mueller@acme.io'],
  ['Aiko Tanaka', 'aiko.tanaka@acme.io'],
  ['Carlos Silva', 'carlos.silva@gmail.com'],
  ['Fatima Al-Sayed', 'fatima.alsayed@acme.io'],
  ['Ivan Petrov', 'ivan.petrov@acme.io'],
  ['Emma Johansson', 'emma.j@acme.io'],
  ['Noah Williams', 'noah.williams@acme.io'],
  ['Chloé Dubois', 'chloe.dubois@acme.io'],
  ['Ravi Kumar', 'ravi.kumar@acme.io'],
  ['Hannah Kim', 'hannah.kim@acme.io'],
  ['Mateo Rossi', 'mateo.rossi@acme.io'],
  ['Zanele Dlamini', 'zanele@dlamini.co.za'],
  ['Tomasz Nowak', 'tomasz.nowak@acme.io'],
  ['Grace O’Brien', 'grace.obrien@acme.io'],
  ['Ahmed Hassan', 'ahmed.hassan@acme.io'],
  ['Lena Fischer', 'lena.fischer@acme.io'],
  ['Diego Hernández', 'diego.hernandez@acme.io'],
  ['Yuki Sato', 'yuki.sato@users.noreply.github.com'],
  ['Sam Taylor', 'sam@taylor.me'],
]

const BOTS = [
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
  { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' },
] as const

const WORDS = [
  'parser', 'router', 'session', 'cache', 'config', 'client', 'server', 'schema', 'metrics', 'logger',
  'auth', 'billing', 'invoice', 'queue', 'worker', 'scheduler', 'storage', 'upload', 'search', 'index',
  'graph', 'payment', 'profile', 'settings', 'webhook', 'mailer', 'report', 'export', 'import', 'sync',
  'adapter', 'handler', 'validator', 'formatter', 'resolver', 'registry', 'gateway', 'policy', 'token', 'audit',
]

const SUBJECTS = [
  'Fix %s edge case', 'Refactor %s', 'Add tests for %s', 'Handle empty input in %s', 'Speed up %s',
  'Rename internals of %s', 'Document %s', 'Tidy up %s', 'Support retries in %s', 'Log failures in %s',
]

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

function moduleDir(pkg: number, mod: number): string {
  return `pkg-${pad(pkg, 2)}/mod-${pad(mod, 2)}`
}

/** A few lines; each version changes some of them (line k changes every k+1 versions) and the count. */
function contentOf(i: number, version: number): string {
  const lines = [`// ${WORDS[i % WORDS.length]} ${i}`, `import { helper } from '../shared/helper-${i % 7}'`, '']
  const count = 4 + ((i + version) % 7)
  for (let k = 0; k < count; k++) lines.push(`export const value${k} = helper(${(i * 31 + k * 7 + Math.floor(version / (k + 1))) % 1000})`)
  return `${lines.join('\n')}\n`
}

/** A "binary" file: git treats content with a NUL byte as binary (numstat reports `-`). */
function binaryOf(i: number, version: number): string {
  return `\x89PNG\r\n\x1a\n\0\0\0\rIHDR${String.fromCharCode(1 + ((i * 7 + version) % 120)).repeat(64)}\0${version}\n`
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`
}

function gitSync(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`)
  return result.stdout.trim()
}

/** Where `main` points in `repo` now, or null if it cannot be read. */
function currentHead(repo: string): string | null {
  try {
    return gitSync(repo, ['rev-parse', '-q', '--verify', 'refs/heads/main^{commit}'])
  } catch {
    return null
  }
}

/** Reads the marker of an earlier generation, or null. */
function readMarker(out: string): string | null {
  try {
    return readFileSync(join(out, MARKER_FILE), 'utf8')
  } catch {
    return null
  }
}

/** Generates the repository, or reuses `out` when it was generated with the same parameters. */
export async function generateLargeRepo(options: GenerateOptions): Promise<GenerateResult> {
  const out = resolve(options.out)
  const seed = options.seed ?? 42
  const log = options.log ?? (() => {})
  if (!Number.isInteger(options.commits) || options.commits < 1) throw new Error(`--commits must be a positive integer, got ${options.commits}`)
  if (!Number.isInteger(options.files) || options.files < 1) throw new Error(`--files must be a positive integer, got ${options.files}`)
  const wanted = JSON.stringify({ generator: GENERATOR_VERSION, commits: options.commits, files: options.files, seed })

  const marker = readMarker(out)
  if (marker !== null) {
    const previous = JSON.parse(marker) as { stats?: GenerateStats; head?: string }
    const { stats, head, ...params } = previous
    if (JSON.stringify(params) !== wanted || !stats || !head) {
      log(`${out} was generated with other parameters (${JSON.stringify(params)}): generating again`)
    } else if (currentHead(out) !== head) {
      // Someone committed to it (or reset it): it is no longer the history these parameters make.
      log(`${out} was changed since it was generated (main is no longer ${head.slice(0, 12)}): generating again`)
    } else {
      return { out, reused: true, seconds: 0, head, stats }
    }
  } else if (existsSync(out) && readdirSync(out).length > 0) {
    throw new Error(`${out} exists and was not made by this generator (no ${MARKER_FILE}): choose another --out`)
  }

  const started = performance.now()
  // Generate next to the destination and move it into place at the end, so an interrupted run never
  // leaves a half-written repository that looks finished.
  const work = `${out}.partial-${process.pid}`
  rmSync(work, { recursive: true, force: true })
  mkdirSync(dirname(out), { recursive: true })
  mkdirSync(work)
  try {
    gitSync(work, ['init', '-q', '-b', 'main'])
    const stats = await streamHistory(work, options.commits, options.files, seed)
    log(`  fast-import done in ${((performance.now() - started) / 1000).toFixed(1)} s; checking out HEAD…`)
    gitSync(work, ['-c', 'core.quotePath=false', 'reset', '-q', '--hard', 'main'])
    writeFileSync(join(work, '.git', 'info', 'exclude'), `${MARKER_FILE}\n`, { flag: 'a' })
    const head = gitSync(work, ['rev-parse', 'HEAD'])
    writeFileSync(join(work, MARKER_FILE), JSON.stringify({ ...(JSON.parse(wanted) as object), head, stats }))
    if (marker !== null) rmSync(out, { recursive: true, force: true })
    else if (existsSync(out)) rmSync(out, { recursive: true, force: true }) // an empty folder
    renameSync(work, out)
    return { out, reused: false, seconds: (performance.now() - started) / 1000, head, stats }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}

/** Writes the whole history into `git fast-import` running in `repo`. */
async function streamHistory(repo: string, commits: number, fileCount: number, seed: number): Promise<GenerateStats> {
  const child = spawn('git', ['fast-import', '--quiet', '--done', '--date-format=raw'], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let failure: Error | null = null
  const exited = new Promise<number>((resolveExit) => {
    child.on('error', (error) => {
      failure = error
      resolveExit(1)
    })
    child.on('close', (code) => resolveExit(code ?? 1))
  })
  child.stdin.on('error', (error) => (failure ??= error))

  let chunks: string[] = []
  let size = 0
  const flush = async (): Promise<void> => {
    if (failure) throw new Error(`git fast-import stopped: ${failure.message} ${stderr.trim()}`)
    const chunk = chunks.join('')
    chunks = []
    size = 0
    if (!child.stdin.write(chunk)) await new Promise<void>((resolveDrain) => child.stdin.once('drain', resolveDrain))
  }
  const write = async (text: string): Promise<void> => {
    chunks.push(text)
    size += text.length
    if (size >= 1 << 20) await flush()
  }

  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const stats: GenerateStats = { commits: 0, merges: 0, filesAtHead: 0, added: 0, deleted: 0, renamed: 0, botCommits: 0, largeCommits: 0 }

  // Files: index -> current path (null once deleted), version, and which module lists them.
  const paths: (string | null)[] = []
  const versions: number[] = []
  const packages = Math.max(1, Math.ceil(fileCount / (FILES_PER_MODULE * MODULES_PER_PACKAGE)))
  const modules: number[][] = [] // module number (pkg * MODULES_PER_PACKAGE + mod) -> file indexes (may hold stale ones)
  const moduleOf: number[] = []
  const placeFile = (i: number, module: number, word: string): string => {
    const path = `${moduleDir(Math.floor(module / MODULES_PER_PACKAGE), module % MODULES_PER_PACKAGE)}/${word}-${pad(i, 5)}.ts`
    paths[i] = path
    moduleOf[i] = module
    ;(modules[module] ??= []).push(i)
    return path
  }
  for (let i = 0; i < fileCount; i++) {
    placeFile(i, Math.floor(i / FILES_PER_MODULE), WORDS[(i * 13) % WORDS.length] as string)
    versions[i] = 0
  }
  const moduleCount = modules.length

  const people: Person[] = PEOPLE.map(([name, email], k) => {
    // A core of long-timers, others joining or leaving part-way, a few who left long ago.
    const from = k < 8 ? 0 : random() * 0.7
    const to = k % 6 === 5 ? from + 0.1 + random() * 0.3 : 1
    return { name, email, weight: 1 / (1 + k * 0.35), from, to: Math.min(1, to), home: k % packages }
  })
  const totalWeight = people.reduce((sum, p) => sum + p.weight, 0)
  const personAt = (fraction: number): Person => {
    for (let attempt = 0; attempt < 20; attempt++) {
      let r = random() * totalWeight
      let chosen = people[0] as Person
      for (const p of people) {
        r -= p.weight
        if (r <= 0) {
          chosen = p
          break
        }
      }
      if (fraction >= chosen.from && fraction <= chosen.to) return chosen
    }
    return people[0] as Person
  }

  const end = Math.floor(Date.now() / 1000)
  const start = end - 3 * 365 * 86_400
  const step = (end - start) / commits
  let mark = 0
  let lastTime = start
  const timeOf = (n: number): number => {
    lastTime = Math.max(lastTime + 1, Math.floor(start + n * step + (random() - 0.5) * step))
    return Math.min(lastTime, end)
  }
  const header = (branch: string, who: { name: string; email: string }, time: number, message: string, from: number): string => {
    stats.commits++
    return (
      `commit refs/heads/${branch}\nmark :${++mark}\n` +
      `author ${who.name} <${who.email}> ${time} +0000\ncommitter ${who.name} <${who.email}> ${time} +0000\n` +
      `${data(message)}${from ? `from :${from}\n` : ''}`
    )
  }
  const modify = (i: number): string => {
    versions[i] = (versions[i] ?? 0) + 1
    return `M 100644 inline ${paths[i]}\n${data(contentOf(i, versions[i] ?? 0))}`
  }

  // CODEOWNERS: each package declared to its home person, except every fourth (drift to find).
  const codeowners = ['# Generated by bench/generate-large-repo.ts', '* @acme/core-team']
  for (let p = 0; p < packages; p++) {
    const declared = people[(p % 4 === 3 ? p + 7 : p) % people.length] as Person
    codeowners.push(`/pkg-${pad(p, 2)}/ ${declared.email}`)
  }
  const binaries = Array.from({ length: 5 }, (_, k) => `assets/icon-${k}.png`)
  const binaryVersions = binaries.map(() => 0)

  // The first commit adds every file.
  await write(header('main', people[0] as Person, start, 'Initial import', 0))
  for (let i = 0; i < fileCount; i++) await write(`M 100644 inline ${paths[i]}\n${data(contentOf(i, 0))}`)
  await write(`M 100644 inline README.md\n${data('# Acme monorepo\n\nGenerated for benchmarks.\n')}`)
  await write(`M 100644 inline package.json\n${data('{\n  "name": "acme",\n  "version": "1.0.0"\n}\n')}`)
  await write(`M 100644 inline package-lock.json\n${data('{\n  "lockfileVersion": 3,\n  "bump": 0\n}\n')}`)
  await write(`M 100644 inline .github/CODEOWNERS\n${data(`${codeowners.join('\n')}\n`)}`)
  for (const [k, path] of binaries.entries()) await write(`M 100644 inline ${path}\n${data(binaryOf(k, 0))}`)
  await write('\n')
  let mainHead = mark

  // A side branch being worked on: its tip, the files it changed (main leaves them alone until the
  // merge, so the merge tree is exactly main plus these files) and when it is merged.
  let side: { tip: number; files: Set<number>; mergeAt: number; author: Person; topic: string } | null = null
  let lockBump = 0
  let sideBranches = 0

  const liveFileIn = (module: number, avoid: ReadonlySet<number>): number | null => {
    const list = modules[module] ?? []
    for (let attempt = 0; attempt < 8 && list.length > 0; attempt++) {
      const i = list[Math.floor(random() * list.length)] as number
      if (paths[i] !== null && moduleOf[i] === module && !avoid.has(i)) return i
    }
    return null
  }
  const moduleFor = (person: Person): number =>
    random() < 0.7
      ? Math.min(moduleCount - 1, person.home * MODULES_PER_PACKAGE + Math.floor(random() * MODULES_PER_PACKAGE))
      : Math.floor(random() * moduleCount)

  while (stats.commits < commits) {
    const n = stats.commits
    const fraction = n / commits
    const time = timeOf(n)

    if (side && (n >= side.mergeAt || n === commits - 1)) {
      // The merge commit: first parent main, second the side branch, tree = main + the side's files.
      let body = header('main', side.author, time, `Merge branch 'feature/${side.topic}'`, mainHead) + `merge :${side.tip}\n`
      for (const i of side.files) body += `M 100644 inline ${paths[i]}\n${data(contentOf(i, versions[i] ?? 0))}`
      await write(`${body}\n`)
      mainHead = mark
      stats.merges++
      side = null
      continue
    }

    const roll = random()
    if (roll < 0.02) {
      // A bot bumps the lockfile (and sometimes package.json).
      const bot = BOTS[lockBump % BOTS.length] as (typeof BOTS)[number]
      lockBump++
      let body = header('main', bot, time, `chore(deps): bump dependencies (#${1000 + lockBump})`, mainHead)
      body += `M 100644 inline package-lock.json\n${data(`{\n  "lockfileVersion": 3,\n  "bump": ${lockBump},\n  "integrity": "sha512-${(lockBump * 2654435761) >>> 0}"\n}\n`)}`
      if (lockBump % 3 === 0) body += `M 100644 inline package.json\n${data(`{\n  "name": "acme",\n  "version": "1.${lockBump}.0"\n}\n`)}`
      await write(`${body}\n`)
      mainHead = mark
      stats.botCommits++
      continue
    }

    const person = personAt(fraction)
    const avoid: ReadonlySet<number> = side?.files ?? new Set<number>()

    if (!side && roll < 0.027 && n + 6 < commits) {
      // Start a side branch of 1-3 commits from main's tip; main moves on for 1-4 commits, then merges it.
      const topic = `${pick(WORDS)}-${++sideBranches}`
      const files = new Set<number>()
      const module = moduleFor(person)
      const sideCommits = 1 + Math.floor(random() * 3)
      let tip = mainHead
      for (let s = 0; s < sideCommits && stats.commits < commits - 1; s++) {
        let body = header('side', person, s === 0 ? time : timeOf(stats.commits), `${pick(SUBJECTS).replace('%s', topic.replace(/-\d+$/, ''))} (wip ${s + 1})`, tip)
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
          const i = liveFileIn(module, new Set())
          if (i === null || files.has(i)) continue
          files.add(i)
          body += modify(i)
        }
        await write(`${body}\n`)
        tip = mark
      }
      side = { tip, files, mergeAt: stats.commits + 1 + Math.floor(random() * 4), author: person, topic }
      continue
    }

    const large = roll < 0.037
    const module = moduleFor(person)
    const word = WORDS[module % WORDS.length] as string
    let body = header('main', person, time, large ? `Refactor ${word}: move to the new helper API` : pick(SUBJECTS).replace('%s', word), mainHead)
    const count = large ? 20 + Math.floor(random() * 61) : 1 + Math.floor(random() * 5)
    const touched = new Set<number>()
    for (let k = 0; k < count; k++) {
      // Large commits sweep through neighbouring modules; small ones stay in one.
      const i = liveFileIn(large ? Math.min(moduleCount - 1, module + Math.floor(k / 10)) : module, avoid)
      if (i === null || touched.has(i)) continue
      touched.add(i)
      const action = random()
      if (action < 0.006) {
        // Rename: within the folder, or a move to a sibling module; half of them edited too.
        const from = paths[i] as string
        const current = moduleOf[i] ?? 0
        const target = random() < 0.25 ? Math.min(moduleCount - 1, current + 1) : current
        let to = placeFile(i, target, `${pick(WORDS)}-${pick(WORDS)}`)
        if (to === from) to = placeFile(i, target, `${pick(WORDS)}-v${stats.renamed}`)
        body += `R ${from} ${to}\n`
        if (random() < 0.5) body += modify(i)
        stats.renamed++
      } else if (action < 0.009) {
        body += `D ${paths[i]}\n`
        paths[i] = null
        stats.deleted++
      } else {
        body += modify(i)
      }
    }
    if (!large && random() < 0.02) {
      // A new file in the module.
      const i = paths.length
      versions[i] = 0
      body += `M 100644 inline ${placeFile(i, module, pick(WORDS))}\n${data(contentOf(i, 0))}`
      stats.added++
    }
    if (random() < 0.001) {
      const k = Math.floor(random() * binaries.length)
      binaryVersions[k] = (binaryVersions[k] ?? 0) + 1
      body += `M 100644 inline ${binaries[k]}\n${data(binaryOf(k, binaryVersions[k] ?? 0))}`
    }
    if (large) stats.largeCommits++
    await write(`${body}\n`)
    mainHead = mark
  }

  await write('done\n')
  await flush()
  child.stdin.end()
  const code = await exited
  if (failure || code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${stderr.trim() || (failure as Error | null)?.message}`)
  // Every side branch was merged into main: its ref is not needed.
  gitSync(repo, ['update-ref', '-d', 'refs/heads/side'])
  stats.filesAtHead = paths.filter((p) => p !== null).length + 4 + binaries.length
  return stats
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  if (i < 0) return undefined
  const value = process.argv[i + 1]
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`)
  return value
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const options = {
      commits: Number(argValue('--commits') ?? 100_000),
      files: Number(argValue('--files') ?? 50_000),
      out: argValue('--out') ?? join(tmpdir(), 'coop-bench-large'),
      seed: Number(argValue('--seed') ?? 42),
      log: (line: string) => console.log(line),
    }
    console.log(`Generating ${options.commits.toLocaleString('en-US')} commits over ${options.files.toLocaleString('en-US')} files in ${options.out} (seed ${options.seed})…`)
    const result = await generateLargeRepo(options)
    const s = result.stats
    console.log(
      result.reused
        ? `Reused ${result.out} (generated earlier with the same parameters)`
        : `Generated ${result.out} in ${result.seconds.toFixed(1)} s (main at ${result.head.slice(0, 12)})`,
    )
    console.log(
      `  ${s.commits.toLocaleString('en-US')} commits (${s.merges} merges, ${s.largeCommits} large, ${s.botCommits} by bots), ` +
        `${s.filesAtHead.toLocaleString('en-US')} files at HEAD; ${s.added} added, ${s.deleted} deleted, ${s.renamed} renamed`,
    )
  } catch (error) {
    console.error(`generate-large-repo: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
