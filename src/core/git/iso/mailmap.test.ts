import { describe, expect, it } from 'vitest'
import { FixtureRepo } from '../../../../test/helpers/git-fixture'
import { Mailmap, mailmapBlobLines, mailmapFileLines } from './mailmap'

function mapped(text: string, name: string, email: string): { name: string; email: string } {
  return new Mailmap().addText(text).map({ name, email })
}

describe('Mailmap', () => {
  it('reads the four line forms', () => {
    const text = [
      'Proper Name <commit@one>',
      '<proper@two> <commit@two>',
      'Proper Three <proper@three> <commit@three>',
      'Proper Four <proper@four> Commit Four <commit@four>',
    ].join('\n')
    expect(mapped(text, 'x', 'commit@one')).toEqual({ name: 'Proper Name', email: 'commit@one' })
    expect(mapped(text, 'x', 'commit@two')).toEqual({ name: 'x', email: 'proper@two' })
    expect(mapped(text, 'x', 'commit@three')).toEqual({ name: 'Proper Three', email: 'proper@three' })
    expect(mapped(text, 'Commit Four', 'commit@four')).toEqual({ name: 'Proper Four', email: 'proper@four' })
    // The name-and-email form only applies to that name.
    expect(mapped(text, 'Someone Else', 'commit@four')).toEqual({ name: 'Someone Else', email: 'commit@four' })
    expect(mapped(text, 'x', 'unknown@x')).toEqual({ name: 'x', email: 'unknown@x' })
  })

  it('matches emails and names case-insensitively (ASCII), keeping the proper spelling', () => {
    const text = 'Ada <ada@example.com> ADA L <Ada@Old.Example>\n'
    expect(mapped(text, 'ada l', 'ada@OLD.example')).toEqual({ name: 'Ada', email: 'ada@example.com' })
    // strcasecmp folds ASCII only: É and é are different letters to git.
    expect(mapped('Émile <e@x> ÉMILE <old@x>', 'émile', 'old@x')).toEqual({ name: 'émile', email: 'old@x' })
  })

  it('prefers an entry naming the commit name over the email-only entry', () => {
    const text = ['Linus T <linus@example.com> <linus@work>', 'Linus Work <linus@example.com> Linus Bot <linus@work>'].join('\n')
    expect(mapped(text, 'Linus Bot', 'linus@work')).toEqual({ name: 'Linus Work', email: 'linus@example.com' })
    expect(mapped(text, 'Linus', 'LINUS@WORK')).toEqual({ name: 'Linus T', email: 'linus@example.com' })
  })

  it('skips comments and malformed lines, trims names but not emails, and lets later lines win', () => {
    const text = [
      '# Old <old@x>',
      'no brackets here',
      'Empty <>',
      '   Spaced   Name   < spaced@x >',
      'First <first@x>',
      'Second <first@x>',
      'Trailing <t@x> # a comment after the address',
    ].join('\n')
    const map = new Mailmap().addText(text)
    expect(map.map({ name: 'x', email: 'old@x' })).toEqual({ name: 'x', email: 'old@x' })
    expect(map.map({ name: 'x', email: ' spaced@x ' })).toEqual({ name: 'Spaced   Name', email: ' spaced@x ' })
    expect(map.map({ name: 'x', email: 'first@x' })).toEqual({ name: 'Second', email: 'first@x' })
    expect(map.map({ name: 'x', email: 't@x' })).toEqual({ name: 'Trailing', email: 't@x' })
  })

  it('maps only the email when the entry gives no name, and nothing for a bare address', () => {
    expect(mapped('<new@x> Old Name <old@x>', 'Old Name', 'old@x')).toEqual({ name: 'Old Name', email: 'new@x' })
    expect(mapped('<only@x>', 'Name', 'only@x')).toEqual({ name: 'Name', email: 'only@x' })
  })

  it('splits work-tree files like fgets into a 1024-byte buffer, blobs at newlines only', () => {
    const long = `${'n'.repeat(1100)} <long@x>\n`
    expect(mailmapFileLines(Buffer.from(long)).length).toBe(2)
    expect(mailmapBlobLines(Buffer.from(long))).toEqual([long.slice(0, -1), ''])
    expect(mailmapFileLines(Buffer.from('A <a@x>\r\nB <b@x>'))).toEqual(['A <a@x>\r\n', 'B <b@x>'])
  })

  it('agrees with git check-mailmap', () => {
    const text = [
      '# team',
      'Proper Name <commit@one>',
      '<proper@two> <commit@two>',
      'Proper Three <proper@three> <Commit@Three>',
      'Proper Four <proper@four> Commit Four <commit@four>',
      'Linus T <linus@example.com> <linus@work>',
      'Linus Work <linus@example.com> Linus Bot <linus@work>',
      'Later <commit@one>',
      '<new@x> Old Name <old@x>',
      'Émile <e@x> ÉMILE <old@e>',
      '',
    ].join('\n')
    const repo = FixtureRepo.create().write('.mailmap', text)
    const map = new Mailmap().addText(text)
    const people = [
      ['x', 'commit@one'], ['x', 'COMMIT@two'], ['y', 'commit@three'], ['Commit Four', 'commit@four'], ['commit four', 'Commit@Four'],
      ['Other', 'commit@four'], ['Linus Bot', 'linus@work'], ['Linus', 'linus@WORK'], ['Old Name', 'old@x'], ['old name', 'old@x'],
      ['Nobody', 'nobody@x'], ['ÉMILE', 'old@e'], ['émile', 'old@e'],
    ] as const
    for (const [name, email] of people) {
      const mappedByGit = repo.git('check-mailmap', `${name} <${email}>`)
      const ours = map.map({ name, email })
      expect(`${ours.name} <${ours.email}>`).toBe(mappedByGit)
    }
  })
})
