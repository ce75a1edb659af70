/**
 * Quick open's ranking of a whole folder per keystroke, the same rows as `rank` in fuzzy.ts
 * (same scores, same order, same highlighted positions) at a cost that fits in a frame with
 * 100,000 titles:
 * - every title and path is lower-cased once, when quick open opens; pinyin is never worked out
 *   here, only taken from what the idle-time warm-up knows (pinyin.ts);
 * - each kind of text (titles, paths, initials, syllables) is also kept as one string, so the
 *   articles holding the query as a run are found by the engine's own indexOf, without a call
 *   per article; a run outscores any scattered match (see `contiguousOutranks`), so when runs
 *   fill the list the scattered matches are not looked for at all;
 * - a keystroke scores only the candidates a character index gives (char-index.ts: the items
 *   holding every character of the needle, or all but one for a typo), never every item;
 * - a keystroke keeps only the best rows (no sort of every match);
 * - a query that extends the previous one also leaves out what did not match before: a subsequence of
 *   the longer query is one of the shorter, and one typo away from it is either an exact match
 *   of the shorter or one typo away from it too;
 * - a typo is looked for with one pass over a text, not one pass per misspelling;
 * - positions are worked out for the rows shown only.
 */
import { bestMatch, fuzzy, isWordStart, needleOf, oneTypoAway, rank, subsequence, type Matcher, type Ranked } from './fuzzy'
import { add, CharIndex, membersOf, type Bitset } from './char-index'
import { knownPinyin, pinyinVersion } from './pinyin'

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
  /** The items matching exactly. */
  exact: Bitset
  /** The items matching exactly or with one typo, when typos were looked for. */
  loose: Bitset | null
}

/** The items in both sets (`a` changed in place and returned); `but`: leaving those out. */
function intersect(a: Bitset, b: Bitset | null, but: Bitset | null = null): Bitset {
  for (let w = 0; w < a.length; w++) a[w] = (a[w] as number) & (b ? (b[w] as number) : -1) & (but ? ~(but[w] as number) : -1)
  return a
}

function bitsetOf(items: readonly number[], n: number): Bitset {
  const set = new Uint32Array((n + 31) >>> 5)
  for (const i of items) add(set, i)
  return set
}

/**
 * The `limit` best (score, order) pairs: the highest score, then the lowest order, first. An order
 * below `where.length` is kept once: offered again with a higher score, its pair is raised.
 */
class Best {
  private readonly scores: number[] = []
  private readonly orders: number[] = []

  /** `where[order]`: the pair's place in the heap, -1 when not kept; all -1 again after `ranked`. */
  constructor(
    private readonly limit: number,
    private readonly where: Int32Array,
  ) {}

  /** True when (a, i) ranks below (b, j). */
  private static worse(a: number, i: number, b: number, j: number): boolean {
    return a < b || (a === b && i > j)
  }

  offer(score: number, order: number): void {
    const { scores, orders, where } = this
    const kept = order < where.length ? (where[order] as number) : -1
    if (kept !== -1) {
      if (score > (scores[kept] as number)) {
        scores[kept] = score
        this.down(kept)
      }
    } else if (scores.length < this.limit) {
      scores.push(score)
      orders.push(order)
      this.place(scores.length - 1)
      this.up(scores.length - 1)
    } else if (this.limit > 0 && Best.worse(scores[0] as number, orders[0] as number, score, order)) {
      this.forget(orders[0] as number)
      scores[0] = score
      orders[0] = order
      this.place(0)
      this.down(0)
    }
  }

  /** The lowest kept score once `limit` are kept, else -Infinity: what a new pair must reach. */
  floor(): number {
    return this.scores.length < this.limit ? -Infinity : (this.scores[0] as number)
  }

  /** Whether a pair (score, order) would be kept if offered now. */
  takes(score: number, order: number): boolean {
    return this.scores.length < this.limit || Best.worse(this.scores[0] as number, this.orders[0] as number, score, order)
  }

  /** Forgets every kept pair (a ranking stopped half way leaves `where` as it found it). */
  clear(): void {
    for (const order of this.orders) this.forget(order)
    this.scores.length = 0
    this.orders.length = 0
  }

  /** The kept orders, best first. */
  ranked(): number[] {
    for (const order of this.orders) this.forget(order)
    const at = this.orders.map((_, k) => k)
    at.sort((a, b) => (this.scores[b] as number) - (this.scores[a] as number) || (this.orders[a] as number) - (this.orders[b] as number))
    return at.map((k) => this.orders[k] as number)
  }

  private place(k: number): void {
    const order = this.orders[k] as number
    if (order < this.where.length) this.where[order] = k
  }

  private forget(order: number): void {
    if (order < this.where.length) this.where[order] = -1
  }

  // A binary heap with the worst pair on top.
  private swap(a: number, b: number): void {
    const { scores, orders } = this
    ;[scores[a], scores[b]] = [scores[b] as number, scores[a] as number]
    ;[orders[a], orders[b]] = [orders[b] as number, orders[a] as number]
    this.place(a)
    this.place(b)
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

/** Candidates looked at between two yields of a ranking: well under a millisecond of work. */
const CHUNK = 1024

/** A ranking's steps: it yields between chunks of work, so its caller can stop for a frame and come back; it returns the rows. */
export type Ranking<T> = Generator<void, Ranked<T>[], void>

/** A surrogate in the needle: its characters are not one UTF-16 unit each, the plain path is taken. */
const SURROGATE = /[\uD800-\uDFFF]/

/** The slots by weight, heaviest first: runs there fill the list soonest. */
const SLOT_ORDER: readonly number[] = [0, 2, 3, 1]

/**
 * The most a scattered (not contiguous) match of a needle of `length` characters scores in any
 * text: at most 6 for its first character (a word start) and 8 for each next one (adjacent),
 * times the highest weight. A run scores at least 70 + 10 × length times the lowest weight.
 */
function scatteredCeiling(length: number): number {
  return (6 + 8 * (length - 1)) * Math.max(...WEIGHTS)
}

/** One kind of text of every item, joined by line feeds (no needle holds one), and where each starts. */
interface Joined {
  text: string
  /** starts[i]: where item i's text starts in `text`; starts[n]: past the end. */
  starts: Int32Array
}

function joined(lowers: readonly string[]): Joined {
  const starts = new Int32Array(lowers.length + 1)
  let at = 0
  lowers.forEach((lower, i) => {
    starts[i] = at
    at += lower.length + 1
  })
  starts[lowers.length] = at
  // One flat string (a concatenation onto it would be a rope, flattened again on each new index).
  return { text: lowers.join('\n'), starts }
}

/** Quick open's searchable texts of the items it was made for, and the last keystroke's matches. */
export class TitleIndex<T extends Titled> {
  /**
   * Per slot (title, path, initials, syllables) every item's text as given, and lower-cased. An
   * item without pinyin has '' there, which no needle matches, as if the text were not there.
   */
  private readonly hays: string[][]
  private readonly lowers: string[][]
  /** The lowers of each slot joined, for finding runs. */
  private joins: Joined[] = []
  /** charBits of each text, SLOTS per item. */
  private readonly bits: Int32Array
  /** Which items hold which characters: the candidates a keystroke scores. */
  private readonly chars = new CharIndex(SLOTS)
  private readonly bonuses: Float64Array
  /** The bonus of most items (none, in quick open); the few with more are scored apart first. */
  private readonly commonBonus: number
  private readonly special: Int32Array
  private readonly isSpecial: Uint8Array
  /** Best's places of the items, -1 between keystrokes. */
  private readonly where: Int32Array
  /** Per item, the best run score of the keystroke being ranked (NO_MATCH when none). */
  private readonly runScores: Float64Array
  /** Items with a Chinese title whose pinyin was not known yet, and the pinyin version last looked at. */
  private waiting: number[] = []
  private seenPinyin = -1
  /** The last keystroke whose exact matches were all found (not only its runs). */
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
    this.chars.reserve(items.length)
    items.forEach((_, i) => this.setBits(i))
    this.bonuses = Float64Array.from(items, bonus)
    this.commonBonus = this.bonuses.reduce((a, b) => Math.min(a, b), Infinity)
    this.special = Int32Array.from(items.flatMap((_, i) => ((this.bonuses[i] as number) > this.commonBonus ? [i] : [])))
    this.isSpecial = new Uint8Array(items.length)
    for (const i of this.special) this.isSpecial[i] = 1
    this.where = new Int32Array(items.length).fill(-1)
    this.runScores = new Float64Array(items.length).fill(NO_MATCH)
    this.waiting = items.flatMap((item, i) => (knownPinyin(item.title) === null ? [] : [i]))
    this.takePinyin()
    this.joins = this.lowers.map(joined)
  }

  private setBits(i: number, from = 0): void {
    for (let slot = from; slot < SLOTS; slot++) {
      const lower = (this.lowers[slot] as string[])[i] as string
      this.bits[i * SLOTS + slot] = charBits(lower)
      this.chars.set(i, slot, lower)
    }
  }

  /**
   * Takes the pinyin worked out since the last call (a lookup per title still waiting, only when
   * the warm-up's version `known` is new); quick open calls it when the warm-up reports progress.
   */
  takePinyin(known = pinyinVersion()): void {
    if (this.seenPinyin === known || this.waiting.length === 0) return
    this.seenPinyin = known
    const [titles, , initials, full] = this.hays as [string[], string[], string[], string[]]
    const [, , lowerInitials, lowerFull] = this.lowers as [string[], string[], string[], string[]]
    const still: number[] = []
    for (const i of this.waiting) {
      const spoken = knownPinyin(titles[i] as string)
      if (!spoken) {
        still.push(i)
        continue
      }
      initials[i] = spoken.initials
      lowerInitials[i] = spoken.initials.toLowerCase()
      full[i] = spoken.full
      lowerFull[i] = spoken.full.toLowerCase()
      this.setBits(i, 2)
    }
    if (still.length === this.waiting.length) return
    this.waiting = still
    if (this.joins.length > 0) {
      this.joins[2] = joined(lowerInitials)
      this.joins[3] = joined(lowerFull)
    }
    // What the last keystrokes matched was without these texts.
    this.last = null
  }

  /** The texts `rank` weighs for item i. */
  private textsOf(i: number, slots: number): [string, number][] {
    return this.hays.slice(0, slots).map((texts, slot) => [texts[i] as string, WEIGHTS[slot] as number])
  }

  /**
   * Offers every item (but the special ones) holding `needle` as a run in one of its texts, with
   * its best run score as `subsequence` has it, noted in `runScores`; returns the items noted.
   * Found by indexOf over each slot's joined text, which passes over the items without the run
   * inside the engine. A run that cannot reach the list (or a whole slot) is left unscored.
   */
  private *runs(needle: string, slots: number, best: Best, found: number[]): Generator<void, void, void> {
    const { hays, joins, runScores, isSpecial, commonBonus } = this
    const base = 100 + needle.length * 10
    for (const slot of SLOT_ORDER) {
      if (slot >= slots) continue
      const weight = WEIGHTS[slot] as number
      if ((base + 30) * weight + commonBonus < best.floor()) continue
      const { text, starts } = joins[slot] as Joined
      const texts = hays[slot] as string[]
      let i = 0
      let seen = 0
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, starts[i + 1] as number)) {
        if (++seen % CHUNK === 0) yield
        while ((starts[i + 1] as number) <= at) i++
        if (isSpecial[i]) continue
        const local = at - (starts[i] as number)
        const penalty = Math.min(local, 30)
        if (!best.takes((base + 30 - penalty) * weight + commonBonus, i)) continue
        const score = (base + (isWordStart(texts[i] as string, local) ? 30 : 0) - penalty) * weight
        const before = runScores[i] as number
        if (before === NO_MATCH) found.push(i)
        if (score > before) {
          runScores[i] = score
          best.offer(score + commonBonus, i)
        }
      }
    }
  }

  /** Calls `found` with each candidate that matches `needle` exactly, and its score as `rank` has it. */
  private *exactEach(candidates: ArrayLike<number>, needle: string, slots: number, found: (i: number, score: number) => void): Generator<void, void, void> {
    const { hays, lowers, bits, bonuses } = this
    const wanted = charBits(needle)
    for (let k = 0; k < candidates.length; k++) {
      if (k % CHUNK === CHUNK - 1) yield
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
  private *typoEach(candidates: ArrayLike<number>, needle: string, slots: number, found: (i: number, score: number) => void): Generator<void, void, void> {
    const { hays, lowers, bits, bonuses } = this
    const wanted = charBits(needle)
    const variants = oneTypoAway(needle)
    const starts = new Int32Array(needle.length + 1)
    for (let k = 0; k < candidates.length; k++) {
      if (k % CHUNK === CHUNK - 1) yield
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
   * The best `limit` rows for the typed text, as `rank` orders them; with `pinyin`, the pinyin
   * known of Chinese titles (see `takePinyin`) is matched too.
   */
  rank(text: string, pinyin: boolean, limit: number): Ranked<T>[] {
    const steps = this.ranking(text, pinyin, limit)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
    }
  }

  /**
   * `rank` in steps (see SlicedRanking). One ranking at a time: a ranking left half way is ended
   * with `return()` before the next starts, or before `takePinyin`.
   */
  *ranking(text: string, pinyin: boolean, limit: number): Ranking<T> {
    const { items, runScores, isSpecial, commonBonus } = this
    const needle = needleOf(text)
    if (needle === '') return items.slice(0, limit).map((item) => ({ item, score: 0, positions: [] }))
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
    const best = new Best(limit, this.where)
    const withRun: number[] = []
    try {
      // The special items (recent ones) in full first, then runs: when they fill the list, no
      // scattered match can rank among them.
      const all: number[] = []
      yield* this.exactEach(this.special, needle, slots, (i, score) => {
        all.push(i)
        best.offer(score, i)
      })
      yield* this.runs(needle, slots, best, withRun)
      let exact: number[] | null = null
      if (best.floor() <= scatteredCeiling(needle.length) + commonBonus) {
        all.push(...withRun)
        const candidates = membersOf(intersect(this.chars.candidates(needle, slots, n, 0), previous?.exact ?? null))
        yield* this.exactEach(candidates, needle, slots, (i, score) => {
          if (runScores[i] !== NO_MATCH || isSpecial[i]) return
          all.push(i)
          best.offer(score, i)
        })
        exact = all
      }
      for (const i of withRun) runScores[i] = NO_MATCH
      withRun.length = 0

      const exactSet = exact && bitsetOf(exact, n)
      let loose: Bitset | null = null
      if (exactSet && exact && exact.length < limit && needle.length >= TYPO_MIN_LENGTH) {
        loose = exactSet.slice()
        const found = loose
        const candidates = membersOf(intersect(this.chars.candidates(needle, slots, n, 1), previous?.loose ?? null, exactSet))
        yield* this.typoEach(candidates, needle, slots, (i, score) => {
          add(found, i)
          best.offer(score, n + i)
        })
      }
      if (exactSet) this.last = { needle, pinyin, exact: exactSet, loose }

      return best.ranked().map((order) => {
        const i = order % n
        const match: Matcher = order < n ? subsequence : fuzzy
        const found = bestMatch(needle, this.textsOf(i, slots), match) as NonNullable<ReturnType<typeof bestMatch>>
        return { item: items[i] as T, score: found.score + (this.bonuses[i] as number), positions: found.positions }
      })
    } finally {
      // Left half way: the per-item marks go back to how the next ranking expects them.
      for (const i of withRun) runScores[i] = NO_MATCH
      best.clear()
    }
  }
}
