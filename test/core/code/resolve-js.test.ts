import { describe, expect, it } from 'vitest'
import type { ImportKind, RepoSnapshot, Resolution } from '../../../src/core/code/code-types'
import { createJsResolver } from '../../../src/core/code/resolve/js/resolve-js'

/** A repository at HEAD as resolution sees it: its paths and the text of its files. */
function repo(files: Record<string, string>): RepoSnapshot & { reads: Map<string, number> } {
  const reads = new Map<string, number>()
  return {
    paths: new Set(Object.keys(files)),
    readText: (path) => {
      reads.set(path, (reads.get(path) ?? 0) + 1)
      return files[path] ?? null
    },
    reads,
  }
}

/** resolve(from, specifier) for a repository of `files` (empty files unless text is given). */
function resolverFor(files: Record<string, string> | string[]): (from: string, specifier: string, kind?: ImportKind) => Resolution {
  const snapshot = repo(Array.isArray(files) ? Object.fromEntries(files.map((f) => [f, ''])) : files)
  const resolve = createJsResolver(snapshot)
  return (from, specifier, kind = 'import') => resolve(from, { specifier, kind, line: 1 })
}

const file = (path: string): Resolution => ({ kind: 'file', path })
const npm = (name: string): Resolution => ({ kind: 'external', ecosystem: 'npm', name })
const node = (name: string): Resolution => ({ kind: 'external', ecosystem: 'node', name })
const unresolvedWith = (text: string | RegExp) => ({ kind: 'unresolved', reason: typeof text === 'string' ? expect.stringContaining(text) : expect.stringMatching(text) })

describe('relative imports', () => {
  it('finds the exact file, then adds extensions in the order TypeScript tries them', () => {
    const resolve = resolverFor(['src/a.ts', 'src/b.ts', 'src/b.tsx', 'src/b.d.ts', 'src/b.js', 'src/c.tsx', 'src/d.d.ts', 'src/e.jsx', 'src/f.mjs', 'src/g.cts', 'src/h.json', 'src/style.css'])
    expect(resolve('src/a.ts', './b.ts')).toEqual(file('src/b.ts'))
    expect(resolve('src/a.ts', './b')).toEqual(file('src/b.ts'))
    expect(resolve('src/a.ts', './c')).toEqual(file('src/c.tsx'))
    expect(resolve('src/a.ts', './d')).toEqual(file('src/d.d.ts'))
    expect(resolve('src/a.ts', './e')).toEqual(file('src/e.jsx'))
    expect(resolve('src/a.ts', './f')).toEqual(file('src/f.mjs'))
    expect(resolve('src/a.ts', './g')).toEqual(file('src/g.cts'))
    expect(resolve('src/a.ts', './h')).toEqual(file('src/h.json'))
    expect(resolve('src/a.ts', './h.json')).toEqual(file('src/h.json'))
    expect(resolve('src/a.ts', './style.css')).toEqual(file('src/style.css'))
  })

  it('resolves folders to their index file, or the entry their package.json names', () => {
    const resolve = resolverFor({
      'src/app.ts': '',
      'src/lib/index.ts': '',
      'src/lib/index.js': '',
      'src/widget/package.json': '{ "main": "./lib/main.js" }',
      'src/widget/lib/main.js': '',
      'src/widget/index.ts': '',
      'src/index.tsx': '',
    })
    expect(resolve('src/app.ts', './lib')).toEqual(file('src/lib/index.ts'))
    expect(resolve('src/app.ts', './lib/')).toEqual(file('src/lib/index.ts'))
    expect(resolve('src/app.ts', './widget')).toEqual(file('src/widget/lib/main.js'))
    expect(resolve('src/app.ts', '.')).toEqual(file('src/index.tsx'))
    expect(resolve('src/lib/index.ts', '..')).toEqual(file('src/index.tsx'))
  })

  it("maps TypeScript's ESM style './x.js' to the source it compiles from", () => {
    const resolve = resolverFor(['src/a.ts', 'src/b.ts', 'src/c.tsx', 'src/d.mts', 'src/e.cts', 'src/f.tsx', 'src/g.d.ts'])
    expect(resolve('src/a.ts', './b.js')).toEqual(file('src/b.ts'))
    expect(resolve('src/a.ts', './c.js')).toEqual(file('src/c.tsx'))
    expect(resolve('src/a.ts', './d.mjs')).toEqual(file('src/d.mts'))
    expect(resolve('src/a.ts', './e.cjs')).toEqual(file('src/e.cts'))
    expect(resolve('src/a.ts', './f.jsx')).toEqual(file('src/f.tsx'))
    expect(resolve('src/a.ts', './g.js')).toEqual(file('src/g.d.ts'))
    expect(resolve('src/a.ts', './d.js')).toMatchObject({ kind: 'unresolved' }) // .js never means .mts
  })

  it('lets the importer decide between a source and its compiled twin', () => {
    const resolve = resolverFor(['src/x.ts', 'src/x.js', 'src/a.ts', 'src/b.js'])
    expect(resolve('src/a.ts', './x.js')).toEqual(file('src/x.ts'))
    expect(resolve('src/a.ts', './x')).toEqual(file('src/x.ts'))
    expect(resolve('src/b.js', './x.js')).toEqual(file('src/x.js'))
    expect(resolve('src/b.js', './x')).toEqual(file('src/x.js'))
  })

  it('ignores bundler resource queries', () => {
    const resolve = resolverFor(['src/a.ts', 'src/logo.svg', 'src/worker.ts'])
    expect(resolve('src/a.ts', './logo.svg?url')).toEqual(file('src/logo.svg'))
    expect(resolve('src/a.ts', './worker?worker')).toEqual(file('src/worker.ts'))
  })

  it('says what it tried when nothing is there', () => {
    const resolve = resolverFor(['src/a.ts'])
    expect(resolve('src/a.ts', './missing')).toEqual(unresolvedWith(/src\/missing\{,\.ts,\.tsx,\.d\.ts,.*src\/missing\/index\{/))
    expect(resolve('src/a.ts', './gone.js')).toEqual(unresolvedWith('src/gone{.ts,.tsx,.d.ts,.js,.jsx}'))
    expect(resolve('src/a.ts', '../../outside')).toEqual(unresolvedWith('above the repository root'))
    expect(resolve('src/a.ts', '/usr/lib/x')).toEqual(unresolvedWith('absolute path'))
    expect(resolve('src/a.ts', 'https://esm.sh/react')).toEqual(unresolvedWith("'https:' URL"))
    expect(resolve('src/a.ts', '')).toEqual(unresolvedWith('empty'))
  })
})

describe('Node builtins and npm packages', () => {
  it('knows builtins with and without the node: prefix', () => {
    const resolve = resolverFor(['a.ts'])
    expect(resolve('a.ts', 'fs')).toEqual(node('fs'))
    expect(resolve('a.ts', 'node:fs')).toEqual(node('fs'))
    expect(resolve('a.ts', 'fs/promises')).toEqual(node('fs/promises'))
    expect(resolve('a.ts', 'node:test')).toEqual(node('test'))
    // 'test' is a builtin only as node:test: bare, it is the npm package.
    expect(resolve('a.ts', 'test')).toEqual(npm('test'))
  })

  it('names the package, without its subpath', () => {
    const resolve = resolverFor(['a.ts'])
    expect(resolve('a.ts', 'react')).toEqual(npm('react'))
    expect(resolve('a.ts', 'react-dom/client')).toEqual(npm('react-dom'))
    expect(resolve('a.ts', '@tanstack/react-query')).toEqual(npm('@tanstack/react-query'))
    expect(resolve('a.ts', '@tanstack/react-query/build/x.js')).toEqual(npm('@tanstack/react-query'))
    expect(resolve('a.ts', 'lodash', 'require')).toEqual(npm('lodash'))
  })

  it('does not take an unconfigured alias for a package', () => {
    const resolve = resolverFor(['a.ts'])
    expect(resolve('a.ts', '@/components/button')).toEqual(unresolvedWith('neither a path nor a package name'))
    expect(resolve('a.ts', '~/utils')).toEqual(unresolvedWith('neither a path nor a package name'))
  })
})

describe('tsconfig paths and baseUrl', () => {
  it('follows extends chains written with comments and trailing commas', () => {
    const resolve = resolverFor({
      'tsconfig.base.json': `{
        // shared by every package
        "compilerOptions": {
          /* aliases */
          "baseUrl": ".",
          "paths": { "@lib/*": ["src/lib/*", "src/legacy/*",], },
        },
      }`,
      'tsconfig.strict.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "strict": true } }',
      'apps/web/tsconfig.json': '{ "extends": ["../../tsconfig.strict.json"], "compilerOptions": { "jsx": "react-jsx", }, }',
      'apps/web/main.ts': '',
      'src/lib/math.ts': '',
      'src/legacy/old.ts': '',
      'src/lib/both.ts': '',
      'src/legacy/both.ts': '',
    })
    expect(resolve('apps/web/main.ts', '@lib/math')).toEqual(file('src/lib/math.ts'))
    expect(resolve('apps/web/main.ts', '@lib/old')).toEqual(file('src/legacy/old.ts'))
    expect(resolve('apps/web/main.ts', '@lib/both')).toEqual(file('src/lib/both.ts'))
    // baseUrl comes from the base, so it is the root, not apps/web.
    expect(resolve('apps/web/main.ts', 'src/lib/math')).toEqual(file('src/lib/math.ts'))
  })

  it('leaves comment-like text inside strings alone', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@a/*": ["./src//*"], "@c//x": ["./c.ts",], }, }, /* "paths": {} */ }',
      'main.ts': '',
      'src/z.ts': '',
      'c.ts': '',
    })
    expect(resolve('main.ts', '@a/z')).toEqual(file('src/z.ts'))
    expect(resolve('main.ts', '@c//x')).toEqual(file('c.ts'))
  })

  it('takes paths from the config that wrote them when there is no baseUrl', () => {
    const resolve = resolverFor({
      'configs/paths.json': '{ "compilerOptions": { "paths": { "@shared/*": ["../shared/*"] } } }',
      'app/tsconfig.json': '{ "extends": "../configs/paths.json" }',
      'app/main.ts': '',
      'shared/log.ts': '',
    })
    expect(resolve('app/main.ts', '@shared/log')).toEqual(file('shared/log.ts'))
  })

  it("reads ${configDir} as the folder of the config in use", () => {
    const resolve = resolverFor({
      'tsconfig.base.json': '{ "compilerOptions": { "paths": { "#src/*": ["${configDir}/src/*"] } } }',
      'packages/a/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      'packages/a/src/x.ts': '',
      'packages/a/src/y.ts': '',
    })
    expect(resolve('packages/a/src/x.ts', '#src/y')).toEqual(file('packages/a/src/y.ts'))
  })

  it('prefers an exact key, then the longest prefix, and tries targets in order', () => {
    const resolve = resolverFor({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          paths: {
            '@app/*': ['./src/*'],
            '@app/ui/*': ['./src/components/*', './src/legacy-components/*'],
            '@app/config': ['./config/index.ts'],
          },
        },
      }),
      'src/main.ts': '',
      'src/ui/button.ts': '',
      'src/components/button.tsx': '',
      'src/legacy-components/table.jsx': '',
      'config/index.ts': '',
    })
    expect(resolve('src/main.ts', '@app/ui/button')).toEqual(file('src/components/button.tsx'))
    expect(resolve('src/main.ts', '@app/ui/table')).toEqual(file('src/legacy-components/table.jsx'))
    expect(resolve('src/main.ts', '@app/config')).toEqual(file('config/index.ts'))
    expect(resolve('src/main.ts', '@app/main')).toEqual(file('src/main.ts'))
  })

  it('reports a named alias that finds nothing, but lets a catch-all fall through to npm', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"], "*": ["./types/*"] } } }',
      'src/main.ts': '',
      'types/untyped-lib.d.ts': '',
    })
    expect(resolve('src/main.ts', '@/missing')).toEqual(unresolvedWith(/tsconfig\.json paths '@\/\*' matches @\/missing, but none of its targets exists: tried src\/missing/))
    expect(resolve('src/main.ts', 'untyped-lib')).toEqual(file('types/untyped-lib.d.ts'))
    expect(resolve('src/main.ts', 'react')).toEqual(npm('react'))
  })

  it('treats a paths target inside node_modules as the installed package', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "react": ["./node_modules/@types/react"] } } }',
      'src/main.ts': '',
    })
    expect(resolve('src/main.ts', 'react')).toEqual(npm('@types/react'))
  })

  it('uses the nearest config, and jsconfig.json for JavaScript projects', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'src/a.ts': '',
      'legacy/jsconfig.json': '{ "compilerOptions": { "baseUrl": "lib", "paths": { "@/*": ["./*"] } } }',
      'legacy/lib/a.js': '',
      'legacy/lib/util.js': '',
    })
    expect(resolve('legacy/lib/a.js', '@/util')).toEqual(file('legacy/lib/util.js'))
    expect(resolve('legacy/lib/a.js', 'util.js')).toEqual(file('legacy/lib/util.js'))
    expect(resolve('src/a.ts', '@/a')).toEqual(file('src/a.ts'))
  })

  it('looks through a solution-style tsconfig to the referenced project that includes the file', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
      'tsconfig.node.json': '{ "include": ["vite.config.ts"] }',
      'tsconfig.app.json': '{ "include": ["src"], "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'vite.config.ts': '',
      'src/main.tsx': '',
      'src/components/button.tsx': '',
    })
    expect(resolve('src/main.tsx', '@/components/button')).toEqual(file('src/components/button.tsx'))
    expect(resolve('vite.config.ts', '@/components/button')).toEqual(unresolvedWith('neither a path nor a package name'))
  })

  it('follows extends into a workspace package', () => {
    const resolve = resolverFor({
      'package.json': '{ "workspaces": ["packages/*", "apps/*"] }',
      'packages/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
      'packages/tsconfig/base.json': '{ "compilerOptions": { "paths": { "~shared/*": ["shared/*"] } } }',
      'packages/tsconfig/shared/y.ts': '',
      'apps/web/tsconfig.json': '{ "extends": "@acme/tsconfig/base.json", "compilerOptions": { "baseUrl": "." } }',
      'apps/web/main.ts': '',
      'apps/web/shared/x.ts': '',
      'apps/api/tsconfig.json': '{ "extends": "@acme/tsconfig/base" }',
      'apps/api/main.ts': '',
    })
    // With a baseUrl anywhere in the chain, paths are relative to it; else to the config that wrote them.
    expect(resolve('apps/web/main.ts', '~shared/x')).toEqual(file('apps/web/shared/x.ts'))
    expect(resolve('apps/api/main.ts', '~shared/y')).toEqual(file('packages/tsconfig/shared/y.ts'))
  })

  it('notes a base config that is not in the repository when an import fails', () => {
    const resolve = resolverFor({
      'tsconfig.json': '{ "extends": "@tsconfig/node22/tsconfig.json" }',
      'src/a.ts': '',
    })
    expect(resolve('src/a.ts', '@/x')).toEqual(unresolvedWith("extends '@tsconfig/node22/tsconfig.json', which is not in the repository"))
    expect(resolve('src/a.ts', 'zod')).toEqual(npm('zod'))
  })

  it('reads each config file once, however many imports', () => {
    const snapshot = repo({
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": "src" } }',
      'package.json': '{ "name": "app" }',
      'src/a.ts': '',
      'src/b.ts': '',
    })
    const resolve = createJsResolver(snapshot)
    for (let i = 0; i < 100; i++) {
      resolve('src/a.ts', { specifier: `pkg-${i}`, kind: 'import', line: 1 })
      resolve('src/b.ts', { specifier: './a', kind: 'import', line: 1 })
      resolve('src/b.ts', { specifier: 'a', kind: 'import', line: 1 })
    }
    expect(Math.max(...snapshot.reads.values())).toBe(1)
  })
})

describe('workspace packages', () => {
  const monorepo = {
    'package.json': '{ "name": "acme", "private": true, "workspaces": ["packages/*", "apps/*", "!packages/scratch"] }',
    'packages/ui/package.json': JSON.stringify({
      name: '@acme/ui',
      exports: {
        '.': { types: './src/index.ts', import: './src/index.ts', require: './cjs/index.cjs' },
        './button': { import: { types: './src/button.d.ts', default: './src/button.js' } },
        './icons/*': './src/icons/*.tsx',
        './internal/*': null,
        './package.json': './package.json',
      },
    }),
    'packages/ui/src/index.ts': '',
    'packages/ui/cjs/index.cjs': '',
    'packages/ui/src/button.d.ts': '',
    'packages/ui/src/button.js': '',
    'packages/ui/src/icons/star.tsx': '',
    'packages/ui/src/internal/secret.ts': '',
    'packages/utils/package.json': '{ "name": "@acme/utils", "main": "lib/index.js" }',
    'packages/utils/lib/index.js': '',
    'packages/utils/format.ts': '',
    'packages/bare/package.json': '{ "name": "bare" }',
    'packages/bare/index.ts': '',
    'packages/scratch/package.json': '{ "name": "scratch" }',
    'packages/scratch/index.ts': '',
    'apps/web/package.json': '{ "name": "web" }',
    'apps/web/main.ts': '',
    'apps/web/legacy.js': '',
  }

  it('resolves a package name through exports, picking conditions in the order they are written', () => {
    const resolve = resolverFor(monorepo)
    expect(resolve('apps/web/main.ts', '@acme/ui')).toEqual(file('packages/ui/src/index.ts'))
    expect(resolve('apps/web/main.ts', '@acme/ui', 'require')).toEqual(file('packages/ui/src/index.ts')) // 'types' comes first
    expect(resolve('apps/web/legacy.js', '@acme/ui', 'require')).toEqual(file('packages/ui/cjs/index.cjs'))
    // Nested conditions: TypeScript reads the declarations, JavaScript the code.
    expect(resolve('apps/web/main.ts', '@acme/ui/button')).toEqual(file('packages/ui/src/button.d.ts'))
    expect(resolve('apps/web/legacy.js', '@acme/ui/button')).toEqual(file('packages/ui/src/button.js'))
  })

  it('expands subpath patterns and respects null and missing entries', () => {
    const resolve = resolverFor(monorepo)
    expect(resolve('apps/web/main.ts', '@acme/ui/icons/star')).toEqual(file('packages/ui/src/icons/star.tsx'))
    expect(resolve('apps/web/main.ts', '@acme/ui/package.json')).toEqual(file('packages/ui/package.json'))
    expect(resolve('apps/web/main.ts', '@acme/ui/internal/secret')).toEqual(unresolvedWith('excludes @acme/ui/internal/secret'))
    expect(resolve('apps/web/main.ts', '@acme/ui/src/index')).toEqual(unresolvedWith('has no entry for @acme/ui/src/index'))
  })

  it('uses main, then index files, when there is no exports; subpaths are paths in the package', () => {
    const resolve = resolverFor(monorepo)
    expect(resolve('apps/web/main.ts', '@acme/utils')).toEqual(file('packages/utils/lib/index.js'))
    expect(resolve('apps/web/main.ts', '@acme/utils/format')).toEqual(file('packages/utils/format.ts'))
    expect(resolve('apps/web/main.ts', 'bare')).toEqual(file('packages/bare/index.ts'))
  })

  it('leaves out packages the workspace globs exclude, and npm packages stay npm', () => {
    const resolve = resolverFor(monorepo)
    expect(resolve('apps/web/main.ts', 'scratch')).toEqual(npm('scratch'))
    expect(resolve('apps/web/main.ts', '@acme/other')).toEqual(npm('@acme/other'))
  })

  it('reads Yarn-style workspaces and pnpm-workspace.yaml', () => {
    const yarn = resolverFor({
      'package.json': '{ "workspaces": { "packages": ["libs/**"], "nohoist": [] } }',
      'libs/deep/core/package.json': '{ "name": "core", "main": "main.ts" }',
      'libs/deep/core/main.ts': '',
      'app.ts': '',
    })
    expect(yarn('app.ts', 'core')).toEqual(file('libs/deep/core/main.ts'))
    const pnpm = resolverFor({
      'pnpm-workspace.yaml': "packages:\n  # apps and libs\n  - 'apps/*'\n  - \"libs/*\" # shared\n  - '!libs/old'\ncatalog:\n  react: ^19\n",
      'libs/log/package.json': '{ "name": "@x/log", "exports": "./src/log.ts" }',
      'libs/log/src/log.ts': '',
      'libs/old/package.json': '{ "name": "@x/old" }',
      'apps/cli/main.ts': '',
    })
    expect(pnpm('apps/cli/main.ts', '@x/log')).toEqual(file('libs/log/src/log.ts'))
    expect(pnpm('apps/cli/main.ts', '@x/old')).toEqual(npm('@x/old'))
    const flow = resolverFor({ 'pnpm-workspace.yaml': "packages: ['libs/*']\n", 'libs/a/package.json': '{ "name": "a" }', 'libs/a/index.js': '', 'x.js': '' })
    expect(flow('x.js', 'a')).toEqual(file('libs/a/index.js'))
  })

  it('maps an unbuilt dist/ export to its source when the package tsconfig says how it is built', () => {
    const resolve = resolverFor({
      'package.json': '{ "workspaces": ["packages/*"] }',
      'packages/core/package.json': JSON.stringify({
        name: '@acme/core',
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './*': { types: './dist/*.d.ts', import: './dist/*.js' } },
      }),
      'packages/core/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
      'packages/core/src/index.ts': '',
      'packages/core/src/math/add.ts': '',
      'packages/legacy/package.json': '{ "name": "@acme/legacy", "main": "./build/index.js", "types": "./build/index.d.ts" }',
      'packages/legacy/tsconfig.build.json': '{ "compilerOptions": { "outDir": "build" }, "include": ["lib"] }',
      'packages/legacy/lib/index.ts': '',
      'packages/opaque/package.json': '{ "name": "@acme/opaque", "exports": { "import": "./dist/index.mjs" } }',
      'packages/opaque/src/index.ts': '',
      'app.ts': '',
    })
    expect(resolve('app.ts', '@acme/core')).toEqual(file('packages/core/src/index.ts'))
    expect(resolve('app.ts', '@acme/core/math/add')).toEqual(file('packages/core/src/math/add.ts'))
    // No rootDir: TypeScript 5's common source folder (here lib/).
    expect(resolve('app.ts', '@acme/legacy')).toEqual(file('packages/legacy/lib/index.ts'))
    // No tsconfig says dist/ comes from src/: not guessed.
    expect(resolve('app.ts', '@acme/opaque')).toEqual(unresolvedWith('maps @acme/opaque to ./dist/index.mjs (. → import): no such file in the repository'))
  })

  it('applies the tsconfig customConditions', () => {
    const resolve = resolverFor({
      'package.json': '{ "workspaces": ["packages/*"] }',
      'tsconfig.json': '{ "compilerOptions": { "customConditions": ["source"] } }',
      'packages/a/package.json': '{ "name": "a", "exports": { "source": "./src/index.ts", "default": "./dist/index.js" } }',
      'packages/a/src/index.ts': '',
      'main.ts': '',
      'plain/jsconfig.json': '{}',
      'plain/main.js': '',
    })
    expect(resolve('main.ts', 'a')).toEqual(file('packages/a/src/index.ts'))
    expect(resolve('plain/main.js', 'a')).toEqual(unresolvedWith('./dist/index.js (. → default)'))
  })
})

describe("a package's own name and #imports", () => {
  const pkg = {
    'package.json': JSON.stringify({
      name: 'my-lib',
      exports: { '.': './src/index.ts', './utils': './src/utils/index.ts' },
      imports: {
        '#config': { types: './src/config.d.ts', default: './src/config.js' },
        '#internal/*': './src/internal/*.ts',
        '#dep': 'chalk',
        '#fs': 'node:fs',
        '#none': null,
      },
    }),
    'src/index.ts': '',
    'src/utils/index.ts': '',
    'src/config.d.ts': '',
    'src/config.js': '',
    'src/internal/cache.ts': '',
    'src/app.ts': '',
    'src/app.js': '',
    'test/app.test.ts': '',
  }

  it('resolves a self-reference through exports', () => {
    const resolve = resolverFor(pkg)
    expect(resolve('test/app.test.ts', 'my-lib')).toEqual(file('src/index.ts'))
    expect(resolve('test/app.test.ts', 'my-lib/utils')).toEqual(file('src/utils/index.ts'))
    expect(resolve('test/app.test.ts', 'my-lib/other')).toEqual(unresolvedWith('has no entry for my-lib/other'))
  })

  it('resolves #imports with conditions, patterns and package targets', () => {
    const resolve = resolverFor(pkg)
    expect(resolve('src/app.ts', '#config')).toEqual(file('src/config.d.ts'))
    expect(resolve('src/app.js', '#config')).toEqual(file('src/config.js'))
    expect(resolve('src/app.ts', '#internal/cache')).toEqual(file('src/internal/cache.ts'))
    expect(resolve('src/app.ts', '#dep')).toEqual(npm('chalk'))
    expect(resolve('src/app.ts', '#fs')).toEqual(unresolvedWith('node:fs (an invalid target')) // Node allows no URL targets
    expect(resolve('src/app.ts', '#none')).toEqual(unresolvedWith('excludes #none'))
    expect(resolve('src/app.ts', '#missing')).toEqual(unresolvedWith('"imports" has no entry for #missing'))
    expect(resolve('src/app.ts', '#internal/gone')).toEqual(unresolvedWith('./src/internal/gone.ts'))
  })

  it('needs a package.json with imports for #specifiers', () => {
    const resolve = resolverFor(['src/a.ts'])
    expect(resolve('src/a.ts', '#x')).toEqual(unresolvedWith('no package.json above src/a.ts'))
  })
})
