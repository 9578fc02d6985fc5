import { useEffect, useRef, useState } from 'react'
import type { TreeNode } from '../../../../shared/graph-types'
import type { RepoSummary } from '../../../../shared/types'
import { DetailsPanel } from './DetailsPanel'
import type { ExploreView } from './explore-route'
import { FileTree, type ScrollTarget } from './FileTree'
import { HotspotsView } from './HotspotsView'
import { SymbolsView } from './SymbolsView'
import { findNode, parentDir, type TreeCache } from './tree-model'
import { TreeFilter } from './TreeFilter'
import { useFileTree } from './use-file-tree'
import { useTopOwnerLoader } from './use-top-owner-loader'

interface ExploreWorkspaceProps {
  readonly repo: RepoSummary
  /** The selection; '' is the repository itself. */
  readonly path: string
  readonly view: ExploreView
  /** The name searched in the Symbols view; '' before any search. */
  readonly symbolName: string
  readonly revision: number
  readonly onNavigate: (to: { readonly path: string; readonly view: ExploreView }) => void
  readonly onSearchSymbol: (name: string) => void
}

/**
 * One repository's tree and details (or its hotspots, or its symbols). The tree lives here, so switching
 * to another view and back keeps what was open; the page keys this by repository, so another one starts afresh.
 */
export function ExploreWorkspace({ repo, path, view, symbolName, revision, onNavigate, onSearchSymbol }: ExploreWorkspaceProps) {
  const tree = useFileTree(repo.id, revision)
  const topOwners = useTopOwnerLoader(repo.id, revision)
  const { reveal } = tree
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null)
  const nonce = useRef(0)

  // Whatever chose the selection (a click, the search, a hotspot, the address), open its folders and show it.
  useEffect(() => {
    if (view !== 'files') return
    let live = true
    void reveal(path).then((found) => {
      if (live && found && path !== '') setScrollTarget({ path, nonce: ++nonce.current })
    })
    return () => {
      live = false
    }
  }, [path, view, reveal])

  const select = (to: string) => onNavigate({ path: to, view: 'files' })

  if (view === 'hotspots') return <HotspotsView repoId={repo.id} revision={revision} onSelect={select} />
  if (view === 'symbols') return <SymbolsView repoId={repo.id} name={symbolName} revision={revision} onSearch={onSearchSymbol} onSelect={select} />

  return (
    <div className="explore-layout">
      <div className="card card--flush tree-panel">
        <TreeFilter repoId={repo.id} onChoose={select} />
        <FileTree tree={tree} label={`Files of ${repo.name}`} selected={path} onSelect={select} scrollTarget={scrollTarget} />
      </div>
      <DetailsPanel key={path} repo={repo} path={path} node={nodeOf(tree.cache, path)} revision={revision} topOwners={topOwners} onSelect={select} />
    </div>
  )
}

/** The selected entry; undefined while its folder loads, null when the folder (or the entry) is not there. */
function nodeOf(cache: TreeCache, path: string): TreeNode | null | undefined {
  if (path === '') return undefined
  const found = findNode(cache, path)
  if (found) return found
  const parent = cache.get(parentDir(path))
  if (parent?.kind === 'loaded') return null
  if (parent?.kind === 'failed' && parent.error.code === 'not_found') return null
  // An ancestor further up may be missing, leaving this folder unloaded for good.
  const missingAbove = [...cache.entries()].some(
    ([dir, state]) => state.kind === 'failed' && state.error.code === 'not_found' && (dir === '' || path.startsWith(`${dir}/`)),
  )
  return missingAbove ? null : undefined
}
