import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import type { BridgeError } from '../../../../shared/result'
import { useApi } from '../../api/api-context'
import { highlightRuns, matchedIndices } from './path-match'

interface TreeFilterProps {
  readonly repoId: number
  readonly onChoose: (path: string) => void
}

type Found =
  | { readonly text: string; readonly kind: 'ok'; readonly paths: readonly string[] }
  | { readonly text: string; readonly kind: 'error'; readonly error: BridgeError }

const DEBOUNCE_MS = 150

/** "Find a file": fuzzy path search as you type (an @-mention picker); choosing a result reveals it in the tree. */
export function TreeFilter({ repoId, onChoose }: TreeFilterProps) {
  const api = useApi()
  const id = useId()
  const [text, setText] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const query = text.trim()

  useEffect(() => {
    if (query === '') return
    let live = true
    const timer = window.setTimeout(() => {
      void api.graph.search({ repoId, text: query, limit: 30 }).then((result) => {
        if (!live) return
        setFound(result.ok ? { text: query, kind: 'ok', paths: result.value.paths.map((p) => p.path) } : { text: query, kind: 'error', error: result.error })
        setActive(0)
      })
    }, DEBOUNCE_MS)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [api, repoId, query])

  const current = found && found.text === query ? found : null
  const paths = current?.kind === 'ok' ? current.paths : []
  const showList = open && query !== ''
  const listId = `${id}-results`
  const optionId = (i: number) => `${id}-option-${i}`

  function choose(path: string): void {
    onChoose(path)
    setText('')
    setOpen(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (paths.length > 0) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : -1) + paths.length) % paths.length)
    } else if (event.key === 'Enter') {
      const path = paths[active] ?? paths[0]
      if (showList && path !== undefined) {
        event.preventDefault()
        choose(path)
      }
    } else if (event.key === 'Escape') {
      if (showList) setOpen(false)
      else setText('')
    }
  }

  return (
    <div className="tree-filter">
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        Find a file
      </label>
      <input
        id={`${id}-input`}
        className="text-input text-input--search"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && paths.length > 0 ? optionId(active) : undefined}
        placeholder="Find a file…"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="explore-filter"
      />
      {showList && (
        <div className="filter-popup" data-testid="explore-filter-popup">
          {current === null ? (
            <p className="filter-note muted">Searching…</p>
          ) : current.kind === 'error' ? (
            <p className="filter-note field-error" role="alert">
              {current.error.message}
            </p>
          ) : paths.length === 0 ? (
            <p className="filter-note muted">No files match “{query}”</p>
          ) : null}
          <ul id={listId} role="listbox" aria-label="Matching files" className="filter-results">
            {paths.map((path, i) => (
              <li
                key={path}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'filter-option filter-option--active' : 'filter-option'}
                data-testid="filter-result"
                data-path={path}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(path)}
              >
                <HighlightedPath path={path} query={query} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function HighlightedPath({ path, query }: { readonly path: string; readonly query: string }) {
  const cut = path.lastIndexOf('/') + 1
  const indices = matchedIndices(query, path)
  const parts = [
    { className: 'filter-dir', runs: highlightRuns(path.slice(0, cut), indices.filter((i) => i < cut)) },
    { className: 'filter-name', runs: highlightRuns(path.slice(cut), indices.filter((i) => i >= cut).map((i) => i - cut)) },
  ]
  return (
    <span className="filter-path" title={path}>
      {parts.map((part) => (
        <span key={part.className} className={part.className}>
          {part.runs.map((run, i) => (run.matched ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
        </span>
      ))}
    </span>
  )
}
