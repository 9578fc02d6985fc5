import { describe, expect, it } from 'vitest'
import { createPythonResolver } from '../../../src/core/code/resolve/resolve-python'
import { file, importOf, snapshotOf } from './resolve-snapshot'

const from = (specifier: string, level: number, names?: string[]) => importOf(specifier, 'import', { level, ...(names ? { names } : {}) })

describe('Python imports', () => {
  const app = snapshotOf({
    'app/__init__.py': '',
    'app/models/__init__.py': '',
    'app/models/user.py': '',
    'app/models/order.py': '',
    'app/views.py': '',
    'app/api/__init__.py': '',
    'app/api/routes.py': '',
    'app/config.py': '',
    'app/config.pyi': '',
    'app/typed.pyi': '',
    'app/shadow.py': '',
    'app/shadow/__init__.py': '',
    'ns/plugin.py': '',
    'tests/helpers.py': '',
    'tests/test_views.py': '',
  })
  const resolve = createPythonResolver(app)

  it('resolves relative imports from the importing file’s package, one level per dot', () => {
    expect(resolve('app/api/routes.py', from('', 1, ['routes']))).toEqual([file('app/api/routes.py')])
    expect(resolve('app/api/routes.py', from('models.user', 2, ['User']))).toEqual([file('app/models/user.py')])
    expect(resolve('app/api/routes.py', from('', 2, ['views']))).toEqual([file('app/views.py')])
    expect(resolve('app/models/user.py', from('order', 1, ['Order']))).toEqual([file('app/models/order.py')])
  })

  it('gives one edge per imported name that is a submodule, and the package for the other names', () => {
    expect(resolve('app/views.py', from('models', 1, ['user', 'order']))).toEqual([file('app/models/user.py'), file('app/models/order.py')])
    expect(resolve('app/views.py', from('models', 1, ['user', 'Base']))).toEqual([file('app/models/user.py'), file('app/models/__init__.py')])
    expect(resolve('app/views.py', importOf('app', 'import', { names: ['models', 'VERSION'] }))).toEqual([file('app/models/__init__.py'), file('app/__init__.py')])
    expect(resolve('app/views.py', importOf('app.models', 'import', { names: ['*'] }))).toEqual([file('app/models/__init__.py')])
  })

  it('says why a relative import is unresolved', () => {
    expect(resolve('app/views.py', from('missing', 1, ['x']))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('no module .missing (package folder app)') }])
    expect(resolve('app/views.py', from('', 3, ['x']))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('climbs above the repository root') }])
  })

  it('takes the longest dotted prefix that is a module for absolute imports', () => {
    expect(resolve('tests/test_views.py', importOf('app.models.user'))).toEqual([file('app/models/user.py')])
    expect(resolve('tests/test_views.py', importOf('app.models.user.User'))).toEqual([file('app/models/user.py')])
    expect(resolve('tests/test_views.py', importOf('app.nothing_here'))).toEqual([file('app/__init__.py')])
  })

  it('prefers a package to a module of the same name, and source to stubs', () => {
    expect(resolve('app/views.py', importOf('app.shadow'))).toEqual([file('app/shadow/__init__.py')])
    expect(resolve('app/views.py', importOf('app.config'))).toEqual([file('app/config.py')])
    expect(resolve('app/views.py', importOf('app.typed'))).toEqual([file('app/typed.pyi')])
  })

  it('finds submodules of a namespace package (a folder without __init__.py)', () => {
    expect(resolve('app/views.py', importOf('ns', 'import', { names: ['plugin'] }))).toEqual([file('ns/plugin.py')])
    expect(resolve('app/views.py', importOf('ns.plugin'))).toEqual([file('ns/plugin.py')])
  })

  it('puts a folder of scripts or tests (no __init__.py) on the path, as Python and pytest do', () => {
    expect(resolve('tests/test_views.py', importOf('helpers'))).toEqual([file('tests/helpers.py')])
    // app/ is a package: its files do not see each other by bare name.
    expect(resolve('app/views.py', importOf('config'))).toEqual([{ kind: 'external', ecosystem: 'pypi', name: 'config' }])
  })

  it('names the standard library by its top-level module (CPython 3.12’s list)', () => {
    expect(resolve('app/views.py', importOf('os.path'))).toEqual([{ kind: 'external', ecosystem: 'python-stdlib', name: 'os' }])
    expect(resolve('app/views.py', importOf('__future__', 'import', { names: ['annotations'] }))).toEqual([{ kind: 'external', ecosystem: 'python-stdlib', name: '__future__' }])
    expect(resolve('app/views.py', importOf('tomllib'))).toEqual([{ kind: 'external', ecosystem: 'python-stdlib', name: 'tomllib' }])
    // Removed in 3.12: now only a PyPI backport.
    expect(resolve('app/views.py', importOf('asyncore'))).toEqual([{ kind: 'external', ecosystem: 'pypi', name: 'asyncore' }])
  })

  it('names anything else as a PyPI package by the import’s top-level name', () => {
    expect(resolve('app/views.py', importOf('yaml'))).toEqual([{ kind: 'external', ecosystem: 'pypi', name: 'yaml' }])
    expect(resolve('app/views.py', importOf('google.cloud', 'import', { names: ['storage'] }))).toEqual([{ kind: 'external', ecosystem: 'pypi', name: 'google' }])
  })

  it('looks under src/ as well as the repository root', () => {
    const resolveSrc = createPythonResolver(snapshotOf({ 'src/mylib/__init__.py': '', 'src/mylib/core.py': '', 'tests/test_core.py': '' }))
    expect(resolveSrc('tests/test_core.py', importOf('mylib.core'))).toEqual([file('src/mylib/core.py')])
    expect(resolveSrc('tests/test_core.py', importOf('mylib', 'import', { names: ['core'] }))).toEqual([file('src/mylib/core.py')])
  })

  it('reads package folders from pyproject.toml (setuptools, poetry, hatch)', () => {
    const snapshot = snapshotOf({
      'pyproject.toml': '[tool.setuptools]\npackage-dir = {"" = "python"}\n\n[tool.setuptools.packages.find]\nwhere = ["lib"]  # found here too\n',
      'python/alpha/__init__.py': '',
      'lib/beta/__init__.py': '',
      'poetry/pyproject.toml': '[tool.poetry]\nname = "gamma"\npackages = [{ include = "gamma", from = "source" }]\n',
      'poetry/source/gamma/__init__.py': '',
      'hatch/pyproject.toml': '[tool.hatch.build.targets.wheel]\npackages = ["code/delta"]\n',
      'hatch/code/delta/__init__.py': '',
      'main.py': '',
    })
    const resolveRoots = createPythonResolver(snapshot)
    expect(resolveRoots('main.py', importOf('alpha'))).toEqual([file('python/alpha/__init__.py')])
    expect(resolveRoots('main.py', importOf('beta'))).toEqual([file('lib/beta/__init__.py')])
    expect(resolveRoots('main.py', importOf('gamma'))).toEqual([file('poetry/source/gamma/__init__.py')])
    expect(resolveRoots('main.py', importOf('delta'))).toEqual([file('hatch/code/delta/__init__.py')])
  })

  it('reads package_dir and packages.find from setup.cfg, and a package mapped to its own folder', () => {
    const snapshot = snapshotOf({
      'setup.cfg': '[metadata]\nname = x\n\n[options]\npackages = find:\npackage_dir =\n    = source\n    legacy = old/legacy_code\n\n[options.packages.find]\nwhere = source\n',
      'source/epsilon/__init__.py': '',
      'old/legacy_code/__init__.py': '',
      'old/legacy_code/tools.py': '',
      'main.py': '',
    })
    const resolveCfg = createPythonResolver(snapshot)
    expect(resolveCfg('main.py', importOf('epsilon'))).toEqual([file('source/epsilon/__init__.py')])
    expect(resolveCfg('main.py', importOf('legacy'))).toEqual([file('old/legacy_code/__init__.py')])
    expect(resolveCfg('main.py', importOf('legacy.tools'))).toEqual([file('old/legacy_code/tools.py')])
    expect(resolveCfg('main.py', importOf('legacy', 'import', { names: ['tools'] }))).toEqual([file('old/legacy_code/tools.py')])
  })

  it('looks in a nested project’s folder and its src/, and prefers the importing file’s own project', () => {
    const snapshot = snapshotOf({
      'services/api/pyproject.toml': '[project]\nname = "api"\n',
      'services/api/src/common/__init__.py': '',
      'services/api/src/common/db.py': '',
      'services/api/src/api/main.py': '',
      'services/api/src/api/__init__.py': '',
      'services/worker/pyproject.toml': '[project]\nname = "worker"\n',
      'services/worker/common/__init__.py': '',
      'services/worker/common/db.py': '',
      'services/worker/worker.py': '',
    })
    const resolveNested = createPythonResolver(snapshot)
    expect(resolveNested('services/api/src/api/main.py', importOf('common.db'))).toEqual([file('services/api/src/common/db.py')])
    expect(resolveNested('services/worker/worker.py', importOf('common.db'))).toEqual([file('services/worker/common/db.py')])
  })

  it('treats a configuration it cannot read as declaring nothing', () => {
    const snapshot = snapshotOf({ 'pyproject.toml': '[tool.setuptools\npackage-dir = ', 'src/pkg/__init__.py': '', 'main.py': '' })
    expect(createPythonResolver(snapshot)('main.py', importOf('pkg'))).toEqual([file('src/pkg/__init__.py')])
  })
})
