import { useId, useState, type ReactNode } from 'react'
import type { ImpactReport } from '../../../../shared/code-graph-types'
import { useApi } from '../../api/api-context'
import { formatShare } from '../../lib/bars'
import { formatCount } from '../../lib/format'
import { useResult } from '../../lib/use-result'
import { CodeResultBody } from './CodeResultBody'
import { SectionCard } from './DetailSection'
import { OwnerBadge } from './OwnerBadge'
import { PathLabel } from './PathLabel'

interface ImpactSectionProps {
  readonly repoId: number
  readonly path: string
  readonly revision: number
  readonly onSelect: (path: string) => void
}

/** Longer lists show this many until asked for the rest. */
const FIRST_ITEMS = 20
const FIRST_REASONS = 3

/** What a change to the file may touch: who depends on it, what changes with it, which tests, whom to tell; each with why. */
export function ImpactSection({ repoId, path, revision, onSelect }: ImpactSectionProps) {
  const api = useApi()
  const [state, retry] = useResult(() => api.code.impact({ repoId, path }), `${repoId}\0${path}`, revision)
  return (
    <SectionCard title="Impact of a change" testId="impact-section" busy={state.kind === 'loading'}>
      <CodeResultBody state={state} onRetry={retry} what="the impact of a change">
        {(report) => <ImpactGroups report={report} onSelect={onSelect} />}
      </CodeResultBody>
    </SectionCard>
  )
}

function ImpactGroups({ report, onSelect }: { readonly report: ImpactReport; readonly onSelect: (path: string) => void }) {
  const pathButton = (path: string) => (
    <button type="button" className="link-button path-button" onClick={() => onSelect(path)}>
      <PathLabel path={path} />
    </button>
  )
  return (
    <div className="impact">
      <ImpactGroup title="Dependents" testId="impact-dependents" items={report.dependents} empty="No file of the repository imports it.">
        {(item) => (
          <ImpactRow key={item.path} path={item.path} why={item.why} data={{ 'data-depth': item.depth }}>
            {pathButton(item.path)}
            <span className="impact-tag" title="Import steps between the two files">
              {item.depth === 1 ? 'direct' : `${item.depth} steps`}
            </span>
          </ImpactRow>
        )}
      </ImpactGroup>
      <ImpactGroup title="Changes with it" testId="impact-coupled" items={report.coupled} empty="No other file changes with it often enough to stand out.">
        {(item) => (
          <ImpactRow key={item.path} path={item.path} why={item.why} data={{ 'data-support': item.support, 'data-confidence': item.confidence }}>
            {pathButton(item.path)}
            <span className="impact-tag" title="Share of this file's commits that changed it too">
              {formatShare(item.confidence)} · {formatCount(item.support)} {item.support === 1 ? 'commit' : 'commits'}
            </span>
          </ImpactRow>
        )}
      </ImpactGroup>
      <ImpactGroup title="Tests" testId="impact-tests" items={report.tests} empty="No test file imports it or changes with it.">
        {(item) => (
          <ImpactRow key={item.path} path={item.path} why={item.why}>
            {pathButton(item.path)}
          </ImpactRow>
        )}
      </ImpactGroup>
      <ImpactGroup title="People to tell" testId="impact-people" items={report.notify} empty="Nobody owns it or its dependents in the indexed history.">
        {(person) => (
          <li key={person.email} className="impact-item" data-testid="impact-person" data-email={person.email}>
            <div className="impact-head">
              <OwnerBadge owner={person} />
              <span className="impact-person">
                <strong>{person.name || person.email}</strong> <span className="muted">{person.email}</span>
              </span>
            </div>
            <Reasons reasons={person.why} />
          </li>
        )}
      </ImpactGroup>
    </div>
  )
}

/** Shows a few reasons, and the rest on request: an owner of a widely imported file can have hundreds. */
function Reasons({ reasons }: { readonly reasons: readonly string[] }) {
  const [all, setAll] = useState(false)
  const shown = all ? reasons : reasons.slice(0, FIRST_REASONS)
  return (
    <>
      <ul className="impact-reasons">
        {shown.map((why, i) => (
          <li key={i} className="impact-why" data-testid="impact-why">
            {why}
          </li>
        ))}
      </ul>
      {shown.length < reasons.length && (
        <button type="button" className="link-button impact-more impact-more--reasons" onClick={() => setAll(true)} data-testid="impact-more-reasons">
          {formatCount(reasons.length - shown.length)} more {reasons.length - shown.length === 1 ? 'reason' : 'reasons'}
        </button>
      )}
    </>
  )
}

interface ImpactGroupProps<T> {
  readonly title: string
  readonly testId: string
  readonly items: readonly T[]
  readonly empty: string
  readonly children: (item: T) => ReactNode
}

function ImpactGroup<T>({ title, testId, items, empty, children }: ImpactGroupProps<T>) {
  const id = useId()
  const [all, setAll] = useState(false)
  const shown = all ? items : items.slice(0, FIRST_ITEMS)
  return (
    <section className="impact-group" aria-labelledby={id} data-testid={testId} data-count={items.length}>
      <h4 id={id} className="column-title">
        {title} <span className="impact-count">{formatCount(items.length)}</span>
      </h4>
      {items.length === 0 ? (
        <p className="section-note muted" data-testid="impact-empty">
          {empty}
        </p>
      ) : (
        <ul className="impact-list">{shown.map(children)}</ul>
      )}
      {shown.length < items.length && (
        <button type="button" className="link-button impact-more" onClick={() => setAll(true)}>
          Show all {formatCount(items.length)}
        </button>
      )}
    </section>
  )
}

interface ImpactRowProps {
  readonly path: string
  readonly why: string
  readonly data?: Readonly<Record<`data-${string}`, string | number>>
  readonly children: ReactNode
}

function ImpactRow({ path, why, data, children }: ImpactRowProps) {
  return (
    <li className="impact-item" data-testid="impact-item" data-path={path} {...data}>
      <div className="impact-head">{children}</div>
      <p className="impact-why" data-testid="impact-why">
        {why}
      </p>
    </li>
  )
}
