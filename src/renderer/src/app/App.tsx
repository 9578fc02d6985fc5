import { useEffect, useRef } from 'react'
import { useAppInfo } from './app-info'
import { Sidebar } from './Sidebar'
import { usePageRoute } from './use-page-route'

export function App() {
  const page = usePageRoute()
  const info = useAppInfo()
  const main = useRef<HTMLElement>(null)
  const shownPage = useRef(page.id)
  const Page = page.component

  useEffect(() => {
    document.title = `${page.title} · Coop Desktop`
    // After navigating (not on first load), start reading and tabbing from the new page.
    if (shownPage.current !== page.id) main.current?.focus()
    shownPage.current = page.id
  }, [page])

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <Sidebar current={page} />
      <main className="content" ref={main} tabIndex={-1} data-testid={`page-${page.id}`}>
        {info.kind === 'failed' && (
          <div className="banner banner--error" role="alert" data-testid="connection-error" data-code={info.error.code}>
            <p>
              <strong>Coop is not reachable.</strong> {info.error.message}
            </p>
          </div>
        )}
        {/* Signed out of browser mode: every call would fail the same way, so the notice stands alone. */}
        {!(info.kind === 'failed' && info.error.code === 'forbidden') && <Page key={page.id} />}
      </main>
    </div>
  )
}
