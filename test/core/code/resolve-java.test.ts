import { describe, expect, it } from 'vitest'
import { createJavaResolver } from '../../../src/core/code/resolve/resolve-java'
import { file, importOf, snapshotOf } from './resolve-snapshot'

describe('Java imports', () => {
  const snapshot = snapshotOf({
    'core/src/main/java/com/acme/util/Strings.java': 'package com.acme.util;',
    'core/src/main/java/com/acme/util/Numbers.java': 'package com.acme.util;',
    'core/src/main/java/com/acme/util/package-info.java': 'package com.acme.util;',
    'core/src/main/java/com/acme/util/Outer.java': 'package com.acme.util;',
    'core/src/test/java/com/acme/util/StringsTest.java': 'package com.acme.util;',
    'core/src/main/java/com/acme/model/User.java': 'package com.acme.model;',
    'core/src/main/java/com/acme/model/Shared.java': 'package com.acme.model;',
    'web/src/main/java/com/acme/model/Shared.java': 'package com.acme.model;',
    'web/src/main/java/com/acme/web/App.java': 'package com.acme.web;',
    'api/src/main/java/com/acme/api/Api.java': 'package com.acme.api;',
    'legacy/src/java/org/acme/legacy/Old.java': '// header\npackage org.acme.legacy;\n\nclass Old {}',
    'bazel/java/org/acme/tools/Tool.java': 'package org.acme.tools;',
    'misplaced/org/acme/tools/Other.java': 'package org.elsewhere;',
  })
  const resolve = createJavaResolver(snapshot)

  it('resolves a class to the file named after it in its package', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.Strings'))).toEqual([file('core/src/main/java/com/acme/util/Strings.java')])
    expect(resolve('core/src/test/java/com/acme/util/StringsTest.java', importOf('com.acme.model.User'))).toEqual([file('core/src/main/java/com/acme/model/User.java')])
  })

  it('resolves a nested class and a static member to the top-level class’s file', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.Outer.Inner'))).toEqual([file('core/src/main/java/com/acme/util/Outer.java')])
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.Strings.trim'))).toEqual([file('core/src/main/java/com/acme/util/Strings.java')])
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.Outer.Inner.CONSTANT'))).toEqual([file('core/src/main/java/com/acme/util/Outer.java')])
  })

  it('resolves a wildcard to every file of the package, or to a class for static on-demand imports', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.*'))).toEqual([
      file('core/src/main/java/com/acme/util/Numbers.java'),
      file('core/src/main/java/com/acme/util/Outer.java'),
      file('core/src/main/java/com/acme/util/Strings.java'),
      file('core/src/main/java/com/acme/util/package-info.java'),
    ])
    // Tests see main code, and their own.
    expect(resolve('core/src/test/java/com/acme/util/OtherTest.java', importOf('com.acme.util.*'))).toEqual([
      file('core/src/main/java/com/acme/util/Numbers.java'),
      file('core/src/main/java/com/acme/util/Outer.java'),
      file('core/src/main/java/com/acme/util/Strings.java'),
      file('core/src/main/java/com/acme/util/package-info.java'),
      file('core/src/test/java/com/acme/util/StringsTest.java'),
    ])
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.Strings.*'))).toEqual([file('core/src/main/java/com/acme/util/Strings.java')])
  })

  it('prefers the importing file’s own project when several hold the class, and refuses to pick otherwise', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.model.Shared'))).toEqual([file('web/src/main/java/com/acme/model/Shared.java')])
    expect(resolve('core/src/main/java/com/acme/model/User.java', importOf('com.acme.model.Shared'))).toEqual([file('core/src/main/java/com/acme/model/Shared.java')])
    expect(resolve('api/src/main/java/com/acme/api/Api.java', importOf('com.acme.model.Shared'))).toEqual([
      { kind: 'unresolved', reason: expect.stringContaining('core/src/main/java/com/acme/model/Shared.java, web/src/main/java/com/acme/model/Shared.java') },
    ])
  })

  it('reads the package line of files outside conventional source roots, and only of those', () => {
    const reads = snapshotOf({
      'src/main/java/com/acme/A.java': 'package com.acme;',
      'legacy/src/java/org/acme/legacy/Old.java': '// header\npackage org.acme.legacy;\n',
      'legacy/src/java/org/acme/legacy/Older.java': 'package org.acme.legacy;',
    })
    const resolveLegacy = createJavaResolver(reads)
    expect(resolveLegacy('src/main/java/com/acme/A.java', importOf('org.acme.legacy.Old'))).toEqual([file('legacy/src/java/org/acme/legacy/Old.java')])
    expect(resolveLegacy('legacy/src/java/org/acme/legacy/Old.java', importOf('com.acme.A'))).toEqual([file('src/main/java/com/acme/A.java')])
    expect(reads.reads.filter((p) => p.startsWith('src/main/java'))).toEqual([])
    expect(new Set(reads.reads)).toEqual(new Set(['legacy/src/java/org/acme/legacy/Old.java', 'legacy/src/java/org/acme/legacy/Older.java']))
  })

  it('finds files under any source root whose folders match the declared package', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('org.acme.tools.Tool'))).toEqual([file('bazel/java/org/acme/tools/Tool.java')])
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('org.acme.legacy.Old'))).toEqual([file('legacy/src/java/org/acme/legacy/Old.java')])
    // Its folders say org.acme.tools, its package line org.elsewhere: it is found in neither.
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('org.acme.tools.Other'))).toEqual([
      { kind: 'unresolved', reason: expect.stringContaining('package org.acme.tools is in the repository but has no file for') },
    ])
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('org.elsewhere.Other'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'org.elsewhere' }])
  })

  it('does not let main code see test code', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.util.StringsTest'))).toEqual([
      { kind: 'unresolved', reason: 'com.acme.util.StringsTest is only in core/src/test/java/com/acme/util/StringsTest.java, which main code does not see' },
    ])
  })

  it('leaves a class missing from a package of the repository unresolved (generated code)', () => {
    expect(resolve('web/src/main/java/com/acme/web/App.java', importOf('com.acme.model.UserProto'))).toEqual([
      { kind: 'unresolved', reason: expect.stringContaining('package com.acme.model is in the repository but has no file for com.acme.model.UserProto') },
    ])
  })

  it('names JDK packages, including the JDK’s own javax packages', () => {
    const App = 'web/src/main/java/com/acme/web/App.java'
    expect(resolve(App, importOf('java.util.List'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'java.util' }])
    expect(resolve(App, importOf('java.util.Map.Entry'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'java.util' }])
    expect(resolve(App, importOf('java.util.concurrent.*'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'java.util.concurrent' }])
    expect(resolve(App, importOf('javax.swing.JFrame'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'javax.swing' }])
    expect(resolve(App, importOf('javax.xml.XMLConstants'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'javax.xml' }])
    expect(resolve(App, importOf('org.w3c.dom.Node'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'org.w3c.dom' }])
    expect(resolve(App, importOf('sun.misc.Unsafe'))).toEqual([{ kind: 'external', ecosystem: 'jdk', name: 'sun.misc' }])
  })

  it('names other packages as Maven dependencies by the imported package', () => {
    const App = 'web/src/main/java/com/acme/web/App.java'
    expect(resolve(App, importOf('javax.servlet.http.HttpServlet'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'javax.servlet.http' }])
    expect(resolve(App, importOf('javax.xml.bind.JAXBContext'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'javax.xml.bind' }])
    expect(resolve(App, importOf('com.google.common.collect.ImmutableList'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'com.google.common.collect' }])
    expect(resolve(App, importOf('org.junit.Assert.assertEquals'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'org.junit' }])
    expect(resolve(App, importOf('org.slf4j.*'))).toEqual([{ kind: 'external', ecosystem: 'maven', name: 'org.slf4j' }])
  })
})
