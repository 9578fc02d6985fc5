import { useApi } from '../../api/api-context'
import { useResult } from '../../lib/use-result'
import { CodeResultBody } from './CodeResultBody'
import type { Neighbours } from './dep-graph-model'
import { DependencyGraph } from './DependencyGraph'
import { SectionCard } from './DetailSection'
import { loadNeighbours } from './load-neighbours'
import type { TopOwnerLoader } from './top-owner-loader'

interface DependencyGraphSectionProps {
  readonly repoId: number
  readonly path: string
  readonly revision: number
  readonly topOwners: TopOwnerLoader
  readonly onSelect: (path: string) => void
}

/** The file's imports and dependents as a graph that grows when a node is expanded. */
export function DependencyGraphSection({ repoId, path, revision, topOwners, onSelect }: DependencyGraphSectionProps) {
  const api = useApi()
  const [state, retry] = useResult(() => loadNeighbours(api, repoId, path), `${repoId}\0${path}`, revision)
  return (
    <SectionCard title="Dependencies" testId="deps-section" busy={state.kind === 'loading'} aside={state.kind === 'ok' && <DirectCounts neighbours={state.value} />}>
      <CodeResultBody state={state} onRetry={retry} what="dependencies">
        {(neighbours) => <DependencyGraph repoId={repoId} path={path} neighbours={neighbours} topOwners={topOwners} onSelect={onSelect} />}
      </CodeResultBody>
    </SectionCard>
  )
}

function DirectCounts({ neighbours }: { readonly neighbours: Neighbours }) {
  const files = neighbours.imports.files.length
  const packages = neighbours.imports.external.length
  const dependents = neighbours.dependents.files.length
  return (
    <div className="owner-facts">
      <span className="fact-chip" data-testid="deps-imports" data-files={files} data-packages={packages}>
        Imports <strong>{files}</strong> {files === 1 ? 'file' : 'files'}
        {packages > 0 && (
          <>
            {' '}
            and <strong>{packages}</strong> {packages === 1 ? 'package' : 'packages'}
          </>
        )}
      </span>
      <span className="fact-chip" data-testid="deps-dependents" data-value={dependents}>
        Imported by <strong>{dependents}</strong> {dependents === 1 ? 'file' : 'files'}
      </span>
    </div>
  )
}
