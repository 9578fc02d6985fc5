import { useRef, type KeyboardEvent } from 'react'
import type { ExploreView } from './explore-route'

const tabs: readonly { readonly view: ExploreView; readonly label: string }[] = [
  { view: 'files', label: 'Files' },
  { view: 'hotspots', label: 'Hotspots' },
  { view: 'symbols', label: 'Symbols' },
]

interface ExploreTabsProps {
  readonly view: ExploreView
  readonly panelId: string
  readonly tabId: (view: ExploreView) => string
  readonly onChange: (view: ExploreView) => void
}

/** Files | Hotspots | Symbols, as an ARIA tab list: arrow keys move between the tabs. */
export function ExploreTabs({ view, panelId, tabId, onChange }: ExploreTabsProps) {
  const buttons = useRef(new Map<ExploreView, HTMLButtonElement>())
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const at = tabs.findIndex((tab) => tab.view === view)
    const next = tabs[(at + (event.key === 'ArrowRight' ? 1 : -1) + tabs.length) % tabs.length]
    if (!next) return
    onChange(next.view)
    buttons.current.get(next.view)?.focus()
  }
  return (
    <div className="tabs" role="tablist" aria-label="Explore views" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.view}
          ref={(element) => {
            if (element) buttons.current.set(tab.view, element)
            else buttons.current.delete(tab.view)
          }}
          id={tabId(tab.view)}
          type="button"
          role="tab"
          className={tab.view === view ? 'tab tab--active' : 'tab'}
          aria-selected={tab.view === view}
          aria-controls={panelId}
          tabIndex={tab.view === view ? 0 : -1}
          onClick={() => onChange(tab.view)}
          data-testid={`explore-tab-${tab.view}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
