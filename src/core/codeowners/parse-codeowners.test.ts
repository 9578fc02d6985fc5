import { describe, expect, it } from 'vitest'
import { parseCodeowners } from './parse-codeowners'

const lines = (...text: string[]): string => text.join('\n')

describe('parseCodeowners', () => {
  it('reads a pattern followed by owners: @user, @org/team, email; with the line number', () => {
    const file = parseCodeowners(lines('*.js @js-owner', '', '/docs/ @octo-org/writers docs@example.com'), '.github/CODEOWNERS')
    expect(file).toEqual({
      source: '.github/CODEOWNERS',
      rules: [
        { line: 1, pattern: '*.js', owners: ['@js-owner'], ownersFromSection: false, section: null },
        { line: 3, pattern: '/docs/', owners: ['@octo-org/writers', 'docs@example.com'], ownersFromSection: false, section: null },
      ],
      sections: [],
      problems: [],
    })
  })

  it('skips comments and blank lines, and allows a comment after the owners', () => {
    const file = parseCodeowners(lines('# owners', '   ', '\t# indented comment', '*.js @js-owner #This is an inline comment.'), 'CODEOWNERS')
    expect(file.rules.map(({ line, pattern, owners }) => ({ line, pattern, owners }))).toEqual([{ line: 4, pattern: '*.js', owners: ['@js-owner'] }])
  })

  it('keeps a pattern with no owners: it declares the paths explicitly un-owned', () => {
    const file = parseCodeowners(lines('/apps/ @octocat', '/apps/github'), 'CODEOWNERS')
    expect(file.rules[1]).toEqual({ line: 2, pattern: '/apps/github', owners: [], ownersFromSection: false, section: null })
  })

  it('reads `\\#` at the start as a pattern and `\\ ` as a space inside it, keeping the text as written', () => {
    const file = parseCodeowners(lines('\\#notes.md @a', 'my\\ file.txt @b', 'trailing\\  @c'), 'CODEOWNERS')
    expect(file.rules.map(({ pattern, owners }) => [pattern, owners])).toEqual([
      ['\\#notes.md', ['@a']],
      ['my\\ file.txt', ['@b']],
      ['trailing\\ ', ['@c']],
    ])
  })

  it('accepts Windows line endings, tabs between owners and a byte-order mark', () => {
    const file = parseCodeowners('\uFEFF*.md\t@a\t@b\r\n/src/ @c\r\n', 'CODEOWNERS')
    expect(file.rules.map(({ line, pattern, owners }) => ({ line, pattern, owners }))).toEqual([
      { line: 1, pattern: '*.md', owners: ['@a', '@b'] },
      { line: 2, pattern: '/src/', owners: ['@c'] },
    ])
  })

  it('reports unreadable lines as problems and leaves them out, as GitHub skips them', () => {
    const file = parseCodeowners(lines('* @ok', '*.js js-owner', '!vendor/ @a', '/ @a', 'a//b @a', '[z-a].txt @a', '*.md @good @bad!'), 'CODEOWNERS')
    expect(file.rules.map((rule) => rule.line)).toEqual([1])
    expect(file.problems).toEqual([
      { line: 2, message: '"js-owner" is not an owner (expected @user, @org/team or an email)' },
      { line: 3, message: 'Negated pattern "!vendor/" is not supported in CODEOWNERS' },
      { line: 4, message: 'Pattern "/" matches nothing' },
      { line: 5, message: 'Pattern "a//b" has an empty path segment ("//")' },
      { line: 6, message: 'Pattern "[z-a].txt" has an invalid character class' },
      { line: 7, message: '"@bad!" is not an owner (expected @user, @org/team or an email)' },
    ])
  })

  describe('GitLab sections', () => {
    it('puts the rules under a `[Section]` header into that section; rules before any header have none', () => {
      const file = parseCodeowners(lines('* @everyone', '[Documentation]', 'docs/ @docs-team', '[Backend API]', 'api/ @api-team'), 'CODEOWNERS')
      expect(file.rules.map(({ pattern, section }) => [pattern, section])).toEqual([
        ['*', null],
        ['docs/', 'Documentation'],
        ['api/', 'Backend API'],
      ])
      expect(file.sections).toEqual([
        { name: 'Documentation', line: 2, optional: false, approvals: 1, defaultOwners: [] },
        { name: 'Backend API', line: 4, optional: false, approvals: 1, defaultOwners: [] },
      ])
    })

    it('reads optional sections `^[Section]` and required approvals `[Section][2]`', () => {
      const file = parseCodeowners(lines('^[Style]', '*.css @designers', '[Security][2]', 'auth/ @security', '^[Both][3] @x'), 'CODEOWNERS')
      expect(file.sections.map(({ name, optional, approvals }) => ({ name, optional, approvals }))).toEqual([
        { name: 'Style', optional: true, approvals: 1 },
        { name: 'Security', optional: false, approvals: 2 },
        { name: 'Both', optional: true, approvals: 3 },
      ])
    })

    it("gives rules that name no owners the section's default owners `[Section] @a @b`", () => {
      const file = parseCodeowners(lines('[Docs] @docs-team @writer', 'docs/', 'README.md @owner', '[Plain]', 'vendor/'), 'CODEOWNERS')
      expect(file.sections[0]?.defaultOwners).toEqual(['@docs-team', '@writer'])
      expect(file.rules.map(({ pattern, owners, ownersFromSection }) => ({ pattern, owners, ownersFromSection }))).toEqual([
        { pattern: 'docs/', owners: ['@docs-team', '@writer'], ownersFromSection: true },
        { pattern: 'README.md', owners: ['@owner'], ownersFromSection: false },
        // No owners and no defaults: explicitly un-owned within its section.
        { pattern: 'vendor/', owners: [], ownersFromSection: false },
      ])
    })

    it('merges headers that differ only in case into the first one; defaults follow the header above each rule', () => {
      const file = parseCodeowners(lines('[Docs] @a', 'docs/', '[Other]', 'x/ @x', '[DOCS] @b', 'guides/'), 'CODEOWNERS')
      expect(file.sections.map((section) => section.name)).toEqual(['Docs', 'Other'])
      expect(file.rules.map(({ pattern, section, owners }) => [pattern, section, owners])).toEqual([
        ['docs/', 'Docs', ['@a']],
        ['x/', 'Other', ['@x']],
        ['guides/', 'Docs', ['@b']],
      ])
    })

    it('reads GitLab groups, subgroups and roles as owners, and a comment after a header', () => {
      const file = parseCodeowners(lines('[Infra] @gitlab-org/infra/sre @@maintainer # platform'), 'CODEOWNERS')
      expect(file.sections[0]?.defaultOwners).toEqual(['@gitlab-org/infra/sre', '@@maintainer'])
      expect(file.problems).toEqual([])
    })

    it('does not take a pattern starting with a character class for a header', () => {
      const file = parseCodeowners(lines('[Tt]ests/ @qa'), 'CODEOWNERS')
      expect(file.sections).toEqual([])
      expect(file.rules[0]).toMatchObject({ pattern: '[Tt]ests/', owners: ['@qa'] })
    })

    it('reports bad headers but keeps reading', () => {
      const file = parseCodeowners(lines('[Ops][two] @ops nobody', 'ops/', '[ ]', 'more/'), 'CODEOWNERS')
      expect(file.sections).toEqual([{ name: 'Ops', line: 1, optional: false, approvals: 1, defaultOwners: ['@ops'] }])
      expect(file.rules.map(({ pattern, section, owners }) => [pattern, section, owners])).toEqual([
        ['ops/', 'Ops', ['@ops']],
        ['more/', 'Ops', ['@ops']],
      ])
      expect(file.problems).toEqual([
        { line: 1, message: '"nobody" is not an owner (expected @user, @org/team or an email)' },
        { line: 1, message: 'Approvals "[two]" is not a positive whole number; using 1' },
        { line: 3, message: 'Section header has no name; the rules below stay in the previous section' },
      ])
    })
  })
})
