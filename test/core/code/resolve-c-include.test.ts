import { describe, expect, it } from 'vitest'
import { createCIncludeResolver } from '../../../src/core/code/resolve/resolve-c-include'
import { file, importOf, snapshotOf } from './resolve-snapshot'

const quoted = (header: string) => importOf(header, 'include', { system: false })
const angled = (header: string) => importOf(header, 'include', { system: true })

describe('C and C++ includes', () => {
  const snapshot = snapshotOf({
    'include/acme/strings.h': '',
    'include/common.h': '',
    'src/main.c': '',
    'src/util.h': '',
    'src/config/defaults.h': '',
    'src/net/socket.c': '',
    'src/net/socket.h': '',
    'libs/foo/include/common.h': '',
    'libs/foo/include/foo.h': '',
    'libs/foo/src/foo.cpp': '',
    'libs/foo/src/detail/impl.hpp': '',
    'version.h': '',
  })
  const resolve = createCIncludeResolver(snapshot)

  it('finds a quoted header next to the including file first', () => {
    expect(resolve('src/main.c', quoted('util.h'))).toEqual([file('src/util.h')])
    expect(resolve('src/net/socket.c', quoted('socket.h'))).toEqual([file('src/net/socket.h')])
    expect(resolve('src/net/socket.c', quoted('../util.h'))).toEqual([file('src/util.h')])
    expect(resolve('libs/foo/src/foo.cpp', quoted('detail/impl.hpp'))).toEqual([file('libs/foo/src/detail/impl.hpp')])
  })

  it('then looks in include/ folders, the repository root and src/', () => {
    expect(resolve('src/net/socket.c', quoted('acme/strings.h'))).toEqual([file('include/acme/strings.h')])
    expect(resolve('src/net/socket.c', quoted('version.h'))).toEqual([file('version.h')])
    expect(resolve('libs/foo/src/foo.cpp', quoted('config/defaults.h'))).toEqual([file('src/config/defaults.h')])
  })

  it('prefers the include/ folder beside the including file’s folders when several have the header', () => {
    expect(resolve('libs/foo/src/foo.cpp', quoted('common.h'))).toEqual([file('libs/foo/include/common.h')])
    expect(resolve('src/main.c', quoted('common.h'))).toEqual([file('include/common.h')])
  })

  it('resolves an angle include of the project’s own header, and calls the rest system headers', () => {
    expect(resolve('src/main.c', angled('acme/strings.h'))).toEqual([file('include/acme/strings.h')])
    expect(resolve('src/main.c', angled('foo.h'))).toEqual([file('libs/foo/include/foo.h')])
    expect(resolve('src/main.c', angled('stdio.h'))).toEqual([{ kind: 'external', ecosystem: 'system-header', name: 'stdio.h' }])
    expect(resolve('src/main.c', angled('vector'))).toEqual([{ kind: 'external', ecosystem: 'system-header', name: 'vector' }])
  })

  it('does not look next to the including file for an angle include', () => {
    expect(resolve('src/net/socket.c', angled('socket.h'))).toEqual([{ kind: 'external', ecosystem: 'system-header', name: 'socket.h' }])
  })

  it('never matches a header by its base name elsewhere in the repository', () => {
    expect(resolve('src/main.c', quoted('strings.h'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('strings.h is not in src, include') }])
    expect(resolve('src/main.c', quoted('config.h'))).toEqual([{ kind: 'unresolved', reason: 'config.h is not in src, include, libs/foo/include, the repository root' }])
  })
})
