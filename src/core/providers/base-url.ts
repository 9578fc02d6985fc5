import { BlockList, isIP } from 'node:net'
import { CoopError } from '../errors/coop-error'
import type { ProviderKind } from '../../shared/provider-kinds'

/**
 * Checks a provider base URL and returns it normalised (lower-case host, no trailing `/` after a bare
 * host). Error messages never repeat the URL: its user-info or query may hold a key or password.
 */
export function checkBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch (error) {
    throw new CoopError('invalid_input', 'The base URL is not a valid URL (like http://localhost:11434/v1)', {}, { cause: error })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    // The scheme is not echoed either: a pasted key can parse as one (`sk-…:…`).
    throw new CoopError('invalid_input', 'The base URL must start with http:// or https://')
  }
  if (url.username !== '' || url.password !== '') {
    throw new CoopError('invalid_input', 'The base URL must not contain a user name or password (user:password@host)')
  }
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    throw new CoopError('invalid_input', 'The base URL must not have a query (?…) or fragment (#…)')
  }
  return url.pathname === '/' ? url.origin : url.href
}

// Loopback, RFC 1918 and link-local addresses, IPv6 loopback, unique-local and link-local. BlockList
// also matches IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) against the IPv4 ranges.
const LOCAL_ADDRESSES = new BlockList()
LOCAL_ADDRESSES.addSubnet('0.0.0.0', 32, 'ipv4')
LOCAL_ADDRESSES.addSubnet('127.0.0.0', 8, 'ipv4')
LOCAL_ADDRESSES.addSubnet('10.0.0.0', 8, 'ipv4')
LOCAL_ADDRESSES.addSubnet('172.16.0.0', 12, 'ipv4')
LOCAL_ADDRESSES.addSubnet('192.168.0.0', 16, 'ipv4')
LOCAL_ADDRESSES.addSubnet('169.254.0.0', 16, 'ipv4')
LOCAL_ADDRESSES.addSubnet('::1', 128, 'ipv6')
LOCAL_ADDRESSES.addSubnet('fc00::', 7, 'ipv6')
LOCAL_ADDRESSES.addSubnet('fe80::', 10, 'ipv6')

/**
 * True when the URL's host is this machine or a private network address: `localhost` (and
 * `*.localhost`), a loopback or private IP. Host names are not resolved, so any other name counts as
 * remote — the safe side for a promise that nothing leaves the network.
 */
export function isLocalUrl(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const family = isIP(host)
  if (family === 0) return false
  return LOCAL_ADDRESSES.check(host, family === 4 ? 'ipv4' : 'ipv6')
}

/** Only self-hosted OpenAI-compatible servers can be local; the hosted kinds are remote whatever their URL. */
export function isLocalProvider(kind: ProviderKind, baseUrl: string | null): boolean {
  return kind === 'openai-compatible' && baseUrl !== null && isLocalUrl(baseUrl)
}
