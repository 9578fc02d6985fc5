import type { ImportSpec, RepoSnapshot, Resolution } from '../code-types'

const NAMESPACE = /^\s*namespace\s+([\w.]+)/gm

/**
 * C# `using A.B;` names a namespace, which any number of files declare: the edges go to every
 * file of the repository declaring it (block or file-scoped), other than the importing file.
 * Namespaces nested in blocks (`namespace A { namespace B {…} }`) count as their inner name
 * only: the stored declarations do not keep the nesting.
 */
export function createCSharpResolver(snapshot: RepoSnapshot): (fromPath: string, spec: ImportSpec) => readonly Resolution[] {
  let index: Map<string, string[]> | null = null
  const filesOf = (namespace: string): readonly string[] => {
    if (index === null) {
      // Read once, at the first C# import: a namespace is in the text, not in the path.
      const byNamespace = new Map<string, string[]>()
      for (const path of [...snapshot.paths].filter((p) => p.endsWith('.cs')).sort()) {
        const text = snapshot.readText(path)
        if (text === null) continue
        for (const name of new Set([...text.matchAll(NAMESPACE)].map((m) => m[1] as string))) byNamespace.set(name, [...(byNamespace.get(name) ?? []), path])
      }
      index = byNamespace
    }
    return index.get(namespace) ?? []
  }

  return (fromPath, spec) => {
    // `using static A.B.C` and `using X = A.B` may reach here whole: the name is what follows.
    const namespace = spec.specifier.replace(/^(global\s+)?(using\s+)?(static\s+)?/, '').replace(/^[\w]+\s*=\s*/, '').replace(/^global::/, '').replace(/;$/, '').trim()
    const declaring = filesOf(namespace)
    if (declaring.length > 0) {
      const others = declaring.filter((p) => p !== fromPath)
      if (others.length > 0) return others.map((path) => ({ kind: 'file', path }))
      return [{ kind: 'unresolved', reason: `namespace ${namespace} is declared only by this file` }]
    }
    const parent = namespace.slice(0, Math.max(0, namespace.lastIndexOf('.')))
    if (parent !== '' && filesOf(parent).length > 0) {
      // `using static A.B.Type` or an alias of a type: which of the namespace's files declares the type is not known.
      return [{ kind: 'unresolved', reason: `${namespace} is not a namespace of the repository, but ${parent} is: a type (using static, alias)?` }]
    }
    if (/^(System|Microsoft)(\.|$)/.test(namespace)) return [{ kind: 'external', ecosystem: 'dotnet', name: namespace }]
    // The namespace stands for the package: NuGet package ids are not in the code.
    return [{ kind: 'external', ecosystem: 'nuget', name: namespace }]
  }
}
