/**
 * Where a repository keeps its CODEOWNERS file. Each forge reads the first file it finds in its own order:
 *   GitHub: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS
 *   GitLab: CODEOWNERS, docs/CODEOWNERS, .gitlab/CODEOWNERS
 * We do not know which forge hosts a clone, so one order serves both: a file in a forge's own folder is a
 * deliberate choice and comes first, then the locations both forges share. It agrees with each forge whenever a
 * repository has a single CODEOWNERS file, which is the common case.
 */
export const CODEOWNERS_CANDIDATES = ['.github/CODEOWNERS', '.gitlab/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

/** GitHub's own order, for a caller that knows the forge. */
export const GITHUB_CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const

/** GitLab's own order, for a caller that knows the forge. */
export const GITLAB_CODEOWNERS_LOCATIONS = ['CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const

/**
 * The CODEOWNERS file that applies, given the repository-relative paths that exist (only these candidates need to be
 * in the set). Paths are case-sensitive, as both forges require the exact name "CODEOWNERS".
 */
export function pickCodeownersFile(existing: ReadonlySet<string>, candidates: readonly string[] = CODEOWNERS_CANDIDATES): string | null {
  return candidates.find((path) => existing.has(path)) ?? null
}
