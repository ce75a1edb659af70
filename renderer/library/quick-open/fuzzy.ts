/**
 * Fuzzy matching for quick open and the command palette: the query's characters in order
 * (not necessarily adjacent) in a candidate, scored so runs of adjacent characters, word starts
 * and an early start rank first. When the characters are not all there, one typo is forgiven
 * (a missing, extra or swapped character) at a lower score.
 */

export interface FuzzyMatch {
  score: number
  /** Indexes (UTF-16) of the matched characters in the candidate, for highlighting. */
  positions: number[]
}

const SEPARATOR = /[\s/_\-.·,，、:：()（）[\]]/
/** ASCII separators of SEPARATOR by code: tab to carriage return, space, ( ) , - . / : [ ] _. */
const ASCII_SEPARATOR = new Set([9, 10, 11, 12, 13, 32, 40, 41, 44, 45, 46, 47, 58, 91, 93, 95])
const isAsciiUpper = (code: number) => code >= 65 && code <= 90

/** A separator before it, or an upper-case letter after a character that is not (camelCase). */
export function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true
  const beforeCode = text.charCodeAt(i - 1)
  const hereCode = text.charCodeAt(i)
  // The same rule without a regular expression or two strings for ASCII, where every keystroke
  // of quick open asks it many times.
  if (beforeCode < 128 && hereCode < 128) return ASCII_SEPARATOR.has(beforeCode) || (!isAsciiUpper(beforeCode) && isAsciiUpper(hereCode))
  const before = text[i - 1] as string
  const here = text[i] as string
  return SEPARATOR.test(before) || (before === before.toLowerCase() && here !== here.toLowerCase())
}

/** Subsequence match of `needle` (already lower-cased) in `hay`; null when absent. */
export function subsequence(needle: string, hay: string): FuzzyMatch | null {
  if (needle.length === 0) return { score: 0, positions: [] }
  return subsequenceIn(needle, hay, hay.toLowerCase())
}

/** `subsequence` of a non-empty needle, with the hay's lower case given. */
function subsequenceIn(needle: string, hay: string, lower: string): FuzzyMatch | null {
  // Prefer a contiguous occurrence: it is what a person typing a substring means.
  const at = lower.indexOf(needle)
  if (at !== -1) {
    const positions = Array.from({ length: needle.length }, (_, k) => at + k)
    return { score: 100 + needle.length * 10 + (isWordStart(hay, at) ? 30 : 0) - Math.min(at, 30), positions }
  }
  const positions: number[] = []
  let score = 0
  let from = 0
  for (const char of needle) {
    const i = lower.indexOf(char, from)
    if (i === -1) return null
    const adjacent = positions.length > 0 && positions[positions.length - 1] === i - 1
    score += adjacent ? 8 : isWordStart(hay, i) ? 6 : 1
    positions.push(i)
    from = i + 1
  }
  return { score: score - Math.min(positions[0] ?? 0, 20) / 2, positions }
}

/** The query with one character left out, or two neighbours swapped: the typos forgiven. */
export function oneTypoAway(needle: string): string[] {
  const variants = new Set<string>()
  for (let i = 0; i < needle.length; i++) variants.add(needle.slice(0, i) + needle.slice(i + 1))
  for (let i = 0; i + 1 < needle.length; i++) variants.add(needle.slice(0, i) + needle[i + 1] + needle[i] + needle.slice(i + 2))
  variants.delete(needle)
  return [...variants].filter((v) => v.length > 0)
}

/** One of `oneTypoAway(needle)`: its text, and where the needle was changed (one left out at `at`, or `at` and the next swapped). */
export interface Typo {
  text: string
  swapped: boolean
  at: number
}

/** `oneTypoAway(needle)` in its order, each with where it changed the needle. */
export function typosOf(needle: string): Typo[] {
  const seen = new Set<string>([needle, ''])
  const typos: Typo[] = []
  const take = (text: string, swapped: boolean, at: number) => {
    if (seen.has(text)) return
    seen.add(text)
    typos.push({ text, swapped, at })
  }
  for (let i = 0; i < needle.length; i++) take(needle.slice(0, i) + needle.slice(i + 1), false, i)
  for (let i = 0; i + 1 < needle.length; i++) take(needle.slice(0, i) + needle[i + 1] + needle[i] + needle.slice(i + 2), true, i)
  return typos
}

/**
 * Where the needle's prefixes end at the earliest in `lower` (ends[i] for needle[0, i); -1: it
 * does not fit) and its suffixes start at the latest (starts[j] for needle[j, n); -1: it does not
 * fit): with them, whether a typo variant is a subsequence takes two lookups at most (`fits`),
 * not a pass of its own. Each is room for needle.length + 1 numbers.
 */
export function typoBounds(needle: string, lower: string, ends: Int32Array, starts: Int32Array): void {
  const n = needle.length
  starts[n] = lower.length
  for (let j = n - 1; j >= 0; j--) {
    const next = starts[j + 1] as number
    starts[j] = next <= 0 ? -1 : lower.lastIndexOf(needle[j] as string, next - 1)
  }
  ends[0] = 0
  for (let i = 0; i < n; i++) {
    const end = ends[i] as number
    const at = end === -1 ? -1 : lower.indexOf(needle[i] as string, end)
    ends[i + 1] = at === -1 ? -1 : at + 1
  }
}

/** Whether any typo variant is a subsequence of `lower`, from its `typoBounds`: one with a character left out is, if any is. */
export function anyFits(needle: string, ends: Int32Array, starts: Int32Array): boolean {
  for (let i = 0; i < needle.length; i++) {
    const end = ends[i] as number
    if (end !== -1 && end <= (starts[i + 1] as number)) return true
  }
  return false
}

/** Whether the typo variant is a subsequence of `lower`, from its `typoBounds`. */
export function fits(typo: Typo, needle: string, lower: string, ends: Int32Array, starts: Int32Array): boolean {
  const end = ends[typo.at] as number
  if (end === -1) return false
  if (!typo.swapped) return end <= (starts[typo.at + 1] as number)
  // Swapped at i, it holds the variant with i + 1 left out: when that one does not fit, no lookup.
  const next = ends[typo.at + 1] as number
  if (next === -1 || next > (starts[typo.at + 2] as number)) return false
  const first = lower.indexOf(needle[typo.at + 1] as string, end)
  if (first === -1) return false
  const second = lower.indexOf(needle[typo.at] as string, first + 1)
  return second !== -1 && second + 1 <= (starts[typo.at + 2] as number)
}

/**
 * The last needle's typo variants and room for their bounds: quick open reads each listed row
 * against every text of it with the same needle, a hundred or so calls a keystroke.
 */
let typosFor = ''
let typos: Typo[] = []
let ends = new Int32Array(0)
let starts = new Int32Array(0)

/** A typo-tolerant match: exact subsequence first, else one typo (queries of 4+ characters). */
export function fuzzy(needle: string, hay: string): FuzzyMatch | null {
  if (needle.length === 0) return { score: 0, positions: [] }
  const lower = hay.toLowerCase()
  const exact = subsequenceIn(needle, hay, lower)
  if (exact || needle.length < 4) return exact
  if (typosFor !== needle) {
    typos = typosOf(needle)
    typosFor = needle
    ends = new Int32Array(needle.length + 1)
    starts = new Int32Array(needle.length + 1)
  }
  // Only the variants that fit are matched (most fit nowhere): the same best, found first.
  typoBounds(needle, lower, ends, starts)
  if (!anyFits(needle, ends, starts)) return null
  let best: FuzzyMatch | null = null
  for (const typo of typos) {
    if (!fits(typo, needle, lower, ends, starts)) continue
    const found = subsequenceIn(typo.text, hay, lower)
    if (found && (!best || found.score > best.score)) best = found
  }
  return best ? { score: best.score / 2 - 20, positions: best.positions } : null
}

export interface Ranked<T> {
  item: T
  score: number
  /** Positions in the candidate text that matched (title or label). */
  positions: number[]
}

export type Matcher = (needle: string, hay: string) => FuzzyMatch | null

/**
 * The best weighted match of `needle` among an item's texts (the first on a tie), with the
 * positions kept for the text of weight 1 only (the one shown); null when none matches.
 */
export function bestMatch(needle: string, texts: readonly (readonly [text: string, weight: number])[], match: Matcher): FuzzyMatch | null {
  let best: FuzzyMatch | null = null
  for (const [text, weight] of texts) {
    const found = match(needle, text)
    if (!found) continue
    const score = found.score * weight
    if (!best || score > best.score) best = { score, positions: weight === 1 ? found.positions : [] }
  }
  return best
}

/** The needle `rank` matches for a typed query: trimmed, lower case, runs of spaces as one. */
export function needleOf(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ')
}

/**
 * The best `limit` items for the query, best first. `texts` gives each item's searchable texts
 * (title, path, pinyin initials …) with a weight; `bonus` adds to an item's score (recency).
 * A typo is only looked for when too few items match exactly.
 */
export function rank<T>(
  items: readonly T[],
  query: string,
  texts: (item: T) => readonly (readonly [text: string, weight: number])[],
  limit: number,
  bonus: (item: T) => number = () => 0,
): Ranked<T>[] {
  const needle = needleOf(query)
  const scoreWith = (match: Matcher, item: T): Ranked<T> | null => {
    const best = bestMatch(needle, texts(item), match)
    return best ? { item, score: best.score + bonus(item), positions: best.positions } : null
  }
  const found: Ranked<T>[] = []
  for (const item of items) {
    const hit = scoreWith(subsequence, item)
    if (hit) found.push(hit)
  }
  if (found.length < limit && needle.length >= 4) {
    const exact = new Set(found.map((f) => f.item))
    for (const item of items) {
      if (exact.has(item)) continue
      const hit = scoreWith(fuzzy, item)
      if (hit) found.push(hit)
    }
  }
  return found.sort((a, b) => b.score - a.score).slice(0, limit)
}
