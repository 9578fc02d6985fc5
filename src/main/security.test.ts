import { describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, hardenSession, isAllowedExternalUrl } from './security'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://github.com/x',
    'https://gitlab.com/group/project/-/merge_requests/1',
    'https://bitbucket.org/team/repo',
    'https://docs.anthropic.com/en/api',
    'https://platform.openai.com/api-keys',
    'https://GitHub.com/x',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://github.com/x',
    'https://evil.com',
    'https://github.com.evil.com/x',
    'https://evilgithub.com/x',
    'https://github.com@evil.com/x',
    'https://user:pass@github.com/x',
    'https://github.com:8443/x',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'coop://app/index.html',
    'data:text/html,<script>alert(1)</script>',
    '//github.com/x',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('refuses values that are not strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false)
    expect(isAllowedExternalUrl({ href: 'https://github.com' })).toBe(false)
  })
})

describe('contentSecurityPolicy', () => {
  it('is strict in production', () => {
    expect(contentSecurityPolicy('production')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    )
  })

  it('only relaxes inline scripts for the dev server', () => {
    const dev = contentSecurityPolicy('development')
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("object-src 'none'")
  })
})

describe('hardenSession', () => {
  function fakeSession() {
    return {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    }
  }

  it('denies every permission request and check', () => {
    const session = fakeSession()
    hardenSession(session as never, 'csp')
    const onRequest = session.setPermissionRequestHandler.mock.calls[0]?.[0]
    const onCheck = session.setPermissionCheckHandler.mock.calls[0]?.[0]
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      onRequest({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(onCheck({}, permission, 'coop://app', {})).toBe(false)
    }
  })

  it('puts our CSP on every response, replacing any the server sent', () => {
    const session = fakeSession()
    hardenSession(session as never, "default-src 'self'")
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0]
    const callback = vi.fn()
    onHeaders(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      callback,
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] },
    })
  })
})
