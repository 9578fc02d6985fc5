import { describe, expect, it } from 'vitest'
import { CODEOWNERS_CANDIDATES, GITHUB_CODEOWNERS_LOCATIONS, GITLAB_CODEOWNERS_LOCATIONS, pickCodeownersFile } from './codeowners-locations'

describe('CODEOWNERS locations', () => {
  it('looks in the forge folders first, then the root, then docs/', () => {
    expect(CODEOWNERS_CANDIDATES).toEqual(['.github/CODEOWNERS', '.gitlab/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'])
  })

  it('uses the first candidate that exists', () => {
    expect(pickCodeownersFile(new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']))).toBe('.github/CODEOWNERS')
    expect(pickCodeownersFile(new Set(['docs/CODEOWNERS', '.gitlab/CODEOWNERS']))).toBe('.gitlab/CODEOWNERS')
    expect(pickCodeownersFile(new Set(['docs/CODEOWNERS', 'CODEOWNERS']))).toBe('CODEOWNERS')
    expect(pickCodeownersFile(new Set(['src/index.ts', 'docs/CODEOWNERS']))).toBe('docs/CODEOWNERS')
  })

  it('finds nothing when no candidate exists; names are case-sensitive and must sit exactly there', () => {
    expect(pickCodeownersFile(new Set())).toBeNull()
    expect(pickCodeownersFile(new Set(['codeowners', '.github/codeowners', 'src/CODEOWNERS', '/CODEOWNERS']))).toBeNull()
  })

  it("can follow one forge's own order when the caller knows the forge", () => {
    const both = new Set(['CODEOWNERS', '.gitlab/CODEOWNERS', '.github/CODEOWNERS'])
    expect(pickCodeownersFile(both, GITHUB_CODEOWNERS_LOCATIONS)).toBe('.github/CODEOWNERS')
    // GitLab prefers the root file over its own folder.
    expect(pickCodeownersFile(both, GITLAB_CODEOWNERS_LOCATIONS)).toBe('CODEOWNERS')
    // GitHub never reads .gitlab/.
    expect(pickCodeownersFile(new Set(['.gitlab/CODEOWNERS']), GITHUB_CODEOWNERS_LOCATIONS)).toBeNull()
  })
})
