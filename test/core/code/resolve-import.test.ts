import { describe, expect, it } from 'vitest'
import { createResolver } from '../../../src/core/code/resolve/resolve-import'
import { file, importOf, snapshotOf } from './resolve-snapshot'

describe('resolving imports of every language', () => {
  const snapshot = snapshotOf({
    'package.json': '{ "name": "web" }',
    'web/a.ts': '',
    'web/b.ts': '',
    'web/view.tsx': '',
    'web/legacy.js': '',
    'app/__init__.py': '',
    'app/util.py': '',
    'go.mod': 'module example.com/svc\n',
    'svc/handler.go': '',
    'svc/router.go': '',
    'cmd/main.go': '',
    'src/main/java/com/acme/A.java': 'package com.acme;',
    'src/main/java/com/acme/B.java': 'package com.acme;',
    'Cargo.toml': '[package]\nname = "rs"\nedition = "2021"\n',
    'src/lib.rs': '',
    'src/parser.rs': '',
    'lib/tool.rb': '',
    'bin/run.rb': '',
    'Models/User.cs': 'namespace Acme.Models;',
    'Program.cs': 'namespace Acme;',
    'include/acme.h': '',
    'native/main.c': '',
    'native/main.cpp': '',
  })
  const resolve = createResolver(snapshot)

  it('routes each language to its own rules and always answers with a list', () => {
    expect(resolve('app/util.py', 'python', importOf('app', 'import', { names: ['util'] }))).toEqual([file('app/util.py')])
    expect(resolve('cmd/main.go', 'go', importOf('example.com/svc/svc'))).toEqual([file('svc/handler.go'), file('svc/router.go')])
    expect(resolve('src/main/java/com/acme/A.java', 'java', importOf('com.acme.B'))).toEqual([file('src/main/java/com/acme/B.java')])
    expect(resolve('src/lib.rs', 'rust', importOf('parser', 'mod'))).toEqual([file('src/parser.rs')])
    expect(resolve('bin/run.rb', 'ruby', importOf('tool', 'require'))).toEqual([file('lib/tool.rb')])
    expect(resolve('Program.cs', 'csharp', importOf('Acme.Models'))).toEqual([file('Models/User.cs')])
    expect(resolve('native/main.c', 'c', importOf('acme.h', 'include', { system: true }))).toEqual([file('include/acme.h')])
    expect(resolve('native/main.cpp', 'cpp', importOf('acme.h', 'include', { system: true }))).toEqual([file('include/acme.h')])
  })

  it('routes TypeScript, TSX and JavaScript to the JS resolver, one result each', () => {
    expect(resolve('web/a.ts', 'typescript', importOf('./b'))).toEqual([file('web/b.ts')])
    expect(resolve('web/view.tsx', 'tsx', importOf('./a'))).toEqual([file('web/a.ts')])
    expect(resolve('web/legacy.js', 'javascript', importOf('lodash', 'require'))).toEqual([{ kind: 'external', ecosystem: 'npm', name: 'lodash' }])
  })

  it('keeps each language’s configuration apart: the same specifier means different things', () => {
    expect(resolve('app/util.py', 'python', importOf('json'))).toEqual([{ kind: 'external', ecosystem: 'python-stdlib', name: 'json' }])
    expect(resolve('bin/run.rb', 'ruby', importOf('json', 'require'))).toEqual([{ kind: 'external', ecosystem: 'ruby-stdlib', name: 'json' }])
    expect(resolve('native/main.c', 'c', importOf('json', 'include', { system: true }))).toEqual([{ kind: 'external', ecosystem: 'system-header', name: 'json' }])
  })

  it('builds a language’s resolver at its first import and reuses what it read', () => {
    const lazy = snapshotOf({ 'go.mod': 'module m\n', 'a/a.go': '', 'b/b.go': '', 'x.py': '', 'Cargo.toml': '[package]\nname = "r"\n', 'src/lib.rs': '' })
    const resolveLazy = createResolver(lazy)
    resolveLazy('x.py', 'python', importOf('os'))
    expect(lazy.reads).toEqual([])
    resolveLazy('a/a.go', 'go', importOf('m/b'))
    resolveLazy('b/b.go', 'go', importOf('m/a'))
    expect(lazy.reads).toEqual(['go.mod'])
  })
})
