/**
 * Quick open's ranking of a whole folder per keystroke, the same rows as `rank` in fuzzy.ts
 * (same scores, same order, same highlighted positions) at a cost that fits in a frame with
 * 100,000 titles:
 * - every title and path is lower-cased once, when quick open opens, and pinyin once per title;
 * - a keystroke scores without allocating, and keeps only the best rows (no sort of every match);
 * - a query that extends the previous one searches only what matched before: a subsequence of
 *   the longer query is one of the shorter, and one typo away from it is either an exact match
 *   of the shorter or one typo away from it too;
 * - a typo is looked for with one pass over a text, not one pass per misspelling;
 * - positions are worked out for the rows shown only.
 */
import { bestMatch, fuzzy, isWordStart, needleOf, oneTypoAway, rank, subsequence, type Matcher, type Ranked } from './fuzzy'
import { pinyinOf } from './pinyin'

export interface Titled {
  path: string
  title: string | null
}

/** An article's texts in this order, with these weights: title, path, pinyin initials, pinyin syllables. */
const WEIGHTS: readonly number[] = [1, 0.8, 0.9, 0.85]
const SLOTS = WEIGHTS.length
const TYPO_MIN_LENGTH = 4

/** What the last keystroke matched, for narrowing the next one. */
interface Narrowed {
  needle: string
  pinyin: boolean
  /** Indexes of the items matching exactly (ascending). */
  exact: Int32Array
  /** Indexes matching exactly or with one typo (ascending), when typos were looked for. */
  loose: Int32Array | null
}

/** The `limit` best (score, order) pairs: the highest score, then the lowest order, first. */
class Best {
  private readonly scores: number[] = []
  private readonly orders: number[] = []

  constructor(private readonly limit: number) {}

  /** True when (a, i) ranks below (b, j). */
  private static worse(a: number, i: number, b: number, j: number): boolean {
    return a < b || (a === b && i > j)
  }

  offer(score: number, order: number): void {
    const { scores, orders } = this
    if (scores.length < this.limit) {
      scores.push(score)
      orders.push(order)
      this.up(scores.length - 1)
    } else if (this.limit > 0 && Best.worse(scores[0] as number, orders[0] as number, score, order)) {
      scores[0] = score
      orders[0] = order
      this.down(0)
    }
  }

  /** The kept orders, best first. */
  ranked(): number[] {
    const at = this.orders.map((_, k) => k)
    at.sort((a, b) => (this.scores[b] as number) - (this.scores[a] as number) || (this.orders[a] as number) - (this.orders[b] as number))
    return at.map((k) => this.orders[k] as number)
  }

  // A binary heap with the worst pair on top.
  private swap(a: number, b: number): void {
    const { scores, orders } = this
    ;[scores[a], scores[b]] = [scores[b] as number, scores[a] as number]
    ;[orders[a], orders[b]] = [orders[b] as number, orders[a] as number]
  }

  private worseAt(a: number, b: number): boolean {
    return Best.worse(this.scores[a] as number, this.orders[a] as number, this.scores[b] as number, this.orders[b] as number)
  }

  private up(k: number): void {
    while (k > 0) {
      const parent = (k - 1) >> 1
      if (!this.worseAt(k, parent)) return
      this.swap(k, parent)
      k = parent
    }
  }

  private down(k: number): void {
    const n = this.scores.length
    for (;;) {
      const left = 2 * k + 1
      const right = left + 1
      let worst = k
      if (left < n && this.worseAt(left, worst)) worst = left
      if (right < n && this.worseAt(right, worst)) worst = right
      if (worst === k) return
      this.swap(k, worst)
      k = worst
    }
  }
}

/** Below every score: no match. */
const NO_MATCH = -Infinity

/** `subsequence(needle, hay).score` without building its positions; NO_MATCH when it does not match. */
function subsequenceScore(needle: string, hay: string, lower: string): number {
  const at = lower.indexOf(needle)
  if (at !== -1) return 100 + needle.length * 10 + (isWordStart(hay, at) ? 30 : 0) - Math.min(at, 30)
  let score = 0
  let from = 0
  let first = -1
  for (let k = 0; k < needle.length; k++) {
    const i = lower.indexOf(needle[k] as string, from)
    if (i === -1) return NO_MATCH
    score += first !== -1 && from === i ? 8 : isWordStart(hay, i) ? 6 : 1
    if (first === -1) first = i
    from = i + 1
  }
  return score - Math.min(first, 20) / 2
}

/**
 * Whether `needle` with one character left out, or two neighbours swapped, is a subsequence of
 * `lower`: what `fuzzy` looks for when the needle itself is not. A swapped variant that matches
 * has the variant without its first swapped character inside it, so looking for one left out is
 * enough: one pass from each end finds where every prefix of the needle ends at the earliest and
 * every suffix starts at the latest, and some character must fit between the two.
 */
function oneTypoMatches(needle: string, lower: string, starts: Int32Array): boolean {
  const n = needle.length
  // starts[j]: where needle[j, n) can start at the latest (-1: it does not match); room for n + 1.
  starts[n] = lower.length
  for (let j = n - 1; j >= 0; j--) {
    const next = starts[j + 1] as number
    starts[j] = next <= 0 ? -1 : lower.lastIndexOf(needle[j] as string, next - 1)
  }
  // end: where needle[0, i) leaves off at the earliest.
  let end = 0
  for (let i = 0; i < n; i++) {
    if (end <= (starts[i + 1] as number)) return true
    const at = lower.indexOf(needle[i] as string, end)
    if (at === -1) return false
    end = at + 1
  }
  return false
}

/**
 * The characters of a lower-cased text as 32 bits: a to z one bit each, every other character in
 * one of six shared bits. A needle's bits missing from a text's rule out a match at once: all of
 * them for an exact one, more than one for a typo (which leaves out one character at most).
 */
function charBits(lower: string): number {
  let bits = 0
  for (let k = 0; k < lower.length; k++) {
    const code = lower.charCodeAt(k)
    bits |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6))
  }
  return bits
}

/** A surrogate in the needle: its characters are not one UTF-16 unit each, the plain path is taken. */
const SURROGATE = /[\uD800-\uDFFF]/

/** Quick open's searchable texts of the items it was made for, and the last keystroke's matches. */
export class TitleIndex<T extends Titled> {
  /**
   * Per slot (title, path, initials, syllables) every item's text as given, and lower-cased. An
   * item without pinyin has '' there, which no needle matches, as if the text were not there.
   */
  private readonly hays: string[][]
  private readonly lowers: string[][]
  /** charBits of each text, SLOTS per item. */
  private readonly bits: Int32Array
  private readonly bonuses: Float64Array
  /** 0 … n-1: every item a keystroke that narrows nothing looks at. */
  private readonly everyone: Int32Array
  private pinyinFilled = false
  private last: Narrowed | null = null

  /** `items` in the order shown on an empty query; `bonus` is added to an item's score (recency). */
  constructor(
    readonly items: readonly T[],
    bonus: (item: T) => number = () => 0,
  ) {
    const titles = items.map((item) => item.title ?? '')
    const paths = items.map((item) => item.path)
    const none = items.map(() => '')
    this.hays = [titles, paths, none, [...none]]
    this.lowers = [titles.map((t) => t.toLowerCase()), paths.map((p) => p.toLowerCase()), [...none], [...none]]
    this.bits = new Int32Array(items.length * SLOTS)
    items.forEach((_, i) => this.setBits(i))
    this.bonuses = Float64Array.from(items, bonus)
    this.everyone = Int32Array.from(items, (_, i) => i)
  }

  private setBits(i: number): void {
    for (let slot = 0; slot < SLOTS; slot++) this.bits[i * SLOTS + slot] = charBits((this.lowers[slot] as string[])[i] as string)
  }

  private fillPinyin(): void {
    if (this.pinyinFilled) return
    this.pinyinFilled = true
    const [titles, , initials, full] = this.hays as [string[], string[], string[], string[]]
    const [, , lowerInitials, lowerFull] = this.lowers as [string[], string[], string[], string[]]
    titles.forEach((title, i) => {
      const spoken = pinyinOf(title)
      if (!spoken) return
      initials[i] = spoken.initials
      lowerInitials[i] = spoken.initials.toLowerCase()
      full[i] = spoken.full
      lowerFull[i] = spoken.full.toLowerCase()
      this.setBits(i)
    })
  }

  /** The texts `rank` weighs for item i. */
  private textsOf(i: number, slots: number): [string, number][] {
    return this.hays.slice(0, slots).map((texts, slot) => [texts[i] as string, WEIGHTS[slot] as number])
  }

  /** Calls `found` with each candidate that matches `needle` exactly, and its score as `rank` has it. */
  private exactEach(candidates: ArrayLike<number>, needle: string, slots: number, found: (i: number, score: number) => void): void {
    const { hays, lowers, bits, bonuses } = this
    const wanted = charBits(needle)
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k] as number
      let best = NO_MATCH
      for (let slot = 0; slot < slots; slot++) {
        // A character of the needle missing from the text: no need to look.
        if ((wanted & ~(bits[i * SLOTS + slot] as number)) !== 0) continue
        const score = subsequenceScore(needle, (hays[slot] as string[])[i] as string, (lowers[slot] as string[])[i] as string) * (WEIGHTS[slot] as number)
        if (score > best) best = score
      }
      if (best !== NO_MATCH) found(i, best + (bonuses[i] as number))
    }
  }

  /** Calls `found` with each candidate one typo away from `needle` (not an exact match), and its score. */
  private typoEach(candidates: ArrayLike<number>, needle: string, slots: number, found: (i: number, score: number) => void): void {
    const { hays, lowers, bits, bonuses } = this
    const wanted = charBits(needle)
    const variants = oneTypoAway(needle)
    const starts = new Int32Array(needle.length + 1)
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k] as number
      let best = NO_MATCH
      for (let slot = 0; slot < slots; slot++) {
        const missing = wanted & ~(bits[i * SLOTS + slot] as number)
        // A typo leaves out one character at most.
        if ((missing & (missing - 1)) !== 0) continue
        const hay = (hays[slot] as string[])[i] as string
        const lower = (lowers[slot] as string[])[i] as string
        if (!oneTypoMatches(needle, lower, starts)) continue
        let score = NO_MATCH
        for (const variant of variants) score = Math.max(score, subsequenceScore(variant, hay, lower))
        score = (score / 2 - 20) * (WEIGHTS[slot] as number)
        if (score > best) best = score
      }
      if (best !== NO_MATCH) found(i, best + (bonuses[i] as number))
    }
  }

  /**
   * The best `limit` rows for the typed text, as `rank` orders them; with `pinyin`, the pinyin of
   * Chinese titles is matched too (the first such keystroke looks up every title's).
   */
  rank(text: string, pinyin: boolean, limit: number): Ranked<T>[] {
    const { items } = this
    const needle = needleOf(text)
    if (needle === '') return items.slice(0, limit).map((item) => ({ item, score: 0, positions: [] }))
    if (pinyin) this.fillPinyin()
    const slots = pinyin ? SLOTS : 2
    if (SURROGATE.test(needle)) {
      this.last = null
      const indexes = items.map((_, i) => i)
      return rank(
        indexes,
        text,
        (i) => this.textsOf(i, slots),
        limit,
        (i) => this.bonuses[i] as number,
      ).map((row) => ({ ...row, item: items[row.item] as T }))
    }
    const previous = this.last && this.last.pinyin === pinyin && needle.startsWith(this.last.needle) ? this.last : null
    const n = items.length
    const best = new Best(limit)
    const exact: number[] = []
    this.exactEach(previous ? previous.exact : this.everyone, needle, slots, (i, score) => {
      exact.push(i)
      best.offer(score, i)
    })

    let loose: Int32Array | null = null
    if (exact.length < limit && needle.length >= TYPO_MIN_LENGTH) {
      const isExact = new Uint8Array(n)
      for (const i of exact) isExact[i] = 1
      const typos: number[] = []
      const candidates = (previous?.loose ?? this.everyone).filter((i) => !isExact[i])
      this.typoEach(candidates, needle, slots, (i, score) => {
        typos.push(i)
        best.offer(score, n + i)
      })
      loose = Int32Array.from([...exact, ...typos]).sort()
    }
    this.last = { needle, pinyin, exact: Int32Array.from(exact), loose }

    return best.ranked().map((order) => {
      const i = order % n
      const match: Matcher = order < n ? subsequence : fuzzy
      const found = bestMatch(needle, this.textsOf(i, slots), match) as NonNullable<ReturnType<typeof bestMatch>>
      return { item: items[i] as T, score: found.score + (this.bonuses[i] as number), positions: found.positions }
    })
  }
}
