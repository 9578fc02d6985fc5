import { PLACEHOLDER_PATTERN } from './redaction-ledger'
import { SPECIFICITY_RANK, type SecretRule } from './secret-rule'

/** A span to replace and the rule it is reported under. */
export interface SecretSpan {
  readonly start: number
  readonly end: number
  readonly rule: string
}

interface Candidate extends SecretSpan {
  readonly rank: number
}

/** Inline base64 (images, documents) is data, not text: a token-shaped run inside it would be a false match that corrupts the file. */
const DATA_URL = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/=]+/g

/**
 * A finder for a set of rules: give it a text, it returns every secret as non-overlapping spans in text order.
 * Rules whose anchors do not occur are not run. Where finds overlap, the span covers all of them (no part of a
 * secret is left showing) and is reported under the winner: the longest find, then the most specific rule.
 * Existing placeholders are never touched, so a second pass changes nothing.
 */
export function createSecretFinder(rules: readonly SecretRule[]): (text: string) => SecretSpan[] {
  const anchorsIn = anchorScanner(rules.flatMap((rule) => rule.anchors))
  return (text) => {
    const present = anchorsIn(text)
    const reserved = reservedSpans(text)
    const candidates: Candidate[] = []
    for (const rule of rules) {
      if (rule.anchors.length > 0 && !rule.anchors.some((anchor) => present.has(anchor))) continue
      for (const found of rule.find(text)) {
        const candidate = { start: found.start, end: found.end, rule: found.rule ?? rule.id, rank: SPECIFICITY_RANK[rule.specificity] }
        if (!reserved.some((span) => overlaps(span, candidate))) candidates.push(candidate)
      }
    }
    return mergeOverlaps(candidates)
  }
}

/**
 * Which anchors occur in a text, in one pass of one regex: eight times faster than an `includes` per anchor, and
 * most texts hold none. Longest anchors are tried first and the scan moves on by one character, so an anchor
 * that starts inside another's match (`AKIAIza…`) or is a prefix of it (`sk-` of `sk-ant-`) is still seen.
 */
function anchorScanner(anchors: readonly string[]): (text: string) => Set<string> {
  const distinct = [...new Set(anchors)].sort((a, b) => b.length - a.length)
  if (distinct.length === 0) return () => new Set()
  const pattern = new RegExp(distinct.map((anchor) => anchor.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g')
  const prefixes = new Map(distinct.map((anchor) => [anchor, distinct.filter((other) => anchor.startsWith(other))]))
  return (text) => {
    const present = new Set<string>()
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      for (const anchor of prefixes.get(match[0]) ?? []) present.add(anchor)
      pattern.lastIndex = match.index + 1
    }
    return present
  }
}

function reservedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  for (const [pattern, anchor] of [[PLACEHOLDER_PATTERN, '[REDACTED:'], [DATA_URL, ';base64,']] as const) {
    if (!text.includes(anchor)) continue
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return spans
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

function beats(a: Candidate, b: Candidate): boolean {
  const length = a.end - a.start - (b.end - b.start)
  return length !== 0 ? length > 0 : a.rank > b.rank
}

function mergeOverlaps(candidates: Candidate[]): SecretSpan[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: SecretSpan[] = []
  let cluster: { start: number; end: number; winner: Candidate } | undefined
  for (const candidate of candidates) {
    if (cluster && candidate.start < cluster.end) {
      cluster.end = Math.max(cluster.end, candidate.end)
      if (beats(candidate, cluster.winner)) cluster.winner = candidate
      continue
    }
    if (cluster) merged.push({ start: cluster.start, end: cluster.end, rule: cluster.winner.rule })
    cluster = { start: candidate.start, end: candidate.end, winner: candidate }
  }
  if (cluster) merged.push({ start: cluster.start, end: cluster.end, rule: cluster.winner.rule })
  return merged
}
