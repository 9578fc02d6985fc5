import type { ComplianceReport } from '../../shared/router-types'
import type { Logger } from '../log/logger'
import type { Policy } from './policy-service'

/**
 * The compliance check the app and `coop serve` run as they start: blocked providers and stale
 * verifications go to the log (ids and finding codes only), so a reviewer can see when they were known.
 */
export async function runStartupCheck(policy: Policy, logger: Logger): Promise<ComplianceReport | null> {
  try {
    const report = await policy.check()
    const count = (severity: string) => report.findings.filter((f) => f.severity === severity).length
    logger.log(report.blockedProviders.length > 0 ? 'warn' : 'info', 'compliance check at start-up', {
      critical: count('critical'),
      warnings: count('warning'),
      blocked: report.blockedProviders,
      findings: report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.provider}:${f.code}`),
    })
    return report
  } catch (error) {
    logger.log('error', 'compliance check at start-up failed', { error })
    return null
  }
}
