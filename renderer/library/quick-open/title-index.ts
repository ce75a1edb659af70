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
 * - scores and positions are worked out for the rows read (shown) only, when first read;
 * - a ranking that takes more than a slice hands over its first rows as soon as nothing left to
 *   look at can reach them (see `Ranking`), so the list shows this keystroke's best rows at once.
 */
import { anyFits, bestMatch, fits, fuzzy, isWordStart, needleOf, rank, subsequence, typoBounds, typosOf, type Matcher, type Ranked } from './fuzzy'
import { add, CharIndex, membersOf, type Bitset } from './char-index'
import { Best } from './best'
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
/**
 * Library items taken between two yields of an update: each new or retitled one costs its four
 * texts lowered and every character of them indexed (a CHUNK of them took up to 40 ms of an idle
 * step on a loaded machine); an idle step ends at its deadline only between yields.
 */
const TAKE = 128
/** Candidates so few that scoring each costs less than finding the runs in every text. */
const FEW = 4096

/**
 * A ranking's steps: it yields between chunks of work, so its caller can stop for a frame and
 * come back; it returns the rows, or null when the index changed under it (rank again). A step
 * that yields rows yields the ranking's first rows, final: every candidate not looked at yet
 * scores below them, so they are the first rows of what it returns, in that order.
 */
export type Ranking<T> = Generator<Ranked<T>[] | void, Ranked<T>[] | null, void>

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

/**
 * The most a match with a typo of a needle of `length` characters scores in any text: half a
 * run of its longest variant (two neighbours swapped) at the start of a word, less 20, times the
 * highest weight (see `fuzzy`).
 */
function typoCeiling(length: number): number {
  return ((100 + length * 10 + 30) / 2 - 20) * Math.max(...WEIGHTS)
}

/** Items per joined part: a part is joined again when one of its items changes, and a ranking yields between parts. */
const PART = 8192

/** One kind of text of PART items, joined by line feeds (no needle holds one), and where each starts. */
interface Joined {
  text: string
  /** starts[k]: where the part's item k starts in `text`; one more past the end. */
  starts: Int32Array
}

/**
 * V8's SlicedString::kMinLength: from this length on, V8 keeps a slice of a string as a pointer
 * into it rather than a copy. An engine detail, not a language rule: the heap bench shows whether
 * the saving still holds.
 */
const V8_SLICED_STRING_MIN_LENGTH = 13

function joined(lowers: readonly string[], from: number, to: number): Joined {
  const starts = new Int32Array(to - from + 1)
  let at = 0
  for (let i = from; i < to; i++) {
    starts[i - from] = at
    at += (lowers[i] as string).length + 1
  }
  starts[to - from] = at
  // One flat string (a concatenation onto it would be a rope, flattened again on each new index).
  return { text: lowers.slice(from, to).join('\n'), starts }
}

function grownInt32(old: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size)
  grown.set(old)
  return grown
}

function grownFloat64(old: Float64Array, size: number): Float64Array {
  const grown = new Float64Array(size)
  grown.set(old)
  return grown
}

function grownUint8(old: Uint8Array, size: number): Uint8Array {
  const grown = new Uint8Array(size)
  grown.set(old)
  return grown
}

/** How a ranked row's score and highlights are worked out: an exact match, and one with a typo (see fuzzy.ts). */
export interface RowMatchers {
  exact: Matcher
  typo: Matcher
}

const MATCHERS: RowMatchers = { exact: subsequence, typo: fuzzy }

/**
 * A ranked row whose score and highlighted positions are worked out when first read: the picker
 * shows about 30 of the 100 rows ranked, and a ranking that a newer keystroke replaces is never
 * shown at all. The texts are the item's as ranked, so a later change of the index does not
 * change them; they matched when ranked, so a row that does not match them now is a fault of
 * the ranking, said at once rather than listed with no score.
 */
function matchedRow<T extends Titled>(item: T, bonus: number, needle: string, texts: readonly (readonly [string, number])[], match: Matcher): Ranked<T> {
  let found: { score: number; positions: number[] } | null = null
  const matched = () => {
    found ??= bestMatch(needle, texts, match)
    if (!found) {
      // A fault of the ranking, said loudly; thrown, it would take the window down with the picker
      // (rows are read while React renders). The row shows without highlights.
      console.error(`quick open ranked "${item.path}" for "${needle}", but it does not match its own texts`)
      found = { score: 0, positions: [] }
    }
    return found
  }
  const row = { item } as Ranked<T>
  // Own and enumerable, so a row compares (and copies) as a plain one would.
  Object.defineProperty(row, 'score', { enumerable: true, get: () => matched().score + bonus })
  Object.defineProperty(row, 'positions', { enumerable: true, get: () => matched().positions })
  return row
}

/** Work of a preparation done between two looks at the clock. */
export type Deadline = () => boolean

/**
 * Quick open's searchable texts of a library, kept between openings: brought up to date with the
 * library (`update`) a chunk at a time in idle time (`prepare`), an article added, renamed or
 * removed costing its own texts, and the last keystroke's matches.
 * Items are numbered as they arrive; a removed one keeps its number with empty texts (which match
 * nothing) until half are removed, then the numbers are dealt again.
 */
export class TitleIndex<T extends Titled> {
  /** By number; null: removed. */
  private items: (T | null)[] = []
  /**
   * Per slot (title, path, initials, syllables) every item's text as given, and lower-cased. An
   * item without pinyin has '' there, which no needle matches, as if the text were not there.
   */
  private readonly hays: string[][] = Array.from({ length: SLOTS }, () => [])
  private readonly lowers: string[][] = Array.from({ length: SLOTS }, () => [])
  /** Per slot, the lowers joined PART items at a time, for finding runs; null: to be joined again. */
  private readonly parts: (Joined | null)[][] = Array.from({ length: SLOTS }, () => [])
  /** charBits of each text, SLOTS per item. */
  private bits: Int32Array = new Int32Array(0)
  /** Which items hold which characters: the candidates a keystroke scores. */
  private readonly chars = new CharIndex(SLOTS)
  private bonuses: Float64Array = new Float64Array(0)
  /** The bonus of most items (none, in quick open); the few with more are scored apart first. */
  private commonBonus = 0
  /** The highest bonus of any item. */
  private topBonus = 0
  private special: Int32Array = new Int32Array(0)
  private isSpecial: Uint8Array = new Uint8Array(0)
  /** Best's places of the items, -1 between keystrokes. */
  private where: Int32Array = new Int32Array(0)
  /** Per item, the best run score of the keystroke being ranked (NO_MATCH when none). */
  private runScores: Float64Array = new Float64Array(0)
  /** The items listed on an empty query, in that order (the first ones, then the library's), and each one's place there. */
  private shown: Int32Array = new Int32Array(0)
  private placeOf: Int32Array = new Int32Array(0)
  /** The library's items in its order, the paths listed before them, and each path's item. */
  private library: Int32Array = new Int32Array(0)
  private first: readonly string[] = []
  /** The bonus of the k-th first path, or of every item. */
  private bonusAt: ((k: number) => number) | null = null
  private bonusOf: ((item: T) => number) | null = null
  private readonly numberOf = new Map<string, number>()
  private removed = 0
  /** Items with a Chinese title whose pinyin was not known yet, and the pinyin version last looked at. */
  private readonly waiting = new Set<number>()
  private seenPinyin = -1
  /** The last keystroke whose exact matches were all found (not only its runs). */
  private last: Narrowed | null = null
  /** The library asked for last, and the work bringing the index to it, when not done. */
  private target: readonly T[] = []
  private pending: Generator<void, void, void> | null = null
  /** Changes with every change of the texts or the order: a ranking under way then gives up. */
  private changes = 0

  /**
   * Made for `items` at once, in the order shown on an empty query; `bonus` is added to an item's
   * score (recency); `matchers` work out the rows read (tests count their calls).
   */
  constructor(
    items: readonly T[] = [],
    bonus?: (item: T) => number,
    private readonly matchers: RowMatchers = MATCHERS,
  ) {
    this.update(items)
    this.prepare(() => false)
    if (bonus) this.setBonus(bonus)
  }

  /** Changes with every change of the texts or the order (a ranking is for one version). */
  get version(): number {
    return this.changes
  }

  /** Whether `items` is the library the index was last asked for. */
  isFor(items: readonly T[]): boolean {
    return this.target === items
  }

  /** Whether work is left to bring the index to its library. */
  get preparing(): boolean {
    return this.pending !== null
  }

  /** The library to search from now on, in its order: taken by `prepare` (or the next ranking). */
  update(items: readonly T[]): void {
    if (items === this.target && this.pending === null) return
    this.target = items
    this.pending = this.bringTo(items)
  }

  /** Works on the update until it is done (true) or `stop` says so (false); a chunk at a time. */
  prepare(stop: Deadline): boolean {
    while (this.pending) {
      if (this.pending.next().done) this.pending = null
      else if (stop()) return false
    }
    return true
  }

  /**
   * Lists `paths` (recent articles) first on an empty query and before equal scores, with the
   * bonus `bonusAt(k)` for the k-th; every other item has none.
   */
  setFirst(paths: readonly string[], bonusAt: (k: number) => number): void {
    if (paths === this.first) return
    this.first = paths
    this.bonusAt = bonusAt
    this.bonusOf = null
    this.arrange()
  }

  /** Each item's bonus worked out by `bonus` (all of them). */
  setBonus(bonus: (item: T) => number): void {
    this.bonusOf = bonus
    this.bonusAt = null
    this.items.forEach((item, i) => (this.bonuses[i] = item === null ? 0 : bonus(item)))
    this.arrange()
  }

  private *bringTo(items: readonly T[]): Generator<void, void, void> {
    this.changed()
    if (this.removed > 0 && this.removed * 2 >= this.items.length) this.clear()
    const count = this.items.length
    // Kept: the items taken from the library so far (a path listed twice gets a second item).
    const kept = new Uint8Array(count + items.length)
    const library = new Int32Array(items.length)
    for (let k = 0; k < items.length; k++) {
      if (k % TAKE === TAKE - 1) {
        yield
        this.changed()
      }
      const item = items[k] as T
      let i = this.numberOf.get(item.path)
      if (i === undefined || kept[i]) i = this.append(item)
      else if ((this.items[i] as T).title !== item.title) this.retitle(i, item)
      else this.items[i] = item
      kept[i] = 1
      library[k] = i
    }
    for (let i = 0; i < count; i++) if (!kept[i] && this.items[i] !== null) this.remove(i)
    this.library = library
    this.arrange()
    // The runs are found in the joined texts: join again the parts that changed.
    for (let slot = 0; slot < SLOTS; slot++) {
      for (let p = 0; p * PART < this.items.length; p++) {
        if (this.parts[slot]?.[p]) continue
        yield
        this.changed()
        this.partOf(slot, p)
      }
    }
  }

  private changed(): void {
    this.changes++
    this.last = null
  }

  /** Forgets every item: the numbers are dealt again. */
  private clear(): void {
    this.items = []
    for (let slot = 0; slot < SLOTS; slot++) {
      ;(this.hays[slot] as string[]).length = 0
      ;(this.lowers[slot] as string[]).length = 0
      ;(this.parts[slot] as (Joined | null)[]).length = 0
    }
    // The items are numbered anew: an old item's characters would make its number a candidate for ever.
    this.chars.clear()
    this.numberOf.clear()
    this.waiting.clear()
    this.removed = 0
    this.special = new Int32Array(0)
    this.bonuses.fill(0)
    this.isSpecial.fill(0)
  }

  private append(item: T): number {
    const i = this.items.length
    if (i >= this.where.length) {
      const size = Math.max(64, i * 2)
      this.bits = grownInt32(this.bits, size * SLOTS)
      this.bonuses = grownFloat64(this.bonuses, size)
      this.isSpecial = grownUint8(this.isSpecial, size)
      this.placeOf = grownInt32(this.placeOf, size)
      // All -1 and NO_MATCH between rankings, and a ranking under way gives up on a change.
      this.where = new Int32Array(size).fill(-1)
      this.runScores = new Float64Array(size).fill(NO_MATCH)
      this.chars.reserve(size)
    }
    this.items.push(item)
    for (let slot = 0; slot < SLOTS; slot++) {
      ;(this.hays[slot] as string[]).push('')
      ;(this.lowers[slot] as string[]).push('')
    }
    this.retitle(i, item)
    return i
  }

  /** Takes the item's title and path, and its pinyin if known. */
  private retitle(i: number, item: T): void {
    this.items[i] = item
    this.numberOf.set(item.path, i)
    if (this.bonusOf) this.bonuses[i] = this.bonusOf(item)
    this.setText(i, 0, item.title ?? '')
    this.setText(i, 1, item.path)
    const spoken = knownPinyin(item.title)
    this.setText(i, 2, spoken?.initials ?? '')
    this.setText(i, 3, spoken?.full ?? '')
    if (spoken === undefined) this.waiting.add(i)
    else this.waiting.delete(i)
  }

  private remove(i: number): void {
    const item = this.items[i] as T
    if (this.numberOf.get(item.path) === i) this.numberOf.delete(item.path)
    this.items[i] = null
    for (let slot = 0; slot < SLOTS; slot++) this.setText(i, slot, '')
    this.waiting.delete(i)
    this.bonuses[i] = 0
    this.removed++
  }

  private setText(i: number, slot: number, hay: string): void {
    const lowered = hay.toLowerCase()
    // The text itself when already lower case (pinyin, most paths): toLowerCase() copies a
    // string with Chinese in it even then, a copy per path and pinyin text kept for every item.
    const lower = lowered === hay ? hay : lowered
    ;(this.hays[slot] as string[])[i] = hay
    const lowers = this.lowers[slot] as string[]
    const before = lowers[i] as string
    if (before === lower) return
    lowers[i] = lower
    this.bits[i * SLOTS + slot] = charBits(lower)
    this.chars.set(i, slot, lower, before)
    ;(this.parts[slot] as (Joined | null)[])[Math.floor(i / PART)] = null
  }

  private partOf(slot: number, p: number): Joined {
    const parts = this.parts[slot] as (Joined | null)[]
    let part = parts[p]
    if (!part) {
      const from = p * PART
      const lowers = this.lowers[slot] as string[]
      const hays = this.hays[slot] as string[]
      part = joined(lowers, from, Math.min(this.items.length, (p + 1) * PART))
      parts[p] = part
      // A lowered copy that is not the text itself (a title with capitals) becomes a slice of the
      // joined text, which the engine keeps as a pointer into it (from V8_SLICED_STRING_MIN_LENGTH characters on): the
      // characters are held once, not twice. All of the part's: none then holds an older join.
      const { text, starts } = part
      for (let k = 0; k + 1 < starts.length; k++) {
        const lower = lowers[from + k] as string
        if (lower !== hays[from + k] && lower.length >= V8_SLICED_STRING_MIN_LENGTH) lowers[from + k] = text.slice(starts[k], (starts[k + 1] as number) - 1)
      }
    }
    return part
  }

  /** The order shown on an empty query, and the bonuses' special items. */
  private arrange(): void {
    this.changed()
    if (this.bonusAt) {
      this.bonuses.fill(0)
      this.first.forEach((path, k) => {
        const i = this.numberOf.get(path)
        if (i !== undefined) this.bonuses[i] = (this.bonusAt as (k: number) => number)(k)
      })
    }
    const n = this.items.length
    const shown = new Int32Array(n - this.removed)
    // isSpecial marks the first items while they are listed (a typed array: no set per item).
    const isFirst = this.isSpecial
    isFirst.fill(0)
    let k = 0
    for (const path of this.first) {
      const i = this.numberOf.get(path)
      if (i === undefined || isFirst[i]) continue
      isFirst[i] = 1
      shown[k++] = i
    }
    for (const i of this.library) if (!isFirst[i] && this.items[i] !== null) shown[k++] = i
    // Items of the library asked for but not taken yet (a ranking waits for them): none once prepared.
    this.shown = shown.subarray(0, k)
    let common = Infinity
    for (let j = 0; j < k; j++) {
      const i = shown[j] as number
      this.placeOf[i] = j
      common = Math.min(common, this.bonuses[i] as number)
    }
    this.commonBonus = common === Infinity ? 0 : common
    let top = this.commonBonus
    for (let j = 0; j < k; j++) top = Math.max(top, this.bonuses[shown[j] as number] as number)
    this.topBonus = top
    isFirst.fill(0)
    const special: number[] = []
    for (let j = 0; j < k; j++) {
      const i = shown[j] as number
      if ((this.bonuses[i] as number) <= this.commonBonus) continue
      special.push(i)
      this.isSpecial[i] = 1
    }
    this.special = Int32Array.from(special)
  }

  /**
   * Takes the pinyin worked out since the last call (a lookup per title still waiting, only when
   * the warm-up's version `known` is new); quick open calls it when the warm-up reports progress.
   */
  takePinyin(known = pinyinVersion()): void {
    if (this.seenPinyin === known || this.waiting.size === 0) return
    this.seenPinyin = known
    let took = false
    for (const i of this.waiting) {
      const item = this.items[i] as T
      const spoken = knownPinyin(item.title)
      if (!spoken) continue
      this.setText(i, 2, spoken.initials)
      this.setText(i, 3, spoken.full)
      this.waiting.delete(i)
      took = true
    }
    // What the last keystrokes matched was without these texts.
    if (took) this.changed()
  }

  /** The texts `rank` weighs for item i. */
  private textsOf(i: number, slots: number): [string, number][] {
    return this.hays.slice(0, slots).map((texts, slot) => [texts[i] as string, WEIGHTS[slot] as number])
  }

  /**
   * Offers every item (but the special ones) holding `needle` as a run in one of its texts, with
   * its best run score as `subsequence` has it, noted in `runScores`; returns the items noted.
   * Found by indexOf over each slot's joined parts, which passes over the items without the run
   * inside the engine. A run that cannot reach the list (or a whole slot) is left unscored.
   */
  private *runs(needle: string, slots: number, best: Best, found: number[]): Generator<void, void, void> {
    const { hays, runScores, isSpecial, commonBonus } = this
    const base = 100 + needle.length * 10
    for (const slot of SLOT_ORDER) {
      if (slot >= slots) continue
      const weight = WEIGHTS[slot] as number
      const texts = hays[slot] as string[]
      for (let p = 0; p * PART < this.items.length; p++) {
        if ((base + 30) * weight + commonBonus < best.floor()) break
        yield
        const { text, starts } = this.partOf(slot, p)
        const from = p * PART
        let k = 0
        let seen = 0
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, starts[k + 1] as number)) {
          if (++seen % CHUNK === 0) yield
          while ((starts[k + 1] as number) <= at) k++
          const i = from + k
          if (isSpecial[i]) continue
          const local = at - (starts[k] as number)
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
    const typos = typosOf(needle)
    const ends = new Int32Array(needle.length + 1)
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
        typoBounds(needle, lower, ends, starts)
        if (!anyFits(needle, ends, starts)) continue
        // Only the variants that fit are scored (a keystroke's typo pass scored 2n a text before).
        let score = NO_MATCH
        for (const typo of typos) if (fits(typo, needle, lower, ends, starts)) score = Math.max(score, subsequenceScore(typo.text, hay, lower))
        if (score === NO_MATCH) continue
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
      // Nothing changes the index while this loop runs.
      if (step.done) return step.value ?? []
    }
  }

  /**
   * `rank` in steps (see SlicedRanking): first what is left of an update, then the ranking, which
   * gives up (null) when the index changes before it is done.
   */
  *ranking(text: string, pinyin: boolean, limit: number): Ranking<T> {
    while (this.pending) {
      if (this.pending.next().done) this.pending = null
      else yield
    }
    const version = this.changes
    const steps = this.ranked(text, pinyin, limit)
    try {
      for (;;) {
        const step = steps.next()
        if (step.done) return step.value
        yield step.value
        if (this.changes !== version) return null
      }
    } finally {
      steps.return([])
    }
  }

  /** A ranked row of the item with `order` (see Best): an exact match, or one with a typo. */
  private rowOf(order: number, needle: string, slots: number): Ranked<T> {
    const n = this.items.length
    const i = order % n
    return matchedRow(this.items[i] as T, this.bonuses[i] as number, needle, this.textsOf(i, slots), order < n ? this.matchers.exact : this.matchers.typo)
  }

  /** The best rows kept so far that score above `ceiling` (what anything not looked at yet can reach): final. */
  private firstRows(best: Best, ceiling: number, needle: string, slots: number): Ranked<T>[] {
    return best.above(ceiling).map((order) => this.rowOf(order, needle, slots))
  }

  private *ranked(text: string, pinyin: boolean, limit: number): Generator<Ranked<T>[] | void, Ranked<T>[], void> {
    const { items, runScores, isSpecial, commonBonus } = this
    const needle = needleOf(text)
    if (needle === '') return [...this.shown.subarray(0, limit)].map((i) => ({ item: items[i] as T, score: 0, positions: [] }))
    const slots = pinyin ? SLOTS : 2
    if (SURROGATE.test(needle)) {
      this.last = null
      return rank(
        [...this.shown],
        text,
        (i) => this.textsOf(i, slots),
        limit,
        (i) => this.bonuses[i] as number,
      ).map((row) => ({ ...row, item: items[row.item] as T }))
    }
    const previous = this.last && this.last.pinyin === pinyin && needle.startsWith(this.last.needle) ? this.last : null
    const n = items.length
    const best = new Best(limit, this.where, this.placeOf, n)
    const withRun: number[] = []
    try {
      // Every item that can match, and no more than the last keystroke matched.
      const candidates = membersOf(intersect(this.chars.candidates(needle, slots, n, 0, previous?.exact ?? null), previous?.exact ?? null))
      // The special items (recent ones) in full first, then runs: when they fill the list, no
      // scattered match can rank among them. A few candidates are scored at once instead.
      const all: number[] = []
      yield* this.exactEach(this.special, needle, slots, (i, score) => {
        all.push(i)
        best.offer(score, i)
      })
      const few = candidates.length <= FEW
      if (!few) yield* this.runs(needle, slots, best, withRun)
      let exact: number[] | null = null
      const lookForTypos = needle.length >= TYPO_MIN_LENGTH
      if (few || best.floor() <= scatteredCeiling(needle.length) + commonBonus) {
        // Every run is in: the scattered matches and the typos left score below this.
        if (!few)
          yield this.firstRows(
            best,
            Math.max(scatteredCeiling(needle.length) + commonBonus, lookForTypos ? typoCeiling(needle.length) + this.topBonus : NO_MATCH),
            needle,
            slots,
          )
        all.push(...withRun)
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
      if (exactSet && exact && exact.length < limit && lookForTypos) {
        // Every exact match is in: the typos score below this.
        yield this.firstRows(best, typoCeiling(needle.length) + this.topBonus, needle, slots)
        loose = exactSet.slice()
        const found = loose
        const typos = membersOf(intersect(this.chars.candidates(needle, slots, n, 1, previous?.loose ?? null), previous?.loose ?? null, exactSet))
        yield* this.typoEach(typos, needle, slots, (i, score) => {
          add(found, i)
          best.offer(score, n + i)
        })
      }
      if (exactSet) this.last = { needle, pinyin, exact: exactSet, loose }

      return best.ranked().map((order) => this.rowOf(order, needle, slots))
    } finally {
      // Left half way: the per-item marks go back to how the next ranking expects them.
      for (const i of withRun) runScores[i] = NO_MATCH
      best.clear()
    }
  }
}
