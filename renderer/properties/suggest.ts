/**
 * Suggestions for a chip or a value: the folder's values for this key, most used first, matched
 * fuzzily (the letters typed, in order; a match at the start or in one run ranks higher).
 */
import type { ValueCount } from '../../shared/schema'

const MAX_SHOWN = 8

/** 0 when `query` is not a subsequence of `value`; higher is a better match. */
export function matchScore(value: string, query: string): number {
  if (query === '') return 1
  const v = value.toLocaleLowerCase()
  const q = query.toLocaleLowerCase()
  const at = v.indexOf(q)
  if (at === 0) return 4
  if (at > 0) return 3
  let i = 0
  for (const c of v) if (c === q[i] && ++i === q.length) return 1
  return 0
}

export function suggest(values: readonly ValueCount[], choices: readonly string[], query: string, taken: readonly string[]): string[] {
  const skip = new Set(taken)
  const q = query.trim()
  const scored: { value: string; score: number; count: number; order: number }[] = []
  const seen = new Set<string>()
  const consider = (value: string, count: number, order: number) => {
    if (skip.has(value) || seen.has(value) || value === q) return
    seen.add(value)
    const score = matchScore(value, q)
    if (score > 0) scored.push({ value, score, count, order })
  }
  // The schema file's choices come first among equals: they are what the author asked for.
  choices.forEach((c, i) => consider(c, Number.MAX_SAFE_INTEGER, i))
  values.forEach((v, i) => consider(v.value, v.count, choices.length + i))
  scored.sort((a, b) => b.score - a.score || b.count - a.count || a.order - b.order)
  return scored.slice(0, MAX_SHOWN).map((s) => s.value)
}
