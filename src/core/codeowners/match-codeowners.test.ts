import { describe, expect, it } from 'vitest'
import { declaredOwnersOfDirectory, matchCodeowners, matchDirectory, type DeclaredMatch } from './match-codeowners'
import { parseCodeowners, type CodeownersFile } from './parse-codeowners'

/** Our own copy of the example CODEOWNERS file in GitHub's documentation, one rule a line. */
const GITHUB_EXAMPLE = [
  '*       @global-owner1 @global-owner2',
  '*.js    @js-owner #This is an inline comment.',
  '*.go docs@example.com',
  '*.txt @octo-org/octocats',
  '/build/logs/ @doctocat',
  'docs/*  docs@example.com',
  'apps/ @octocat',
  '/docs/ @doctocat',
  '/scripts/ @doctocat @octocat',
  '**/logs @octocat',
  '/apps/ @octocat',
  '/apps/github',
]

function upTo(rule: string): CodeownersFile {
  const line = GITHUB_EXAMPLE.indexOf(rule) + 1
  return parseCodeowners(GITHUB_EXAMPLE.slice(0, line).join('\n'), 'CODEOWNERS')
}

const example = parseCodeowners(GITHUB_EXAMPLE.join('\n'), '.github/CODEOWNERS')

/** Owners and the winning line(s), the two things a reader checks. */
function brief(match: DeclaredMatch): { owners: readonly string[]; lines: number[] } {
  return { owners: match.owners, lines: match.rules.map((rule) => rule.line) }
}

describe("GitHub's example CODEOWNERS file", () => {
  // Each rule read on its own terms: the file up to that rule, so the rule is the last that can match.
  const documented: readonly { rule: string; owners: readonly string[]; owns: readonly string[]; doesNotOwn: readonly string[] }[] = [
    { rule: GITHUB_EXAMPLE[0] as string, owners: ['@global-owner1', '@global-owner2'], owns: ['README.md', 'src/deep/file.rs'], doesNotOwn: [] },
    // "only @js-owner and not the global owner(s) will be requested for a review"
    { rule: GITHUB_EXAMPLE[1] as string, owners: ['@js-owner'], owns: ['index.js', 'src/app/main.js'], doesNotOwn: ['index.jsx', 'README.md'] },
    { rule: '*.go docs@example.com', owners: ['docs@example.com'], owns: ['main.go', 'cmd/tool/main.go'], doesNotOwn: ['main.js'] },
    { rule: '*.txt @octo-org/octocats', owners: ['@octo-org/octocats'], owns: ['notes.txt', 'a/b/c.txt'], doesNotOwn: ['notes.md'] },
    // "any files in the build/logs directory at the root of the repository and any of its subdirectories"
    { rule: '/build/logs/ @doctocat', owners: ['@doctocat'], owns: ['build/logs/out.txt', 'build/logs/2024/jan.log'], doesNotOwn: ['src/build/logs/out.log', 'build/out.log'] },
    // "match files like docs/getting-started.md but not further nested files like docs/build-app/troubleshooting.md"
    { rule: 'docs/*  docs@example.com', owners: ['docs@example.com'], owns: ['docs/getting-started.md'], doesNotOwn: ['docs/build-app/troubleshooting.md'] },
    // "any file in an apps directory anywhere in your repository"
    { rule: 'apps/ @octocat', owners: ['@octocat'], owns: ['apps/web/index.ts', 'services/apps/api/server.go'], doesNotOwn: ['applications/x.ts'] },
    // "any file in the /docs directory in the root of your repository and any of its subdirectories"
    { rule: '/docs/ @doctocat', owners: ['@doctocat'], owns: ['docs/getting-started.md', 'docs/build-app/troubleshooting.md'], doesNotOwn: ['src/docs/api.md'] },
    // "any change inside the /scripts directory will require approval from @doctocat or @octocat"
    { rule: '/scripts/ @doctocat @octocat', owners: ['@doctocat', '@octocat'], owns: ['scripts/deploy.sh', 'scripts/ci/build.sh'], doesNotOwn: ['tools/scripts/x.sh'] },
    // "any file in a /logs directory such as /build/logs, /scripts/logs, and /deeply/nested/logs"
    { rule: '**/logs @octocat', owners: ['@octocat'], owns: ['build/logs/a.log', 'scripts/logs/b.log', 'deeply/nested/logs/c.log', 'logs/d.log'], doesNotOwn: ['catalogs/x.log'] },
    // "any file in the /apps directory in the root of your repository except for the /apps/github subdirectory"
    { rule: '/apps/ @octocat', owners: ['@octocat'], owns: ['apps/web/index.ts'], doesNotOwn: [] },
  ]

  it.each(documented)('$rule', ({ rule, owners, owns, doesNotOwn }) => {
    const file = upTo(rule)
    const line = GITHUB_EXAMPLE.indexOf(rule) + 1
    for (const path of owns) expect(brief(matchCodeowners(file, path)), path).toEqual({ owners, lines: [line] })
    for (const path of doesNotOwn) expect(matchCodeowners(file, path).rules.map((r) => r.line), path).not.toContain(line)
  })

  it('/apps/github without owners: the subdirectory is un-owned, the rest of /apps keeps @octocat', () => {
    expect(matchCodeowners(example, 'apps/github/workflow.yml')).toEqual({
      owners: [],
      rules: [{ line: 12, pattern: '/apps/github', section: null }],
    })
    expect(brief(matchCodeowners(example, 'apps/web/index.ts'))).toEqual({ owners: ['@octocat'], lines: [11] })
  })

  it('in the whole file, the last matching rule wins', () => {
    const outcomes = Object.fromEntries(
      [
        'README.md',
        'src/app.js',
        'main.go',
        'notes.txt',
        'build/logs/out.txt',
        'docs/getting-started.md',
        'docs/build-app/troubleshooting.md',
        'docs/logs/today.md',
        'services/apps/api.js',
        'scripts/deploy.sh',
      ].map((path) => [path, brief(matchCodeowners(example, path))]),
    )
    expect(outcomes).toEqual({
      'README.md': { owners: ['@global-owner1', '@global-owner2'], lines: [1] },
      'src/app.js': { owners: ['@js-owner'], lines: [2] },
      'main.go': { owners: ['docs@example.com'], lines: [3] },
      'notes.txt': { owners: ['@octo-org/octocats'], lines: [4] },
      // /build/logs/ is overtaken by **/logs further down.
      'build/logs/out.txt': { owners: ['@octocat'], lines: [10] },
      // docs/* is overtaken by /docs/ further down.
      'docs/getting-started.md': { owners: ['@doctocat'], lines: [8] },
      'docs/build-app/troubleshooting.md': { owners: ['@doctocat'], lines: [8] },
      'docs/logs/today.md': { owners: ['@octocat'], lines: [10] },
      'services/apps/api.js': { owners: ['@octocat'], lines: [7] },
      'scripts/deploy.sh': { owners: ['@doctocat', '@octocat'], lines: [9] },
    })
  })

  it('has no problems', () => {
    expect(example.problems).toEqual([])
    expect(example.rules).toHaveLength(12)
  })
})

describe('a GitLab CODEOWNERS file with sections', () => {
  const gitlab = parseCodeowners(
    [
      /* 1 */ '# Rules before any section form their own, unnamed section',
      /* 2 */ '* @admins',
      /* 3 */ '',
      /* 4 */ '[Documentation] @docs-team',
      /* 5 */ 'docs/',
      /* 6 */ '*.md @tech-writer',
      /* 7 */ 'README.md',
      /* 8 */ '',
      /* 9 */ '^[Frontend][2] @fe-lead @fe-dev',
      /* 10 */ '*.css',
      /* 11 */ '/app/assets/ @designer',
      /* 12 */ '',
      /* 13 */ '[Backend][3]',
      /* 14 */ '*.rb @ruby-team',
      /* 15 */ '/app/legacy/',
      /* 16 */ '',
      /* 17 */ '[DOCUMENTATION]',
      /* 18 */ '/guides/ @guides-team',
    ].join('\n'),
    'CODEOWNERS',
  )

  it('reads the sections with their options', () => {
    expect(gitlab.sections).toEqual([
      { name: 'Documentation', line: 4, optional: false, approvals: 1, defaultOwners: ['@docs-team'] },
      { name: 'Frontend', line: 9, optional: true, approvals: 2, defaultOwners: ['@fe-lead', '@fe-dev'] },
      { name: 'Backend', line: 13, optional: false, approvals: 3, defaultOwners: [] },
    ])
    expect(gitlab.problems).toEqual([])
  })

  it('each section picks its own last match; the owners of all sections add up, in section order', () => {
    expect(matchCodeowners(gitlab, 'app/models/user.rb')).toEqual({
      owners: ['@admins', '@ruby-team'],
      rules: [
        { line: 2, pattern: '*', section: null },
        { line: 14, pattern: '*.rb', section: 'Backend' },
      ],
    })
    expect(brief(matchCodeowners(gitlab, 'docs/intro.md'))).toEqual({ owners: ['@admins', '@tech-writer'], lines: [2, 6] })
  })

  it("rules without owners take the section's default owners", () => {
    expect(brief(matchCodeowners(gitlab, 'docs/images/logo.png'))).toEqual({ owners: ['@admins', '@docs-team'], lines: [2, 5] })
    expect(brief(matchCodeowners(gitlab, 'README.md'))).toEqual({ owners: ['@admins', '@docs-team'], lines: [2, 7] })
    expect(brief(matchCodeowners(gitlab, 'app/assets/site.css'))).toEqual({ owners: ['@admins', '@designer'], lines: [2, 11] })
    expect(brief(matchCodeowners(gitlab, 'src/theme.css'))).toEqual({ owners: ['@admins', '@fe-lead', '@fe-dev'], lines: [2, 10] })
  })

  it('a rule without owners in a section without defaults un-owns its paths in that section only', () => {
    expect(matchCodeowners(gitlab, 'app/legacy/old.rb')).toEqual({
      owners: ['@admins'],
      rules: [
        { line: 2, pattern: '*', section: null },
        { line: 15, pattern: '/app/legacy/', section: 'Backend' },
      ],
    })
  })

  it('a header repeated in another case adds to the first section', () => {
    expect(matchCodeowners(gitlab, 'guides/setup.md')).toEqual({
      owners: ['@admins', '@guides-team'],
      rules: [
        { line: 2, pattern: '*', section: null },
        { line: 18, pattern: '/guides/', section: 'Documentation' },
      ],
    })
  })

  it('lists an owner named by several sections once, whatever the case', () => {
    const file = parseCodeowners(['* @Alice @bob', '[A]', '*.ts @alice @carol', '[B]', 'src/ @BOB'].join('\n'), 'CODEOWNERS')
    expect(matchCodeowners(file, 'src/index.ts').owners).toEqual(['@Alice', '@bob', '@carol'])
  })
})

describe('declaredOwnersOfDirectory', () => {
  it('uses the rules that own the directory itself, not the rule for a file directly inside it', () => {
    const file = parseCodeowners(['* @everyone', 'src/api/*.ts @ts-owner', 'src/api/* @direct-files', '*.ts @ts'].join('\n'), 'CODEOWNERS')
    expect(matchCodeowners(file, 'src/api/index.ts').owners).toEqual(['@ts'])
    expect(brief(declaredOwnersOfDirectory(file, 'src/api'))).toEqual({ owners: ['@everyone'], lines: [1] })
  })

  it('treats the path as a directory: trailing-slash, anchored, globstar and catch-all rules', () => {
    const cases: readonly [rule: string, dir: string][] = [
      ['src/api/ @x', 'src/api'],
      ['/src/api @x', 'src/api'],
      ['src/** @x', 'src/api'],
      ['src/** @x', 'src'],
      ['api @x', 'lib/api'],
      ['* @x', 'src/api'],
    ]
    for (const [rule, dir] of cases) expect(declaredOwnersOfDirectory(parseCodeowners(rule, 'CODEOWNERS'), dir).owners, `${rule} on ${dir}`).toEqual(['@x'])
  })

  it('reads directories of the GitHub example', () => {
    const owners = (dir: string): readonly string[] => declaredOwnersOfDirectory(example, dir).owners
    expect(owners('apps/web')).toEqual(['@octocat'])
    expect(owners('apps/github')).toEqual([])
    expect(owners('docs')).toEqual(['@doctocat'])
    expect(owners('docs/build-app')).toEqual(['@doctocat'])
    expect(owners('build/logs')).toEqual(['@octocat'])
    expect(owners('src')).toEqual(['@global-owner1', '@global-owner2'])
  })

  it('takes the root as "" and ignores surrounding slashes', () => {
    expect(declaredOwnersOfDirectory(example, '').owners).toEqual(['@global-owner1', '@global-owner2'])
    expect(declaredOwnersOfDirectory(parseCodeowners('/src/ @x', 'CODEOWNERS'), '').owners).toEqual([])
    expect(declaredOwnersOfDirectory(example, '/apps/web/').owners).toEqual(['@octocat'])
  })

  it('is also exported as matchDirectory', () => {
    expect(matchDirectory).toBe(declaredOwnersOfDirectory)
  })
})

describe('matching many paths', () => {
  it('matches 50,000 paths against one parsed file (patterns are compiled once per file)', () => {
    const dirs = ['src', 'src/api', 'docs', 'docs/build-app', 'apps/github', 'apps/web', 'build/logs', 'scripts', 'deeply/nested/logs']
    const names = ['index.ts', 'main.go', 'app.js', 'notes.txt', 'README.md']
    let owned = 0
    for (let i = 0; i < 50_000; i++) {
      const path = `${dirs[i % dirs.length]}/${i}-${names[i % names.length]}`
      if (matchCodeowners(example, path).owners.length > 0) owned++
    }
    expect(owned).toBeGreaterThan(0)
  })
})

describe('last match, not most specific', () => {
  it('a broader rule further down overrides a narrower one above it', () => {
    const file = parseCodeowners(['/packages/web/ @web', '*.md @writers', '/packages/ @platform', '/packages/web/src/ @web-src'].join('\n'), 'CODEOWNERS')
    expect(brief(matchCodeowners(file, 'packages/web/index.ts'))).toEqual({ owners: ['@platform'], lines: [3] })
    expect(brief(matchCodeowners(file, 'packages/web/src/a.md'))).toEqual({ owners: ['@web-src'], lines: [4] })
    expect(brief(matchCodeowners(file, 'packages/web/README.md'))).toEqual({ owners: ['@platform'], lines: [3] })
    expect(brief(matchCodeowners(file, 'README.md'))).toEqual({ owners: ['@writers'], lines: [2] })
  })
})

describe('no match', () => {
  it('declares nobody when no rule matches', () => {
    expect(matchCodeowners(parseCodeowners('/src/ @x', 'CODEOWNERS'), 'docs/a.md')).toEqual({ owners: [], rules: [] })
    expect(matchCodeowners(parseCodeowners('', 'CODEOWNERS'), 'a')).toEqual({ owners: [], rules: [] })
  })
})
