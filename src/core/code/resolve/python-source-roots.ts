import type { RepoSnapshot } from '../code-types'
import { directoriesOf, joinPath, parentDir, pathsNamed } from './repo-paths'
import { readToml, tomlArray, tomlString, tomlTable, type TomlTable } from './read-toml'

/**
 * Where absolute Python imports are looked for: `root` is a sys.path entry (top-level packages sit
 * directly inside it); `package` is one package mapped to a directory (`package-dir = {pkg = "lib"}`).
 */
export type PythonSourceRoot = { readonly kind: 'root'; readonly dir: string } | { readonly kind: 'package'; readonly name: string; readonly dir: string }

/**
 * The repository root and `src/`, then for each pyproject.toml / setup.cfg the package directories
 * it declares in the simple forms (setuptools `package-dir` and `packages.find.where`, poetry
 * `packages.from`, hatch wheel `packages`, pdm `package-dir`), or — declaring none — its own folder
 * and its `src/`, which is where setuptools' automatic discovery looks.
 */
export function pythonSourceRoots(snapshot: RepoSnapshot): readonly PythonSourceRoot[] {
  const roots: PythonSourceRoot[] = [
    { kind: 'root', dir: '' },
    { kind: 'root', dir: 'src' },
  ]
  const configs = [...pathsNamed(snapshot, 'pyproject.toml'), ...pathsNamed(snapshot, 'setup.cfg')]
  for (const config of configs) {
    const dir = parentDir(config)
    const text = snapshot.readText(config)
    const declared = text === null ? [] : config.endsWith('.toml') ? declaredInPyproject(text) : declaredInSetupCfg(text)
    const found = declared.length > 0 ? declared : [{ kind: 'root', dir: '.' } as const, { kind: 'root', dir: 'src' } as const]
    for (const root of found) {
      const rootDir = joinPath(dir, root.dir)
      if (rootDir !== null) roots.push({ ...root, dir: rootDir })
    }
  }
  const dirs = directoriesOf(snapshot)
  const seen = new Set<string>()
  return roots.filter((root) => {
    const key = root.kind === 'root' ? root.dir : `${root.name}=${root.dir}`
    if (seen.has(key) || !dirs.has(root.dir)) return false
    seen.add(key)
    return true
  })
}

/** Roots relative to the pyproject.toml's folder. */
function declaredInPyproject(text: string): PythonSourceRoot[] {
  const toml = readToml(text)
  const tool = tomlTable(toml?.tool)
  if (tool === undefined) return []
  const roots: PythonSourceRoot[] = []
  const setuptools = tomlTable(tool.setuptools)
  if (setuptools !== undefined) {
    roots.push(...fromPackageDir(tomlTable(setuptools['package-dir'])))
    const find = tomlTable(tomlTable(setuptools.packages)?.find)
    for (const where of tomlArray(find?.where)) if (typeof where === 'string') roots.push({ kind: 'root', dir: where })
  }
  for (const entry of tomlArray(tomlTable(tool.poetry)?.packages)) {
    const from = tomlString(tomlTable(entry)?.from)
    if (from !== undefined) roots.push({ kind: 'root', dir: from })
  }
  const wheel = tomlTable(tomlTable(tomlTable(tomlTable(tool.hatch)?.build)?.targets)?.wheel)
  // Hatch lists package folders ("src/pkg"): the root is the folder holding each.
  for (const pkg of tomlArray(wheel?.packages)) if (typeof pkg === 'string') roots.push({ kind: 'root', dir: parentDir(pkg) })
  const pdmDir = tomlString(tomlTable(tomlTable(tool.pdm)?.build)?.['package-dir'])
  if (pdmDir !== undefined) roots.push({ kind: 'root', dir: pdmDir })
  return roots
}

function fromPackageDir(mapping: TomlTable | undefined): PythonSourceRoot[] {
  if (mapping === undefined) return []
  return Object.entries(mapping).flatMap(([name, dir]): PythonSourceRoot[] => {
    if (typeof dir !== 'string') return []
    if (name === '') return [{ kind: 'root', dir }]
    // Only top-level packages: a dotted key maps a subpackage, which imports reach through its parent.
    return name.includes('.') ? [] : [{ kind: 'package', name, dir }]
  })
}

/** Roots relative to the setup.cfg's folder: `[options] package_dir` and `[options.packages.find] where`. */
function declaredInSetupCfg(text: string): PythonSourceRoot[] {
  const ini = readIni(text)
  const roots: PythonSourceRoot[] = []
  const packageDir = ini.get('options')?.get('package_dir')
  if (packageDir !== undefined) {
    const mapping: Record<string, string> = {}
    for (const line of packageDir.split('\n')) {
      const eq = line.indexOf('=')
      if (eq !== -1) mapping[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
    }
    roots.push(...fromPackageDir(mapping))
  }
  const where = ini.get('options.packages.find')?.get('where')
  for (const dir of where?.split('\n') ?? []) if (dir.trim() !== '') roots.push({ kind: 'root', dir: dir.trim() })
  return roots
}

/** setup.cfg as configparser reads it: sections of `key = value`, indented lines continuing a value. */
function readIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>()
  let section: Map<string, string> | undefined
  let key: string | undefined
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*([#;]|$)/.test(line)) continue
    const header = /^\[([^\]]+)\]/.exec(line)
    if (header !== null) {
      section = new Map()
      sections.set((header[1] as string).trim(), section)
      key = undefined
    } else if (/^\s/.test(line) && section !== undefined && key !== undefined) {
      section.set(key, `${section.get(key) ?? ''}\n${line.trim()}`)
    } else if (section !== undefined) {
      const entry = /^([^=:]+)[=:](.*)$/.exec(line)
      if (entry === null) continue
      key = (entry[1] as string).trim()
      section.set(key, (entry[2] as string).trim())
    }
  }
  return sections
}
