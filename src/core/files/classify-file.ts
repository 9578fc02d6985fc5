import type { FileKind } from '../../shared/graph-types'

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'TypeScript', tsx: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript',
  js: 'JavaScript', jsx: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript',
  py: 'Python', pyi: 'Python', go: 'Go', rs: 'Rust', java: 'Java', kt: 'Kotlin', kts: 'Kotlin',
  rb: 'Ruby', cs: 'C#', c: 'C', h: 'C', cc: 'C++', cpp: 'C++', cxx: 'C++', hpp: 'C++', hh: 'C++',
  m: 'Objective-C', mm: 'Objective-C', swift: 'Swift', php: 'PHP', scala: 'Scala', dart: 'Dart',
  ex: 'Elixir', exs: 'Elixir', erl: 'Erlang', hs: 'Haskell', clj: 'Clojure', lua: 'Lua', r: 'R',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell', ps1: 'PowerShell', sql: 'SQL', vue: 'Vue', svelte: 'Svelte',
  html: 'HTML', htm: 'HTML', css: 'CSS', scss: 'SCSS', sass: 'SCSS', less: 'Less',
  json: 'JSON', yaml: 'YAML', yml: 'YAML', toml: 'TOML', xml: 'XML', md: 'Markdown', mdx: 'Markdown',
  rst: 'reStructuredText', proto: 'Protocol Buffers', graphql: 'GraphQL', gql: 'GraphQL', tf: 'HCL',
}

const LANGUAGE_BY_NAME: Readonly<Record<string, string>> = {
  Dockerfile: 'Dockerfile', Makefile: 'Makefile', 'CMakeLists.txt': 'CMake', Gemfile: 'Ruby', Rakefile: 'Ruby',
}

const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'webp', 'tiff', 'psd', 'pdf', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z',
  'rar', 'jar', 'war', 'class', 'exe', 'dll', 'so', 'dylib', 'a', 'o', 'obj', 'lib', 'bin', 'wasm', 'woff', 'woff2',
  'ttf', 'otf', 'eot', 'mp3', 'mp4', 'wav', 'ogg', 'mov', 'avi', 'mkv', 'webm', 'sqlite', 'db', 'pyc', 'node',
])

const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'Cargo.lock', 'poetry.lock',
  'Pipfile.lock', 'uv.lock', 'Gemfile.lock', 'composer.lock', 'go.sum', 'mix.lock', 'pubspec.lock', 'Podfile.lock',
  'packages.lock.json', 'flake.lock',
])

const VENDORED = /(^|\/)(node_modules|vendor|third_party|third-party|bower_components|Pods|\.yarn)\//
const GENERATED_DIRS = /(^|\/)(dist|build|out|target|coverage|\.next|__generated__)\//
const GENERATED_NAMES = /(\.min\.(js|css|mjs)|\.map|\.generated\.[a-z]+|\.pb\.go|_pb2\.py|\.g\.dart|\.designer\.cs)$/i

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

export function languageOf(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return LANGUAGE_BY_NAME[name] ?? LANGUAGES[extensionOf(name)] ?? null
}

/**
 * What a path is, from its name alone (and its mode when known). Lockfiles, build output and minified
 * files are `generated`; dependency folders are `vendored`. Content-based binary detection (git's
 * numstat `-`) refines this when the file is indexed at HEAD.
 */
export function classifyPath(path: string, mode?: string): FileKind {
  if (mode === '160000') return 'submodule'
  if (VENDORED.test(path)) return 'vendored'
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (LOCKFILES.has(name) || GENERATED_DIRS.test(path) || GENERATED_NAMES.test(name)) return 'generated'
  if (BINARY_EXTENSIONS.has(extensionOf(name))) return 'binary'
  return 'source'
}
