import { useSyncExternalStore } from 'react'
import { findPage, type PageDef } from './pages'

/**
 * The page named by the address fragment (`#/repositories`). A fragment works the same over coop://
 * in Electron and over http:// in browser mode, and needs no server routes.
 */
export function usePageRoute(): PageDef {
  const hash = useSyncExternalStore(subscribeToHash, readHash)
  return findPage(pageIdOf(hash))
}

export function pageHref(page: PageDef): string {
  return `#/${page.id}`
}

export function pageIdOf(hash: string): string {
  return hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? ''
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function readHash(): string {
  return window.location.hash
}
