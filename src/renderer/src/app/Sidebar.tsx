import { useAppInfo } from './app-info'
import { CoopMark } from './icons'
import { pages, type PageDef } from './pages'
import { pageHref } from './use-page-route'

export function Sidebar({ current }: { readonly current: PageDef }) {
  return (
    <aside className="sidebar">
      <div className="sidebar-inner">
        <div className="brand">
          <CoopMark />
          <span className="brand-name">Coop</span>
        </div>
        <nav className="nav" aria-label="Main">
          <ul>
            {pages.map((page) => {
              const Icon = page.icon
              const active = page.id === current.id
              return (
                <li key={page.id}>
                  <a
                    className={active ? 'nav-link nav-link--active' : 'nav-link'}
                    href={pageHref(page)}
                    aria-current={active ? 'page' : undefined}
                    data-testid={`nav-${page.id}`}
                  >
                    <Icon />
                    <span>{page.title}</span>
                  </a>
                </li>
              )
            })}
          </ul>
        </nav>
        <AppFooter />
      </div>
    </aside>
  )
}

const hostLabels = { electron: 'Desktop app', browser: 'Browser mode' } as const

function AppFooter() {
  const state = useAppInfo()
  if (state.kind !== 'ready') {
    return (
      <footer className="app-footer" data-testid="app-info" data-state={state.kind}>
        <span className="muted">{state.kind === 'loading' ? 'Connecting…' : 'Not connected'}</span>
      </footer>
    )
  }
  const { info } = state
  return (
    <footer className="app-footer" data-testid="app-info" data-state="ready">
      <p className="app-footer-title">
        <span data-testid="app-name">{info.name}</span> <span data-testid="app-version">{info.version}</span>
      </p>
      <dl className="app-footer-facts">
        <div>
          <dt>Host</dt>
          <dd data-testid="app-host" data-value={info.host}>
            {hostLabels[info.host]}
          </dd>
        </div>
        <div>
          <dt>Data</dt>
          <dd className="app-data-dir" data-testid="app-data-dir" title={info.dataDir}>
            {info.dataDir}
          </dd>
        </div>
      </dl>
    </footer>
  )
}
