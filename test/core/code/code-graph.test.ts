import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import { openCore } from '../../../src/core/create-core'
import type { IndexProgress } from '../../../src/shared/types'
import { ada, FixtureRepo, grace, linus } from '../../helpers/git-fixture'
import { PARSE_WORKER_URL } from '../../helpers/parse-worker'
import { suiteTempDir } from '../../helpers/temp-dir'

/**
 * A small TypeScript and Python project with a known import graph: the end-to-end path from git
 * blobs through the worker pool and resolution to the queries.
 */
function project(): FixtureRepo {
  const repo = FixtureRepo.create({ dir: suiteTempDir('coop-code-') })
  repo
    .write('tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["src/lib/*"] } } }\n')
    .write('src/lib/math.ts', 'export function add(a: number, b: number): number {\n  return a + b\n}\n')
    .write('src/service.ts', "import { add } from '@lib/math'\nimport express from 'express'\nimport { gone } from './missing'\n\nexport class Service {\n  total(): number {\n    return add(1, 2)\n  }\n}\n")
    .write('src/app.ts', "import { Service } from './service'\n\nexport const app = new Service()\n")
    .write('test/service.test.ts', "import { Service } from '../src/service'\n\nnew Service().total()\n")
    .write('tools/report.py', 'import os\nfrom tools import helpers\n\ndef main():\n    return helpers.run()\n')
    .write('tools/__init__.py', '')
    .write('tools/helpers.py', 'def run():\n    return 1\n')
    .commit('Start', ada)
  repo.write('src/service.ts', "import { add } from '@lib/math'\nimport express from 'express'\nimport { gone } from './missing'\n\nexport class Service {\n  total(): number {\n    return add(1, 3)\n  }\n}\n").commit('Tweak', grace)
  repo.write('src/lib/math.ts', 'export function add(a: number, b: number): number {\n  return b + a\n}\n').write('src/service.ts', "import { add } from '@lib/math'\nimport express from 'express'\nimport { gone } from './missing'\n\nexport class Service {\n  total(): number {\n    return add(2, 3)\n  }\n}\n").commit('Together', linus)
  return repo
}

let core: Core
let repo: FixtureRepo
let repoId: number

beforeAll(async () => {
  repo = project()
  core = openCore({ dataDir: suiteTempDir('coop-code-data-'), version: 'test', parseWorkerUrl: PARSE_WORKER_URL })
  repoId = (await core.repos.index(repo.path)).repoId
})
afterAll(async () => {
  await core?.close()
})

describe('the code structure graph', () => {
  it('resolves imports to files, packages and honest unresolved entries', () => {
    const deps = core.code.deps(repoId, 'src/service.ts')
    expect(deps.files).toEqual([{ path: 'src/lib/math.ts', depth: 1 }])
    expect(deps.external).toMatchObject([{ name: 'express', ecosystem: 'npm', specifier: 'express', line: 2 }])
    expect(deps.unresolved).toMatchObject([{ specifier: './missing', line: 3 }])
    expect(deps.unresolved[0]?.reason).not.toBe('')
    expect(core.code.deps(repoId, 'tools/report.py').files.map((f) => f.path)).toEqual(['tools/helpers.py'])
  })

  it('follows dependents transitively, nearest first', () => {
    const report = core.code.deps(repoId, 'src/lib/math.ts', { reverse: true, depth: 3 })
    expect(report.files).toEqual([
      { path: 'src/service.ts', depth: 1 },
      { path: 'src/app.ts', depth: 2 },
      { path: 'test/service.test.ts', depth: 2 },
    ])
  })

  it('lists what a change touches, each with its reason', () => {
    const impact = core.code.impact(repoId, 'src/lib/math.ts')
    expect(impact.dependents.map((d) => d.path)).toEqual(['src/service.ts', 'src/app.ts', 'test/service.test.ts'])
    expect(impact.dependents[0]?.why).toBe('imports src/lib/math.ts')
    expect(impact.coupled).toMatchObject([{ path: 'src/service.ts', support: 2 }])
    expect(impact.tests.map((t) => t.path)).toEqual(['test/service.test.ts'])
    // Ada wrote both files: one person to tell, with both reasons.
    expect(impact.notify).toHaveLength(1)
    expect(impact.notify[0]).toMatchObject({ email: ada.email })
    expect(impact.notify[0]?.why[0]).toMatch(/^owns \d+% of src\/lib\/math.ts$/)
    expect(impact.notify[0]?.why[1]).toBe('leading owner of src/service.ts, which imports it')
  })

  it('finds definitions and uses of a name', () => {
    expect(core.code.symbols(repoId, 'Service')).toMatchObject([{ path: 'src/service.ts', kind: 'class', startLine: 5, exported: true }])
    expect(core.code.symbols(repoId, 'service')).toMatchObject([{ name: 'Service' }])
    const refs = core.code.refs(repoId, 'Service')
    expect(refs.map((r) => r.path).sort()).toEqual(['src/app.ts', 'test/service.test.ts'])
    expect(refs.every((r) => r.importsDefinition)).toBe(true)
  })

  it('parses only files whose content changed, and re-resolves imports when files come and go', async () => {
    repo.write('src/app.ts', "import { Service } from './service'\nimport { add } from './lib/math'\n\nexport const app = new Service()\n").commit('Use math', ada)
    const progress: IndexProgress[] = []
    await core.repos.index(repo.path, { onProgress: (p) => progress.push(p) })
    expect(progress.filter((p) => p.phase === 'parsing').at(-1)).toMatchObject({ done: 1, total: 1 })
    expect(core.code.deps(repoId, 'src/app.ts').files.map((f) => f.path)).toEqual(['src/service.ts', 'src/lib/math.ts'])
    // What the old content said is gone: `new Service()` moved from line 3 to line 4.
    expect(core.code.refs(repoId, 'Service').find((r) => r.path === 'src/app.ts')?.lines).toEqual([1, 4])

    // The missing module appears: the unchanged service.ts now resolves it.
    repo.write('src/missing.ts', 'export const gone = 0\n').commit('Add the missing module', ada)
    await core.repos.index(repo.path)
    expect(core.code.deps(repoId, 'src/service.ts').files.map((f) => f.path)).toEqual(['src/lib/math.ts', 'src/missing.ts'])
    expect(core.code.deps(repoId, 'src/service.ts').unresolved).toEqual([])
  })

  it('says clearly when a path is not source code it parsed', () => {
    expect(() => core.code.deps(repoId, 'nope.ts')).toThrow(/No file nope.ts/)
    expect(() => core.code.deps(repoId, 'tsconfig.json')).toThrow(/not source code Coop parses/)
  })
})
