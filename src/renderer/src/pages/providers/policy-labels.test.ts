import { describe, expect, it } from 'vitest'
import type { ComplianceFinding } from '../../../../shared/router-types'
import { sortFindings } from './policy-labels'

const finding = (severity: ComplianceFinding['severity'], code: string): ComplianceFinding => ({ provider: 'p', severity, code, message: code })

describe('findings', () => {
  it('put what blocks first and keep core’s order within a severity', () => {
    const sorted = sortFindings([finding('info', 'a'), finding('warning', 'b'), finding('critical', 'c'), finding('warning', 'd'), finding('critical', 'e')])
    expect(sorted.map((f) => f.code)).toEqual(['c', 'e', 'b', 'd', 'a'])
  })
})
