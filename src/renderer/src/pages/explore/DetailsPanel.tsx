import type { TreeNode } from '../../../../shared/graph-types'
import type { RepoSummary } from '../../../../shared/types'
import { formatBytes, formatCount } from '../../lib/format'
import { BlameSection } from './BlameSection'
import { CouplingSection } from './CouplingSection'
import { DependencyGraphSection } from './DependencyGraphSection'
import { HistorySection } from './HistorySection'
import { ImpactSection } from './ImpactSection'
import { OwnersSection } from './OwnersSection'
import type { TopOwnerLoader } from './top-owner-loader'
import { ancestorDirs, baseName } from './tree-model'

interface DetailsPanelProps {
  readonly repo: RepoSummary
  /** '' for the repository itself. */
  readonly path: string
  /** The tree's entry for the path: undefined while its folder loads, null when HEAD has no such path. */
  readonly node: TreeNode | null | undefined
  readonly revision: number
  /** Leading owners for colouring the dependency graph, kept across selections. */
  readonly topOwners: TopOwnerLoader
  readonly onSelect: (path: string) => void
}

/** The right-hand column: what the selected file or folder is, and its sections, each loading on its own. */
export function DetailsPanel({ repo, path, node, revision, topOwners, onSelect }: DetailsPanelProps) {
  const type = path === '' ? 'dir' : node?.type
  return (
    <div className="details" aria-label="Details" role="region" data-testid="explore-details" data-path={path} data-type={type ?? ''}>
      <header className="details-header">
        {path !== '' && (
          <nav className="breadcrumb" aria-label="Folders">
            <ol>
              {[{ label: repo.name, path: '' }, ...ancestorDirs(path).map((dir) => ({ label: baseName(dir), path: dir }))].map((crumb) => (
                <li key={crumb.path}>
                  <button type="button" className="link-button" onClick={() => onSelect(crumb.path)}>
                    {crumb.label}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        )}
        <h2 className="details-title" data-testid="details-title" title={path || repo.path}>
          {path === '' ? repo.name : baseName(path)}
        </h2>
        <p className="details-meta muted">{describe(repo, path, node)}</p>
      </header>
      {node === null ? (
        <div className="card empty" data-testid="details-missing">
          <p className="empty-title">Not in the repository</p>
          <p>
            <code>{path}</code> is not in {repo.name} at the indexed commit. It may have been moved or deleted.
          </p>
        </div>
      ) : (
        <>
          <OwnersSection repoId={repo.id} path={path} revision={revision} />
          {type && <HistorySection repoId={repo.id} path={path} type={type} revision={revision} />}
          {type === 'file' && <CouplingSection repoId={repo.id} path={path} revision={revision} onSelect={onSelect} />}
          {type === 'file' && <DependencyGraphSection repoId={repo.id} path={path} revision={revision} topOwners={topOwners} onSelect={onSelect} />}
          {type === 'file' && <ImpactSection repoId={repo.id} path={path} revision={revision} onSelect={onSelect} />}
          {type === 'file' && <BlameSection repoId={repo.id} path={path} />}
        </>
      )}
    </div>
  )
}

function describe(repo: RepoSummary, path: string, node: TreeNode | null | undefined): string {
  if (path === '') return `Repository · ${formatCount(repo.filesAtHead)} files at HEAD · ${formatCount(repo.commits)} commits`
  if (node === undefined) return 'Loading…'
  if (node === null) return path
  if (node.type === 'dir') return `Folder · ${formatCount(node.fileCount)} ${node.fileCount === 1 ? 'file' : 'files'}`
  const parts = ['File', node.language, node.size === null ? null : formatBytes(node.size), node.kind && node.kind !== 'source' ? node.kind : null]
  return parts.filter(Boolean).join(' · ')
}
