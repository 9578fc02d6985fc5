import { describe, expect, it } from 'vitest'
import { createRubyResolver } from '../../../src/core/code/resolve/resolve-ruby'
import { file, importOf, snapshotOf } from './resolve-snapshot'

describe('Ruby requires', () => {
  const snapshot = snapshotOf({
    'lib/acme.rb': '',
    'lib/acme/client.rb': '',
    'lib/acme/json.rb': '',
    'tasks.rb': '',
    'bin/run.rb': '',
    'spec/client_spec.rb': '',
    'spec/support/helpers.rb': '',
    'gems/widget/widget.gemspec': '',
    'gems/widget/lib/widget.rb': '',
    'gems/widget/lib/widget/parts.rb': '',
    'engines/blog/lib/blog/post.rb': '',
    'engines/blog/lib/blog/comment.rb': '',
  })
  const resolve = createRubyResolver(snapshot)

  it('resolves require_relative from the requiring file’s folder, adding .rb', () => {
    expect(resolve('bin/run.rb', importOf('../lib/acme', 'require_relative'))).toEqual([file('lib/acme.rb')])
    expect(resolve('spec/client_spec.rb', importOf('support/helpers.rb', 'require_relative'))).toEqual([file('spec/support/helpers.rb')])
    expect(resolve('spec/client_spec.rb', importOf('support/missing', 'require_relative'))).toEqual([{ kind: 'unresolved', reason: 'no spec/support/missing.rb' }])
    expect(resolve('bin/run.rb', importOf('../../outside', 'require_relative'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('climbs above the repository root') }])
  })

  it('resolves require against lib/, the repository root and the lib/ of gems in the repository', () => {
    expect(resolve('bin/run.rb', importOf('acme/client', 'require'))).toEqual([file('lib/acme/client.rb')])
    expect(resolve('bin/run.rb', importOf('tasks', 'require'))).toEqual([file('tasks.rb')])
    expect(resolve('bin/run.rb', importOf('widget/parts', 'require'))).toEqual([file('gems/widget/lib/widget/parts.rb')])
  })

  it('looks first in the lib/ folder the requiring file is in', () => {
    expect(resolve('engines/blog/lib/blog/post.rb', importOf('blog/comment', 'require'))).toEqual([file('engines/blog/lib/blog/comment.rb')])
    // Another lib/ is not on the load path of files outside it.
    expect(resolve('bin/run.rb', importOf('blog/comment', 'require'))).toEqual([{ kind: 'external', ecosystem: 'gem', name: 'blog' }])
  })

  it('names the standard library by feature, and its sub-features by their library', () => {
    expect(resolve('bin/run.rb', importOf('json', 'require'))).toEqual([{ kind: 'external', ecosystem: 'ruby-stdlib', name: 'json' }])
    expect(resolve('bin/run.rb', importOf('net/http', 'require'))).toEqual([{ kind: 'external', ecosystem: 'ruby-stdlib', name: 'net/http' }])
    expect(resolve('bin/run.rb', importOf('json/add/core', 'require'))).toEqual([{ kind: 'external', ecosystem: 'ruby-stdlib', name: 'json' }])
    expect(resolve('bin/run.rb', importOf('English', 'require'))).toEqual([{ kind: 'external', ecosystem: 'ruby-stdlib', name: 'English' }])
  })

  it('prefers the repository’s own file to a standard library of the same name', () => {
    expect(resolve('bin/run.rb', importOf('acme/json', 'require'))).toEqual([file('lib/acme/json.rb')])
  })

  it('names anything else a gem by its first path segment', () => {
    expect(resolve('bin/run.rb', importOf('rails/all', 'require'))).toEqual([{ kind: 'external', ecosystem: 'gem', name: 'rails' }])
    expect(resolve('bin/run.rb', importOf('nokogiri', 'require'))).toEqual([{ kind: 'external', ecosystem: 'gem', name: 'nokogiri' }])
  })
})
