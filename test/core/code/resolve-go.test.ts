import { describe, expect, it } from 'vitest'
import { createGoResolver } from '../../../src/core/code/resolve/resolve-go'
import { file, importOf, snapshotOf } from './resolve-snapshot'

const goMod = `module github.com/acme/app // the app

go 1.22

require (
\tgithub.com/spf13/cobra v1.8.0
\tgolang.org/x/net v0.20.0 // indirect
\tgopkg.in/yaml.v3 v3.0.1
\tgithub.com/acme/app/plugins v0.1.0
)

require github.com/acme/shared v0.0.0
require github.com/acme/gone v1.0.0

replace github.com/acme/shared => ./shared
replace (
\tgithub.com/acme/gone v1.0.0 => ../outside/gone
\tgithub.com/old/lib => github.com/new/lib v1.2.0
)
`

describe('Go imports', () => {
  const snapshot = snapshotOf({
    'go.mod': goMod,
    'main.go': '',
    'doc.go': '',
    'internal/db/db.go': '',
    'internal/db/conn.go': '',
    'internal/db/conn_test.go': '',
    'internal/db/_scratch.go': '',
    'internal/db/README.md': '',
    'internal/db/migrations/001.go': '',
    'internal/empty/notes.txt': '',
    'plugins/go.mod': 'module github.com/acme/app/plugins\n',
    'plugins/auth/auth.go': '',
    'shared/go.mod': 'module github.com/acme/shared\n',
    'shared/util/strings.go': '',
    'cmd/server/main.go': '',
  })
  const resolve = createGoResolver(snapshot)

  it('resolves a package of the module to every non-test .go file of its folder', () => {
    expect(resolve('cmd/server/main.go', importOf('github.com/acme/app/internal/db'))).toEqual([file('internal/db/conn.go'), file('internal/db/db.go')])
    expect(resolve('internal/db/db.go', importOf('github.com/acme/app'))).toEqual([file('doc.go'), file('main.go')])
  })

  it('says so when the module’s folder has no package files', () => {
    expect(resolve('main.go', importOf('github.com/acme/app/internal/empty'))).toEqual([
      { kind: 'unresolved', reason: expect.stringContaining('no .go files other than tests in internal/empty') },
    ])
    expect(resolve('main.go', importOf('github.com/acme/app/internal/missing'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('internal/missing') }])
  })

  it('follows a replace directive to a local folder', () => {
    expect(resolve('main.go', importOf('github.com/acme/shared/util'))).toEqual([file('shared/util/strings.go')])
    expect(resolve('main.go', importOf('github.com/acme/gone/x'))).toEqual([
      { kind: 'unresolved', reason: 'github.com/acme/gone is replaced by a folder outside the repository (replace in go.mod)' },
    ])
  })

  it('treats a folder with its own go.mod as another module, reached by version', () => {
    expect(resolve('main.go', importOf('github.com/acme/app/plugins/auth'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/acme/app/plugins' }])
    // Inside that module, the same path is local.
    expect(resolve('plugins/auth/auth.go', importOf('github.com/acme/app/plugins/auth'))).toEqual([file('plugins/auth/auth.go')])
  })

  it('uses the nearest go.mod above the importing file', () => {
    // shared/ is its own module: the app's packages are not local to it.
    expect(resolve('shared/util/strings.go', importOf('github.com/acme/app/internal/db'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/acme/app' }])
    expect(resolve('shared/util/strings.go', importOf('github.com/acme/shared/util'))).toEqual([file('shared/util/strings.go')])
  })

  it('names the standard library by package path (no dot in the first element)', () => {
    expect(resolve('main.go', importOf('fmt'))).toEqual([{ kind: 'external', ecosystem: 'go-stdlib', name: 'fmt' }])
    expect(resolve('main.go', importOf('net/http'))).toEqual([{ kind: 'external', ecosystem: 'go-stdlib', name: 'net/http' }])
  })

  it('names an external module by the required module it falls under', () => {
    expect(resolve('main.go', importOf('github.com/spf13/cobra/doc'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/spf13/cobra' }])
    expect(resolve('main.go', importOf('golang.org/x/net/http2/hpack'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'golang.org/x/net' }])
    expect(resolve('main.go', importOf('gopkg.in/yaml.v3'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'gopkg.in/yaml.v3' }])
    expect(resolve('main.go', importOf('github.com/old/lib/sub'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/old/lib' }])
  })

  it('falls back to host/owner/repo on known hosts, and the whole path elsewhere', () => {
    expect(resolve('main.go', importOf('github.com/other/tool/pkg/x'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/other/tool' }])
    expect(resolve('main.go', importOf('golang.org/x/sync/errgroup'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'golang.org/x/sync' }])
    expect(resolve('main.go', importOf('go.uber.org/zap/zapcore'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'go.uber.org/zap/zapcore' }])
  })

  it('matches a module path without a dot before calling anything standard library', () => {
    const local = createGoResolver(snapshotOf({ 'go.mod': 'module app\n', 'internal/x/x.go': '', 'main.go': '' }))
    expect(local('main.go', importOf('app/internal/x'))).toEqual([file('internal/x/x.go')])
    expect(local('main.go', importOf('strings'))).toEqual([{ kind: 'external', ecosystem: 'go-stdlib', name: 'strings' }])
  })

  it('resolves across the modules a go.work uses', () => {
    const work = createGoResolver(
      snapshotOf({
        'go.work': 'go 1.22\n\nuse (\n\t./api\n\t./lib\n)\n',
        'api/go.mod': 'module example.com/api\n',
        'api/main.go': '',
        'lib/go.mod': 'module example.com/lib\n',
        'lib/text/text.go': '',
        'tools/go.mod': 'module example.com/tools\n',
        'tools/main.go': '',
      }),
    )
    expect(work('api/main.go', importOf('example.com/lib/text'))).toEqual([file('lib/text/text.go')])
    // tools/ is not in the workspace.
    expect(work('tools/main.go', importOf('example.com/lib/text'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'example.com/lib/text' }])
  })

  it('without a go.mod, resolves only the standard library and external modules', () => {
    const bare = createGoResolver(snapshotOf({ 'main.go': '', 'util/u.go': '' }))
    expect(bare('main.go', importOf('os'))).toEqual([{ kind: 'external', ecosystem: 'go-stdlib', name: 'os' }])
    expect(bare('main.go', importOf('github.com/me/repo/util'))).toEqual([{ kind: 'external', ecosystem: 'go', name: 'github.com/me/repo' }])
  })
})
