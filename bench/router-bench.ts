// Model router benchmarks: what the router adds to a model call, and how fast the scrubber reads
// source text. They print figures and never assert on time (not part of npm test).
//
//   npx jiti bench/router-bench.ts                  # scrubbing corpus: this repository's src/, test/ and four packages
//   npx jiti bench/router-bench.ts ~/src/api        # scrub every .ts/.tsx/.js/.json/.md file under other folders instead
//
// Options: --runs N (counted runs per prompt size, default 500), --json (machine-readable report on
// stdout; progress and the table go to stderr). Needs no build and no keychain: the provider is the
// loopback OpenAI emulator (test/emulators) and its key comes from COOP_OA_API_KEY in openCore's env.
// See bench/README.md for what each figure means.
import OpenAI from 'openai'
import { statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import type { Core } from '../src/core/core'
import { DATABASE_FILE, openCore } from '../src/core/create-core'
import { RETENTION_HEADERS } from '../src/core/policy/retention'
import { readAskFiles } from '../src/core/router/ask-files'
import { UsageLedger } from '../src/core/router/usage-ledger'
import { openDatabase, type Db } from '../src/core/store/open-database'
import { startOpenAIEmulator, type OpenAIEmulator } from '../test/emulators/openai-emulator'
import { runMain, TempDirs } from './bench-repo'
import { formatMs, parseOrExit, percentile, progressWriter, roundNumbers } from './measure'
import { ROUTER_STEPS, RouterSteps, type RouterStep } from './router-steps'
import { measureScrubbing, readCorpus, type Corpus, type ScrubFigures } from './scrub-throughput'

const ROOT = resolve(import.meta.dirname, '..')
const GOALS = { overheadP50MsAt4KB: 1 } as const
const PROMPT_SIZES = [
  { label: '4 KB', bytes: 4 * 1024 },
  { label: '64 KB', bytes: 64 * 1024 },
] as const
const WARM_UP = 30
const SCRUB_PASSES = 3
const DEFAULT_CORPUS = ['src', 'test', 'node_modules/openai', 'node_modules/@anthropic-ai/sdk', 'node_modules/zod', 'node_modules/commander'].map((p) => join(ROOT, p))
const PROVIDER = 'oa'
const MODEL = 'gpt-x'
// Random-looking, so the scrubber's exemptions for fake-looking keys play no part.
const KEY = 'sk-bench-Q7vX2mLk9Rt4WbZs8NcYp3HdFj6GaE1u'
const ANSWER = 'The retry budget runs out after two attempts.'
const QUESTION = 'What does this code do, and where could it fail?'

interface Args {
  readonly corpus: readonly string[]
  readonly runs: number
  readonly json: boolean
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const corpus: string[] = []
  let runs = 500
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--json') json = true
    else if (arg === '--runs') {
      const value = argv[++i]
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new UsageError('--runs needs a positive whole number')
      runs = Number(value)
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`)
    else {
      // Checked now, not after the router figures have taken their time.
      if (!statSync(arg, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${arg} is not a folder`)
      corpus.push(resolve(arg))
    }
  }
  return { corpus: corpus.length > 0 ? corpus : DEFAULT_CORPUS, runs, json }
}

interface Spread {
  readonly p50Ms: number
  readonly p99Ms: number
}

interface SizeReport {
  readonly prompt: string
  /** Bytes of the --file (real source text from src/, cut at a line end). */
  readonly fileBytes: number
  /** Bytes of the JSON body sent. */
  readonly bodyBytes: number
  /** What the scrubber found in the prompt (real code: normally 0). */
  readonly redactions: number
  readonly runs: number
  readonly steps: Readonly<Record<RouterStep, Spread>>
  /** The sum of the steps per request: the headline figure. */
  readonly overhead: Spread
  /** readAskFiles: the router reads the --file, but so would any caller; not counted as overhead. */
  readonly readFile: Spread
  readonly endToEnd: {
    /** The official SDK streaming the same body straight to the emulator. */
    readonly sdk: Spread
    /** core.router.ask with the file. */
    readonly router: Spread
    /** router p50 − sdk p50, router p99 − sdk p99. */
    readonly difference: Spread
    /** Percentiles of (router − sdk) within each interleaved pair. */
    readonly pairedDifference: Spread
  }
}

interface Report {
  readonly cores: number
  readonly node: string
  readonly goals: typeof GOALS
  readonly sizes: readonly SizeReport[]
  readonly scrubbing: {
    readonly roots: readonly string[]
    readonly files: number
    readonly bytes: number
    readonly skippedLarge: number
    readonly passes: number
  } & ScrubFigures
}

const args = parseOrExit('router-bench', 'npx jiti bench/router-bench.ts [CORPUS_DIR ...] [--runs N] [--json]', parseArgs)
const temp = new TempDirs({ keep: false })
const say = progressWriter(args.json)

const spread = (samples: readonly number[]): Spread => ({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) })

/** Real source text from src/ (the router's own files first), whole files concatenated, cut at the last line end within `bytes`. */
function sourcePrompt(bytes: number): string {
  const files = readCorpus([join(ROOT, 'src')], ROOT).files.filter((f) => /\.tsx?$/.test(f.path))
  const ordered = [...files.filter((f) => f.path.startsWith('src/core/router/')), ...files.filter((f) => !f.path.startsWith('src/core/router/'))]
  const parts: string[] = []
  let length = 0
  for (const f of ordered) {
    if (length > bytes) break
    const part = `// ${f.path}\n${f.text.endsWith('\n') ? f.text : `${f.text}\n`}\n`
    parts.push(part)
    length += Buffer.byteLength(part)
  }
  const all = Buffer.from(parts.join(''), 'utf8')
  return all.subarray(0, all.subarray(0, bytes).lastIndexOf(0x0a) + 1).toString('utf8')
}

/** What the router's send() does through streamChat, minus the router: one SDK client, the same options, the same body. */
async function askSdkDirectly(baseUrl: string, timeoutMs: number, body: Record<string, unknown>): Promise<string> {
  const client = new OpenAI({
    baseURL: baseUrl,
    apiKey: KEY,
    timeout: timeoutMs,
    maxRetries: 0,
    defaultHeaders: RETENTION_HEADERS,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
  })
  const stream = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming)
  let text = ''
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
  return text
}

interface Bench {
  readonly core: Core
  readonly db: Db
  readonly steps: RouterSteps
  readonly emulator: OpenAIEmulator
  readonly promptDir: string
}

/** The raw body of the one request the emulator received since the last call; the record is dropped (64 KB each). */
function takeRequest(emulator: OpenAIEmulator): string {
  const [request, ...more] = emulator.requests.splice(0)
  if (!request || more.length > 0) throw new Error(`the emulator received ${more.length + (request ? 1 : 0)} requests; expected 1`)
  return request.rawBody
}

async function measureSize(b: Bench, size: (typeof PROMPT_SIZES)[number]): Promise<SizeReport> {
  const fileName = `prompt-${size.bytes}.ts`
  const fileText = sourcePrompt(size.bytes)
  writeFileSync(join(b.promptDir, fileName), fileText)
  const provider = b.core.providers.get(PROVIDER)
  if (!provider?.baseUrl) throw new Error(`provider ${PROVIDER} is not configured`)
  const request = { question: QUESTION, provider: PROVIDER, model: MODEL, files: [{ path: fileName }] }
  const recorded = b.db.prepare('SELECT payload_sha256, status FROM llm_requests WHERE request_id = ?')
  const samples = { read: [] as number[], total: [] as number[], sdk: [] as number[], router: [] as number[], paired: [] as number[] }
  const bySteps = Object.fromEntries(ROUTER_STEPS.map((s) => [s, [] as number[]])) as Record<RouterStep, number[]>
  let bodyBytes = 0
  let redactions = 0
  say(`  ${size.label} prompt: ${WARM_UP} warm-up and ${args.runs} counted runs, SDK and router interleaved…`)

  for (let i = 0; i < WARM_UP + args.runs; i++) {
    const readStarted = performance.now()
    const files = await readAskFiles(request.files, b.promptDir)
    const readMs = performance.now() - readStarted
    const steps = await b.steps.run({ provider: PROVIDER, model: MODEL, question: QUESTION, files })

    const sdk = async (): Promise<{ ms: number; raw: string }> => {
      const started = performance.now()
      const text = await askSdkDirectly(provider.baseUrl as string, provider.timeoutMs, steps.body)
      const ms = performance.now() - started
      if (text !== ANSWER) throw new Error(`the SDK call answered ${JSON.stringify(text)}`)
      return { ms, raw: takeRequest(b.emulator) }
    }
    const routed = async (): Promise<{ ms: number; raw: string; requestId: string }> => {
      let text = ''
      const started = performance.now()
      const outcome = await b.core.router.ask(request, { cwd: b.promptDir, onText: (t) => (text += t) })
      const ms = performance.now() - started
      if (outcome.status !== 'succeeded' || text !== ANSWER) throw new Error(`router.ask ended ${outcome.status}: ${outcome.error?.message ?? JSON.stringify(text)}`)
      return { ms, raw: takeRequest(b.emulator), requestId: outcome.requestId }
    }
    // Alternate which goes first, so neither side always runs right after the other's garbage.
    let direct: Awaited<ReturnType<typeof sdk>>
    let viaRouter: Awaited<ReturnType<typeof routed>>
    if (i % 2 === 0) {
      direct = await sdk()
      viaRouter = await routed()
    } else {
      viaRouter = await routed()
      direct = await sdk()
    }

    if (i === 0) {
      // The copy of the router's steps must build what the router builds, or its times mean nothing.
      const row = recorded.get(viaRouter.requestId) as { payload_sha256: string; status: string } | undefined
      if (row?.payload_sha256 !== steps.payloadSha256) throw new Error(`bench/router-steps.ts no longer builds the router's payload (hash ${steps.payloadSha256}, router recorded ${row?.payload_sha256}): bring it in step with model-router.ts`)
      if (direct.raw !== viaRouter.raw) throw new Error('the SDK baseline sent a different body from the router')
      bodyBytes = Buffer.byteLength(direct.raw)
      redactions = steps.redactions
    }
    if (i < WARM_UP) continue
    samples.read.push(readMs)
    samples.total.push(steps.totalMs)
    for (const step of ROUTER_STEPS) bySteps[step].push(steps.ms[step])
    samples.sdk.push(direct.ms)
    samples.router.push(viaRouter.ms)
    samples.paired.push(viaRouter.ms - direct.ms)
  }

  const sdkSpread = spread(samples.sdk)
  const routerSpread = spread(samples.router)
  return {
    prompt: size.label,
    fileBytes: Buffer.byteLength(fileText),
    bodyBytes,
    redactions,
    runs: args.runs,
    steps: Object.fromEntries(ROUTER_STEPS.map((s) => [s, spread(bySteps[s])])) as Record<RouterStep, Spread>,
    overhead: spread(samples.total),
    readFile: spread(samples.read),
    endToEnd: {
      sdk: sdkSpread,
      router: routerSpread,
      difference: { p50Ms: routerSpread.p50Ms - sdkSpread.p50Ms, p99Ms: routerSpread.p99Ms - sdkSpread.p99Ms },
      pairedDifference: spread(samples.paired),
    },
  }
}

async function measureRouter(): Promise<SizeReport[]> {
  const dataDir = temp.make('coop-bench-router-data-')
  const promptDir = temp.make('coop-bench-router-prompts-')
  const emulator = await startOpenAIEmulator({ apiKey: KEY, models: [MODEL], text: ANSWER })
  const core = openCore({ dataDir, version: 'bench', env: { COOP_OA_API_KEY: KEY } })
  // A second connection to the core's database file, for the ledger the step copy writes to and for
  // reading back what the router recorded. Same file, same pragmas (openDatabase), used one at a time.
  const db = openDatabase(join(dataDir, DATABASE_FILE))
  try {
    core.providers.add({ id: PROVIDER, kind: 'openai', baseUrl: `${emulator.url}/v1`, models: [MODEL] })
    const b: Bench = { core, db, steps: new RouterSteps(core, new UsageLedger(db)), emulator, promptDir }
    const reports: SizeReport[] = []
    for (const size of PROMPT_SIZES) reports.push(await measureSize(b, size))
    return reports
  } finally {
    db.close()
    await core.close()
    await emulator.close()
  }
}

function measureCorpus(): Report['scrubbing'] {
  say(`  reading the scrubbing corpus (${args.corpus.length} ${args.corpus.length === 1 ? 'folder' : 'folders'})…`)
  const corpus: Corpus = readCorpus(args.corpus, ROOT)
  if (corpus.files.length === 0) throw new Error(`no .ts/.tsx/.js/.json/.md files under ${args.corpus.join(', ')}`)
  say(`  scrubbing ${corpus.files.length.toLocaleString('en-US')} files (${(corpus.bytes / 1e6).toFixed(1)} MB), ${SCRUB_PASSES} passes per variant…`)
  const figures = measureScrubbing(corpus, SCRUB_PASSES)
  return { roots: corpus.roots.map((r) => r.replace(`${ROOT}/`, '')), files: corpus.files.length, bytes: corpus.bytes, skippedLarge: corpus.skippedLarge, passes: SCRUB_PASSES, ...figures }
}

function printReport(r: Report): void {
  const [small, large] = r.sizes as [SizeReport, SizeReport]
  const cells = (f: (s: SizeReport) => Spread): string =>
    [small, large].map((s) => `${formatMs(f(s).p50Ms).padStart(9)} ${formatMs(f(s).p99Ms).padStart(8)}`).join('   ')
  const row = (label: string, f: (s: SizeReport) => Spread, note = ''): void => say(`  ${label.padEnd(46)} ${cells(f)}   ${note}`)
  const overheadOk = small.overhead.p50Ms < GOALS.overheadP50MsAt4KB

  say('')
  say(`router overhead (${r.cores} cores, Node ${r.node}; ${small.runs} counted runs per size; ms)`)
  say(`  prompts: ${small.prompt} file ${small.fileBytes.toLocaleString('en-US')} B → body ${small.bodyBytes.toLocaleString('en-US')} B, ${small.redactions} redactions; ${large.prompt} file ${large.fileBytes.toLocaleString('en-US')} B → body ${large.bodyBytes.toLocaleString('en-US')} B, ${large.redactions} redactions`)
  say(`  ${''.padEnd(46)} ${'4 KB p50'.padStart(9)} ${'p99'.padStart(8)}   ${'64 KB p50'.padStart(9)} ${'p99'.padStart(8)}   goal`)
  say('  the router\'s own steps, timed in-process:')
  for (const step of ROUTER_STEPS) row(`  ${step}`, (s) => s.steps[step])
  row('OVERHEAD: sum of the steps per request', (s) => s.overhead, `p50 < ${GOALS.overheadP50MsAt4KB} ms at 4 KB: ${overheadOk ? 'ok' : 'MISSED'}`)
  row('  reading the --file (not counted)', (s) => s.readFile)
  say('  end to end against the loopback emulator (cross-check; noisy):')
  row('  SDK alone, same body', (s) => s.endToEnd.sdk)
  row('  core.router.ask', (s) => s.endToEnd.router)
  row('  difference of the percentiles', (s) => s.endToEnd.difference)
  row('  paired difference (router − SDK, per pair)', (s) => s.endToEnd.pairedDifference)
  if (r.cores <= 2) say(`  note: ${r.cores} cores, and the emulator shares this process: the end-to-end figures move by tenths of a ms between runs; the step sum is the figure to read.`)

  const s = r.scrubbing
  say('')
  say(`scrubbing throughput: sanitizeText over ${s.files.toLocaleString('en-US')} files, ${(s.bytes / 1e6).toFixed(1)} MB (${s.skippedLarge} files over 1 MiB left out)`)
  say(`  corpus: ${s.roots.join(', ')}`)
  for (const v of s.variants) say(`  ${v.variant.padEnd(32)} best ${v.bestMBps.toFixed(1).padStart(6)} MB/s   median ${v.medianMBps.toFixed(1).padStart(6)} MB/s   (passes ${v.passesMs.map((ms) => formatMs(ms)).join(', ')} ms)`)
  const rules = Object.entries(s.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  say(`  redactions: ${s.redactions}${rules.length === 0 ? '' : ` (${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')})`}`)
  for (const [rule] of rules) say(`    ${rule}: ${(s.filesByRule[rule] ?? []).join(', ')}`)
}

async function main(): Promise<number> {
  say('router overhead against the loopback OpenAI emulator…')
  const sizes = await measureRouter()
  say('scrubbing throughput…')
  const scrubbing = measureCorpus()
  const report: Report = { cores: availableParallelism(), node: process.versions.node, goals: GOALS, sizes, scrubbing }
  printReport(report)
  if (args.json) console.log(JSON.stringify(report, roundNumbers, 2))
  return 0
}

await runMain('router-bench', temp, async () => {
  try {
    return await main()
  } finally {
    temp.cleanUp()
  }
})
