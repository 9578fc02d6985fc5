/**
 * Automation accounts whose commits are not anyone's work: dependency bots, CI, release tooling.
 * Recognised by the GitHub "[bot]" convention and by well-known names; left out of ownership by default.
 */
const BOT_NAMES = [
  'dependabot',
  'renovate',
  'github-actions',
  'greenkeeper',
  'snyk-bot',
  'mergify',
  'semantic-release-bot',
  'allcontributors',
  'pre-commit-ci',
  'imgbot',
  'codecov',
  'gitlab-bot',
  'azure-pipelines',
  'web-flow',
  'copilot-swe-agent',
] as const

export function isBot(name: string, email: string): boolean {
  const n = name.trim().toLowerCase()
  const e = email.trim().toLowerCase()
  if (n.endsWith('[bot]') || e.includes('[bot]')) return true
  const local = e.split('@')[0] ?? ''
  return BOT_NAMES.some((bot) => n === bot || n.startsWith(`${bot} `) || local === bot || local.endsWith(`+${bot}`) || local === `${bot}-bot`)
}
