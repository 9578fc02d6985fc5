import type { EndpointFamily } from '../../shared/router-types'
import { CoopError } from '../errors/coop-error'
import { isLocalUrl } from '../providers/base-url'

/** What a request would have been: captured by a dry run instead of sending it. */
export interface CapturedRequest {
  readonly method: string
  readonly url: string
  readonly headers: Record<string, string>
  readonly body: string
}

export interface FetchGuard {
  /** The provider's origin: a request anywhere else (a redirect, a stray SDK call) is refused. */
  readonly origin: string
  /** Offline mode: only loopback and private addresses may be contacted. */
  readonly offline: boolean
  readonly blockedEndpoints: readonly EndpointFamily[]
  /** Drops the placeholder credential for servers that take no key. */
  readonly stripAuthorization: boolean
  /** Dry run: record the request and throw DryRunCapture instead of sending it. */
  readonly capture?: (request: CapturedRequest) => void
}

/** Thrown by a dry run's fetch once the request is captured: nothing was sent. */
export class DryRunCapture extends Error {
  constructor() {
    super('dry run: request captured, not sent')
    this.name = 'DryRunCapture'
  }
}

const FAMILY_PATHS: Readonly<Record<EndpointFamily, RegExp>> = {
  files: /\/files(\/|$)/,
  batches: /\/(messages\/)?batches(\/|$)/,
  'fine-tuning': /\/fine[_-]tuning(\/|$)/,
}

/**
 * The fetch every SDK call goes through. It refuses, before any socket exists, a request to another
 * origin, to a remote host in offline mode, or to a blocked endpoint family; redirects are errors, so
 * a response cannot send the request (and its key) somewhere else.
 */
export function guardedFetch(guard: FetchGuard): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin !== guard.origin) throw new CoopError('blocked', `Refused a request to ${url.origin}: this provider is configured for ${guard.origin}`)
    if (guard.offline && !isLocalUrl(url.href)) throw new CoopError('blocked', `Offline mode: refused a request to ${url.host}, which is not on this machine or network`)
    for (const family of guard.blockedEndpoints) {
      if (FAMILY_PATHS[family].test(url.pathname)) throw new CoopError('blocked', `The ${family} endpoints are blocked by policy (coop policy unblock ${family})`)
    }
    const headers = new Headers(init?.headers)
    if (guard.stripAuthorization) headers.delete('authorization')
    if (guard.capture) {
      guard.capture({ method: init?.method ?? 'GET', url: url.href, headers: Object.fromEntries(headers), body: typeof init?.body === 'string' ? init.body : '' })
      throw new DryRunCapture()
    }
    return fetch(url, { ...init, headers, redirect: 'error' })
  }
}
