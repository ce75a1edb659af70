/**
 * Quick open's candidate index: for each kind of text (title, path, pinyin initials, syllables)
 * and each character, the set of items whose text holds it, as a bitset over the items. A needle
 * is a subsequence of a text only if the text holds each of its characters, and one typo away
 * (one character left out, or two swapped) only if it holds all of them but one; so a keystroke
 * ANDs a few bitsets (a few thousand words) and scores the items left, never the whole list.
 * Characters share a set when they fall in the same bucket: a to z and 0 to 9 have one each,
 * every other character one of BUCKETS - 36 by its code. A shared set only lets more items
 * through, so the index never loses a match.
 */

export const BUCKETS = 64
const OTHER = BUCKETS - 36

export function bucketOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97
  if (code >= 48 && code <= 57) return code - 48 + 26
  return 36 + (code % OTHER)
}

/** The needle's buckets, each once. */
function bucketsOf(needle: string): number[] {
  const seen = new Set<number>()
  for (let k = 0; k < needle.length; k++) seen.add(bucketOf(needle.charCodeAt(k)))
  return [...seen]
}

/** A set of item numbers as 32-bit words. */
export type Bitset = Uint32Array

export function wordsFor(n: number): number {
  return (n + 31) >>> 5
}

export function has(set: Bitset, i: number): boolean {
  return ((set[i >>> 5] as number) & (1 << (i & 31))) !== 0
}

export function add(set: Bitset, i: number): void {
  set[i >>> 5] = (set[i >>> 5] as number) | (1 << (i & 31))
}

/** The items of `set`, ascending. */
export function membersOf(set: Bitset): Int32Array {
  let count = 0
  for (let w = 0; w < set.length; w++) {
    let word = set[w] as number
    while (word !== 0) {
      word &= word - 1
      count++
    }
  }
  const members = new Int32Array(count)
  let k = 0
  for (let w = 0; w < set.length; w++) {
    let word = set[w] as number
    while (word !== 0) {
      const low = word & -word
      members[k++] = (w << 5) + 31 - Math.clz32(low)
      word ^= low
    }
  }
  return members
}

export class CharIndex {
  /** sets[slot * BUCKETS + bucket]: the items whose text in that slot holds a character of the bucket. */
  private sets: Bitset[]
  private words = 0

  constructor(private readonly slots: number) {
    this.sets = Array.from({ length: slots * BUCKETS }, () => new Uint32Array(0))
  }

  /** Makes room for items numbered below n. */
  reserve(n: number): void {
    const need = wordsFor(n)
    if (need <= this.words) return
    const words = Math.max(need, this.words * 2, 32)
    this.sets = this.sets.map((old) => {
      const set = new Uint32Array(words)
      set.set(old)
      return set
    })
    this.words = words
  }

  /** Forgets every item's characters, keeping the room made (the items are numbered anew). */
  clear(): void {
    for (const set of this.sets) set.fill(0)
  }

  /** Notes the characters of item i's (lower-cased) text in a slot, forgetting those of the text it had (`before`). */
  set(i: number, slot: number, lower: string, before = ''): void {
    const word = i >>> 5
    const bit = 1 << (i & 31)
    const base = slot * BUCKETS
    for (let k = 0; k < before.length; k++) {
      const set = this.sets[base + bucketOf(before.charCodeAt(k))] as Bitset
      set[word] = (set[word] as number) & ~bit
    }
    for (let k = 0; k < lower.length; k++) {
      const set = this.sets[base + bucketOf(lower.charCodeAt(k))] as Bitset
      set[word] = (set[word] as number) | bit
    }
  }

  /**
   * The items below n that may hold `needle` in one of the first `slots` texts: each of its
   * characters there (`spare` 0), or all but one (`spare` 1, for a typo); with `within`, only
   * items of that set (a keystroke that extends the last one looks at the words of its matches).
   */
  candidates(needle: string, slots: number, n: number, spare: 0 | 1, within: Bitset | null = null): Bitset {
    const words = wordsFor(n)
    const found = new Uint32Array(words)
    const buckets = bucketsOf(needle)
    for (let slot = 0; slot < slots; slot++) {
      const sets = buckets.map((b) => this.sets[slot * BUCKETS + b] as Bitset)
      for (let w = 0; w < words; w++) {
        if (within && (within[w] as number) === 0) continue
        // none: the items holding every bucket so far; one: those missing exactly one.
        let none = -1
        let one = 0
        for (const set of sets) {
          const word = set[w] as number
          one = (one & word) | (none & ~word)
          none &= word
        }
        found[w] = (found[w] as number) | none | (spare === 1 ? one : 0)
      }
    }
    // Past n (the last word's tail) are no items, though they "miss" a character as one does.
    if ((n & 31) !== 0) found[words - 1] = (found[words - 1] as number) & ((1 << (n & 31)) - 1)
    return found
  }
}
