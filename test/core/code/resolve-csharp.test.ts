import { describe, expect, it } from 'vitest'
import { createCSharpResolver } from '../../../src/core/code/resolve/resolve-csharp'
import { file, importOf, snapshotOf } from './resolve-snapshot'

describe('C# usings', () => {
  const snapshot = snapshotOf({
    'src/Core/Models/User.cs': 'using System;\n\nnamespace Acme.Core.Models\n{\n    public class User {}\n}\n',
    'src/Core/Models/Order.cs': 'namespace Acme.Core.Models;\n\npublic record Order;\n',
    'src/Core/Extra/OrderExtensions.cs': '// lives elsewhere, same namespace\nnamespace Acme.Core.Models;\n',
    'src/Core/Util/Guard.cs': 'namespace Acme.Core.Util { static class Guard {} }\nnamespace Acme.Core.Util.Internal { }\n',
    'src/App/Program.cs': 'namespace Acme.App;\n',
    'src/Shims/Span.cs': 'namespace System.Buffers.Shims;\n',
    'README.md': 'namespace Not.Code',
  })
  const resolve = createCSharpResolver(snapshot)

  it('resolves a namespace to every file declaring it, block or file-scoped, wherever it lives', () => {
    expect(resolve('src/App/Program.cs', importOf('Acme.Core.Models'))).toEqual([
      file('src/Core/Extra/OrderExtensions.cs'),
      file('src/Core/Models/Order.cs'),
      file('src/Core/Models/User.cs'),
    ])
    expect(resolve('src/App/Program.cs', importOf('Acme.Core.Util.Internal'))).toEqual([file('src/Core/Util/Guard.cs')])
  })

  it('leaves out the importing file, and says so when it is the only one', () => {
    expect(resolve('src/Core/Models/User.cs', importOf('Acme.Core.Models'))).toEqual([file('src/Core/Extra/OrderExtensions.cs'), file('src/Core/Models/Order.cs')])
    expect(resolve('src/App/Program.cs', importOf('Acme.App'))).toEqual([{ kind: 'unresolved', reason: 'namespace Acme.App is declared only by this file' }])
  })

  it('does not guess the file of a type imported with using static', () => {
    expect(resolve('src/App/Program.cs', importOf('Acme.Core.Util.Guard'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('Acme.Core.Util is') }])
    expect(resolve('src/App/Program.cs', importOf('static Acme.Core.Util.Guard'))).toEqual([{ kind: 'unresolved', reason: expect.stringContaining('Acme.Core.Util is') }])
  })

  it('names .NET namespaces, after the repository’s own', () => {
    expect(resolve('src/App/Program.cs', importOf('System.Collections.Generic'))).toEqual([{ kind: 'external', ecosystem: 'dotnet', name: 'System.Collections.Generic' }])
    expect(resolve('src/App/Program.cs', importOf('Microsoft.Extensions.Logging'))).toEqual([{ kind: 'external', ecosystem: 'dotnet', name: 'Microsoft.Extensions.Logging' }])
    expect(resolve('src/App/Program.cs', importOf('System.Buffers.Shims'))).toEqual([file('src/Shims/Span.cs')])
  })

  it('names other namespaces as NuGet packages', () => {
    expect(resolve('src/App/Program.cs', importOf('Newtonsoft.Json.Linq'))).toEqual([{ kind: 'external', ecosystem: 'nuget', name: 'Newtonsoft.Json.Linq' }])
  })

  it('reads the .cs files once, at the first using', () => {
    const lazy = snapshotOf({ 'A.cs': 'namespace A;', 'B.cs': 'namespace B;', 'notes.txt': '' })
    const resolveLazy = createCSharpResolver(lazy)
    expect(lazy.reads).toEqual([])
    resolveLazy('A.cs', importOf('B'))
    resolveLazy('B.cs', importOf('A'))
    expect(lazy.reads).toEqual(['A.cs', 'B.cs'])
  })
})
