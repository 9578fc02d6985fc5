import type { CodeLanguage, ImportSpec, RepoSnapshot, Resolution } from '../code-types'
import { createJsResolver } from './js/resolve-js'
import { createCIncludeResolver } from './resolve-c-include'
import { createCSharpResolver } from './resolve-csharp'
import { createGoResolver } from './resolve-go'
import { createJavaResolver } from './resolve-java'
import { createPythonResolver } from './resolve-python'
import { createRubyResolver } from './resolve-ruby'
import { createRustResolver } from './resolve-rust'

export type ResolveImport = (fromPath: string, language: CodeLanguage, spec: ImportSpec) => readonly Resolution[]

type LanguageResolver = (fromPath: string, spec: ImportSpec) => readonly Resolution[]
type ResolverFamily = 'js' | 'python' | 'go' | 'java' | 'rust' | 'ruby' | 'csharp' | 'c'

/**
 * Resolves imports of every supported language against one snapshot of the repository. An import
 * can have several targets, so the answer is a list: a Go import names a package (every non-test
 * file of its folder), a Java `a.b.*` or a C# `using` a package or namespace spread over files, a
 * Python `from pkg import a, b` one submodule per name. Other imports give one element. The list is
 * never empty: what cannot be resolved is one `unresolved` element saying what was tried.
 *
 * A language's resolver is built at its first import and keeps what it indexed (go.mod files,
 * crates, Java packages, C# namespaces…) for the snapshot's lifetime: call this once per snapshot.
 */
export function createResolver(snapshot: RepoSnapshot): ResolveImport {
  const built = new Map<ResolverFamily, LanguageResolver>()
  const resolverFor = (family: ResolverFamily): LanguageResolver => {
    let resolver = built.get(family)
    if (resolver === undefined) {
      resolver = createFamilyResolver(family, snapshot)
      built.set(family, resolver)
    }
    return resolver
  }
  return (fromPath, language, spec) => resolverFor(familyOf(language))(fromPath, spec)
}

function familyOf(language: CodeLanguage): ResolverFamily {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return 'js'
    case 'c':
    case 'cpp':
      return 'c'
    case 'python':
    case 'go':
    case 'java':
    case 'rust':
    case 'ruby':
    case 'csharp':
      return language
  }
}

function createFamilyResolver(family: ResolverFamily, snapshot: RepoSnapshot): LanguageResolver {
  switch (family) {
    case 'js': {
      const resolve = createJsResolver(snapshot)
      return (fromPath, spec) => [resolve(fromPath, spec)]
    }
    case 'python':
      return createPythonResolver(snapshot)
    case 'go':
      return createGoResolver(snapshot)
    case 'java':
      return createJavaResolver(snapshot)
    case 'rust':
      return createRustResolver(snapshot)
    case 'ruby':
      return createRubyResolver(snapshot)
    case 'csharp':
      return createCSharpResolver(snapshot)
    case 'c':
      return createCIncludeResolver(snapshot)
  }
}
