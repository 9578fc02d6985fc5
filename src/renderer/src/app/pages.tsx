import type { ComponentType } from 'react'
import { AskPage } from '../pages/ask/AskPage'
import { AuditPage } from '../pages/audit/AuditPage'
import { CompliancePage } from '../pages/compliance/CompliancePage'
import { ExplorePage } from '../pages/explore/ExplorePage'
import { ProvidersPage } from '../pages/providers/ProvidersPage'
import { RepositoriesPage } from '../pages/repositories/RepositoriesPage'
import { UsagePage } from '../pages/usage/UsagePage'
import { AskIcon, AuditIcon, ComplianceIcon, ExploreIcon, ProvidersIcon, RepositoriesIcon, UsageIcon } from './icons'

export interface PageDef {
  /** The address fragment: `#/<id>`. Stable; tests and links use it. */
  readonly id: string
  readonly title: string
  readonly icon: ComponentType
  readonly component: ComponentType
}

/** The sidebar, in order. Adding a page is one entry here. The first is the start page. */
export const pages: readonly [PageDef, ...PageDef[]] = [
  { id: 'repositories', title: 'Repositories', icon: RepositoriesIcon, component: RepositoriesPage },
  { id: 'explore', title: 'Explore', icon: ExploreIcon, component: ExplorePage },
  { id: 'ask', title: 'Ask', icon: AskIcon, component: AskPage },
  { id: 'providers', title: 'Providers', icon: ProvidersIcon, component: ProvidersPage },
  { id: 'usage', title: 'Usage', icon: UsageIcon, component: UsagePage },
  { id: 'audit', title: 'Audit', icon: AuditIcon, component: AuditPage },
  { id: 'compliance', title: 'Compliance', icon: ComplianceIcon, component: CompliancePage },
]

export function findPage(id: string): PageDef {
  return pages.find((page) => page.id === id) ?? pages[0]
}
