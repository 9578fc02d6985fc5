// Generates a large, realistic git history with `git fast-import`, for the benchmarks.
//   npx jiti bench/generate-large-repo.ts [--commits 100000] [--files 50000] [--out DIR]
// Files sit in nested folders (pkg-NN/mod-NN/file-NNNNN.ts, 25 per folder) so each commit rewrites
// a few small trees, not one huge one; ~25 people and two bots; merges from short side branches;
// renames, deletions and the odd large commit. Deterministic; an existing output is reused.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface GenerateOptions {
  readonly commits: number
  readonly files: number
  readonly out: string
}

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Dennis', 'Frances', 'Edsger', 'Donald', 'Radia', 'John']
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Ritchie', 'Allen', 'Dijkstra', 'Knuth', 'Perlman']
const BOTS = [
  { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' },
  { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' },
]

/** Mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pathOf(i: number): string {
  const pkg = Math.floor(i / 1000)
  const mod = Math.floor(i / 25) % 40
  return `pkg-${String(pkg).padStart(2, '0')}/mod-${String(mod).padStart(2, '0')}/file-${String(i).padStart(5, '0')}.ts`
}

function contentOf(i: number, version: number): string {
  const lines = [`// file ${i}`, `export const version = ${version}`]
  for (let k = 0; k < 3 + (version % 9); k++) lines.push(`export const value${k} = ${(i * 31 + k * 7 + version) % 1000}`)
  return `${lines.join('\n')}\n`
}

export async function generateLargeRepo(options: GenerateOptions): Promise<{ reused: boolean; seconds: number }> {
  const marker = join(options.out, '.coop-bench-marker')
  const wanted = JSON.stringify({ commits: options.commits, files: options.files, version: 1 })
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return { reused: true, seconds: 0 }
  const started = performance.now()
  mkdirSync(options.out, { recursive: true })
  await git(options.out, ['init', '-q', '-b', 'main'])
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: options.out, stdio: ['pipe', 'inherit', 'inherit'] })
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)))
  let buffer: string[] = []
  let size = 0
  const write = async (text: string): Promise<void> => {
    buffer.push(text)
    size += text.length
    if (size < 1 << 20) return
    const chunk = buffer.join('')
    buffer = []
    size = 0
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve))
  }

  const random = prng(42)
  const people = Array.from({ length: 25 }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`
    return { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com` }
  })
  const versions = new Array<number>(options.files).fill(0)
  const paths = Array.from({ length: options.files }, (_, i) => pathOf(i))
  const alive = new Array<boolean>(options.files).fill(true)
  const end = Math.floor(Date.now() / 1000)
  const start = end - 3 * 365 * 86_400
  let mark = 0
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`
  const header = (branch: string, person: { name: string; email: string }, time: number, message: string, from: number) =>
    `commit refs/heads/${branch}\nmark :${++mark}\nauthor ${person.name} <${person.email}> ${time} +0000\ncommitter ${person.name} <${person.email}> ${time} +0000\n${data(message)}${from ? `from :${from}\n` : ''}`

  // The first commit adds every file.
  let first = header('main', people[0] as (typeof people)[number], start, 'Initial import', 0)
  for (let i = 0; i < options.files; i++) first += `M 100644 inline ${paths[i]}\n${data(contentOf(i, 0))}`
  first += `M 100644 inline package-lock.json\n${data('{"lockfileVersion":3,"v":0}\n')}`
  await write(`${first}\n`)
  let mainHead = mark

  let lock = 0
  for (let n = 1; n < options.commits; n++) {
    const time = start + Math.floor((n / options.commits) * (end - start))
    const roll = random()
    if (roll < 0.02) {
      // A bot bumps the lockfile.
      const bot = BOTS[n % BOTS.length] as (typeof BOTS)[number]
      await write(`${header('main', bot, time, `Bump dependencies (${++lock})`, mainHead)}M 100644 inline package-lock.json\n${data(`{"lockfileVersion":3,"v":${lock}}\n`)}\n`)
      mainHead = mark
      continue
    }
    const person = people[Math.floor(Math.pow(random(), 2) * people.length)] as (typeof people)[number]
    if (n % 1000 === 0) {
      // A short side branch merged back: two commits, then a merge commit on main.
      const fork = mainHead
      let side = fork
      for (let s = 0; s < 2; s++) {
        const i = Math.floor(random() * options.files)
        if (!alive[i]) continue
        versions[i] = (versions[i] ?? 0) + 1
        await write(`${header('side', person, time - 60 + s, `Side work ${n}.${s}`, side)}M 100644 inline ${paths[i]}\n${data(contentOf(i, versions[i] ?? 0))}\n`)
        side = mark
      }
      await write(`${header('main', person, time, `Merge side work ${n}`, mainHead)}merge :${side}\n\n`)
      mainHead = mark
      continue
    }
    let body = header('main', person, time, `Change ${n}: ${roll < 0.03 ? 'large refactor' : 'update'}`, mainHead)
    const count = roll < 0.03 ? 20 + Math.floor(random() * 60) : 1 + Math.floor(random() * 5)
    // Changes cluster: most commits stay within one module, as real work does.
    const base = Math.floor(random() * options.files)
    for (let k = 0; k < count; k++) {
      const i = (base + Math.floor(random() * 50)) % options.files
      if (!alive[i]) continue
      const action = random()
      if (action < 0.004) {
        const to = (paths[i] ?? '').replace(/file-(\d+)\.ts$/, `renamed-$1-${n}.ts`)
        body += `R ${paths[i]} ${to}\n`
        paths[i] = to
      } else if (action < 0.006) {
        body += `D ${paths[i]}\n`
        alive[i] = false
      } else {
        versions[i] = (versions[i] ?? 0) + 1
        body += `M 100644 inline ${paths[i]}\n${data(contentOf(i, versions[i] ?? 0))}`
      }
    }
    await write(`${body}\n`)
    mainHead = mark
  }
  await write('done\n')
  child.stdin.end(buffer.join(''))
  if ((await exited) !== 0) throw new Error('git fast-import failed')
  await git(options.out, ['reset', '-q', '--hard', 'main'])
  writeFileSync(marker, wanted)
  return { reused: false, seconds: (performance.now() - started) / 1000 }
}

function git(cwd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: 'inherit' })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} exited with ${code}`))))
  })
}

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

if (process.argv[1]?.endsWith('generate-large-repo.ts')) {
  const options = {
    commits: Number(argValue('--commits', '100000')),
    files: Number(argValue('--files', '50000')),
    out: argValue('--out', join(tmpdir(), 'coop-bench-large')),
  }
  const result = await generateLargeRepo(options)
  console.log(result.reused ? `reused ${options.out}` : `generated ${options.commits} commits, ${options.files} files in ${options.out} in ${result.seconds.toFixed(1)} s`)
}
