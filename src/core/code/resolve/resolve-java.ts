import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { baseName, filesByDirectory, parentDir } from './repo-paths'

/**
 * Java imports: `a.b.C` → the file of class C in package a.b (a nested class or a static member
 * resolves to its top-level class's file); `a.b.*` → every file of package a.b. A public top-level
 * class lives in the file named after it, so a class is found by file name within its package.
 */
export function createJavaResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  const packages = new JavaPackages(snapshot)
  // Several Maven/Gradle projects may hold the same package: the importing file's own comes first.
  const sameProjectFirst = (paths: readonly string[], project: string): readonly string[] => {
    const same = paths.filter((p) => packages.projectOf(p) === project)
    return same.length > 0 ? same : paths
  }

  return (fromPath, spec) => {
    const specifier = spec.specifier
    const wildcard = specifier.endsWith('.*')
    const segments = (wildcard ? specifier.slice(0, -2) : specifier).split('.')
    const project = packages.projectOf(fromPath)
    const visible = visibleFrom(fromPath)

    if (wildcard) {
      const files = visible(packages.filesOf(segments.join('.')))
      if (files.length > 0) return sameProjectFirst(files, project).map((path) => ({ kind: 'file', path }))
    }
    // The longest package first: in a.b.Outer.Inner, package a.b.Outer has no Inner.java, a.b has Outer.java.
    let hidden: readonly string[] = []
    for (let i = segments.length - 1; i >= 1; i--) {
      const pkg = segments.slice(0, i).join('.')
      const className = segments[i] as string
      const named = packages.filesOf(pkg).filter((path) => baseName(path) === `${className}.java`)
      const matches = visible(named)
      if (matches.length === 0) {
        if (hidden.length === 0) hidden = named
        continue
      }
      const chosen = sameProjectFirst(matches, project)
      if (chosen.length === 1) return [{ kind: 'file', path: chosen[0] as string }]
      return [{ kind: 'unresolved', reason: `class ${pkg}.${className} is in several projects: ${chosen.join(', ')}` }]
    }
    if (hidden.length > 0) return [{ kind: 'unresolved', reason: `${specifier} is only in ${hidden.join(', ')}, which main code does not see` }]

    const pkg = packageOfImport(segments, wildcard)
    if (isJdkPackage(pkg)) return [{ kind: 'external', ecosystem: 'jdk', name: pkg }]
    if (packages.filesOf(pkg).length > 0) {
      // A package of the repository without the class: usually generated at build time (protobuf, AutoValue…).
      return [{ kind: 'unresolved', reason: `package ${pkg} is in the repository but has no file for ${specifier} (generated at build time?)` }]
    }
    // The imported package stands for the artifact: Maven coordinates are not in the import.
    return [{ kind: 'external', ecosystem: 'maven', name: pkg }]
  }
}

/** Source roots by build-tool convention: src/main/java, src/test/java, src/<any source set>/java. */
const CONVENTIONAL_ROOT = /(?:^|\/)src\/([^/]+)\/java\//

/** Main code does not see other source sets (tests, fixtures); they all see main. */
function visibleFrom(fromPath: string): (paths: readonly string[]) => readonly string[] {
  if (CONVENTIONAL_ROOT.exec(fromPath)?.[1] !== 'main') return (paths) => paths
  return (paths) => paths.filter((p) => (CONVENTIONAL_ROOT.exec(p)?.[1] ?? 'main') === 'main')
}
const PACKAGE_LINE = /^\s*package\s+([\w.]+)\s*;/m

/** Java files by package, found from paths and confirmed, where the path alone is not enough, by the `package` line. */
class JavaPackages {
  readonly #snapshot: RepoSnapshot
  /** Folders holding .java files, by their last segment: the candidates for a package ending with it. */
  readonly #dirsByName = new Map<string, string[]>()
  readonly #byPackage = new Map<string, readonly string[]>()
  readonly #packageOfFile = new Map<string, string | null>()

  constructor(snapshot: RepoSnapshot) {
    this.#snapshot = snapshot
    for (const [dir, files] of filesByDirectory(snapshot)) {
      if (!files.some((f) => f.endsWith('.java'))) continue
      const name = baseName(dir)
      this.#dirsByName.set(name, [...(this.#dirsByName.get(name) ?? []), dir])
    }
  }

  /** The .java files of a package, wherever their source root is (several Maven/Gradle modules may share a package). */
  filesOf(pkg: string): readonly string[] {
    let files = this.#byPackage.get(pkg)
    if (files === undefined) {
      const dirPath = pkg.replaceAll('.', '/')
      const dirs = pkg === '' ? [] : (this.#dirsByName.get(baseName(dirPath)) ?? []).filter((d) => d === dirPath || d.endsWith(`/${dirPath}`))
      files = dirs.flatMap((dir) => (filesByDirectory(this.#snapshot).get(dir) ?? []).filter((f) => f.endsWith('.java') && this.packageOf(f) === pkg))
      this.#byPackage.set(pkg, files)
    }
    return files
  }

  /**
   * A file's package: from its path under a conventional source root; otherwise from its `package`
   * line, read once (outside those roots a folder can be named anything, e.g. src/java/com/…).
   */
  packageOf(path: string): string | null {
    let pkg = this.#packageOfFile.get(path)
    if (pkg === undefined) {
      const root = CONVENTIONAL_ROOT.exec(path)
      if (root !== null) pkg = parentDir(path.slice(root.index + root[0].length)).replaceAll('/', '.')
      else {
        const text = this.#snapshot.readText(path)
        const declared = text === null ? null : PACKAGE_LINE.exec(text)
        if (declared !== null) pkg = declared[1] as string
        else if (text !== null) pkg = '' // the unnamed package
        else pkg = /^(?:.*\/)?src\//.test(path) ? parentDir(path.replace(/^(?:.*?\/)?src\//, '')).replaceAll('/', '.') : null
      }
      this.#packageOfFile.set(path, pkg)
    }
    return pkg
  }

  /** The build project a file belongs to: the folder above its `src/`, else its source root. */
  projectOf(path: string): string {
    const src = /^(.*?)(?:^|\/)src\//.exec(path)
    if (src !== null) return src[1] as string
    const pkg = this.packageOf(path) ?? ''
    const dir = parentDir(path)
    const pkgPath = pkg.replaceAll('.', '/')
    return pkg !== '' && dir.endsWith(pkgPath) ? dir.slice(0, dir.length - pkgPath.length).replace(/\/$/, '') : dir
  }
}

/**
 * The package an unresolved import names, for the external node: the segments before the first
 * capitalised one (Java's naming convention), or all but the last when none is capitalised.
 */
function packageOfImport(segments: readonly string[], wildcard: boolean): string {
  const firstClass = segments.findIndex((s) => /^[A-Z]/.test(s))
  if (firstClass > 0) return segments.slice(0, firstClass).join('.')
  return (wildcard ? segments : segments.slice(0, -1)).join('.')
}

/**
 * Packages the JDK (21) exports, with their subpackages. Most of javax.* is not among them:
 * javax.servlet, javax.inject, javax.annotation.Nullable, javax.xml.bind are Maven artifacts.
 */
const JDK_PACKAGES = [
  'java', 'jdk', 'sun', 'org.w3c.dom', 'org.xml.sax', 'org.ietf.jgss',
  'com.sun.net.httpserver', 'com.sun.management', 'com.sun.nio.sctp', 'com.sun.security.auth', 'com.sun.jndi', 'com.sun.source', 'com.sun.tools.javac', 'com.sun.jdi',
  'javax.accessibility', 'javax.annotation.processing', 'javax.crypto', 'javax.imageio', 'javax.lang.model', 'javax.management', 'javax.naming',
  'javax.net', 'javax.print', 'javax.rmi.ssl', 'javax.script', 'javax.security.auth', 'javax.security.cert', 'javax.security.sasl', 'javax.smartcardio',
  'javax.sound', 'javax.sql', 'javax.swing', 'javax.tools', 'javax.transaction.xa',
  'javax.xml.catalog', 'javax.xml.crypto', 'javax.xml.datatype', 'javax.xml.namespace', 'javax.xml.parsers', 'javax.xml.stream', 'javax.xml.transform',
  'javax.xml.validation', 'javax.xml.xpath',
]

function isJdkPackage(pkg: string): boolean {
  // javax.xml itself (XMLConstants) is the JDK's; its other subpackages are listed one by one.
  return pkg === 'javax.xml' || JDK_PACKAGES.some((p) => pkg === p || pkg.startsWith(`${p}.`))
}
