/**
 * Quick open's candidate index (char-index.ts) never loses a match the full scan finds: every
 * item with a text that matches the needle exactly (a subsequence) is an exact candidate, and
 * every item one typo away is a typo candidate, on random texts whose characters share buckets
 * (Chinese, digits, punctuation) and after texts change in place.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { add, CharIndex, has, membersOf } from '../../../../../renderer/library/quick-open/char-index'
import { fuzzy, subsequence } from '../../../../../renderer/library/quick-open/fuzzy'

const SLOTS = 2
// Letters, digits and characters that share a bucket (中 and 文 among them), so that collisions happen.
const text = fc.stringMatching(/^[abcdxyz019 /_.中文写作云计算-]{0,14}$/)
const needle = fc.stringMatching(/^[abcdxyz019 中文云-]{1,6}$/)

/** The items the full scan finds: a text of one of the first `slots` matching as `match` does. */
function scanned(texts: readonly (readonly string[])[], word: string, slots: number, match: typeof fuzzy): number[] {
  return texts.flatMap((slotTexts, i) => (slotTexts.slice(0, slots).some((t) => match(word, t) !== null) ? [i] : []))
}

function indexOf(texts: readonly (readonly string[])[]): CharIndex {
  const index = new CharIndex(SLOTS)
  index.reserve(texts.length)
  texts.forEach((slotTexts, i) => slotTexts.forEach((t, slot) => index.set(i, slot, t)))
  return index
}

describe('the candidate index', () => {
  it('holds every exact and every one-typo match of the full scan', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 80 }), needle, fc.integer({ min: 1, max: SLOTS }), (texts, word, slots) => {
        const index = indexOf(texts)
        const exact = index.candidates(word, slots, texts.length, 0)
        const loose = index.candidates(word, slots, texts.length, 1)
        for (const i of scanned(texts, word, slots, subsequence)) expect(has(exact, i), `exact ${i}`).toBe(true)
        for (const i of scanned(texts, word, slots, fuzzy)) expect(has(loose, i), `typo ${i}`).toBe(true)
        // No item past the last one.
        expect([...membersOf(loose)].every((i) => i < texts.length)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it("asked within a set (the last keystroke's matches), keeps every candidate of that set", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { maxLength: 200 }),
        needle,
        fc.array(fc.nat(199)),
        fc.constantFrom<0 | 1>(0, 1),
        (texts, word, members, spare) => {
          const index = indexOf(texts)
          const within = new Uint32Array(Math.ceil(texts.length / 32))
          for (const i of members) if (i < texts.length) add(within, i)
          const all = index.candidates(word, SLOTS, texts.length, spare)
          const inside = index.candidates(word, SLOTS, texts.length, spare, within)
          for (const i of membersOf(all)) if (has(within, i)) expect(has(inside, i), `${i}`).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('forgets the characters of a text that changed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(text, text), { maxLength: 40 }),
        needle,
        (before, after, word) => {
          const index = indexOf(before)
          // The texts change in place; items beyond the new list are emptied (as a removed article is).
          index.reserve(Math.max(before.length, after.length))
          const now = Array.from({ length: Math.max(before.length, after.length) }, (_, i) => after[i] ?? (['', ''] as const))
          now.forEach((slotTexts, i) => slotTexts.forEach((t, slot) => index.set(i, slot, t, before[i]?.[slot] ?? '')))
          const exact = index.candidates(word, SLOTS, now.length, 0)
          for (const i of scanned(now, word, SLOTS, subsequence)) expect(has(exact, i)).toBe(true)
          // A text without a letter of the needle is never a candidate for it.
          const letter = [...word].find((c) => /[a-z]/.test(c))
          if (letter) for (const i of membersOf(exact)) expect(now[i]?.some((t) => t.includes(letter))).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('forgets every item when cleared, and numbers the items anew', () => {
    const index = indexOf([
      ['leader', 'posts/b.md'],
      ['中文写作', 'posts/zh.md'],
    ])
    index.clear()
    index.set(0, 0, 'cloud team')
    expect([...membersOf(index.candidates('leadr', 2, 2, 0))]).toEqual([])
    expect([...membersOf(index.candidates('zh', 2, 2, 0))]).toEqual([])
    expect([...membersOf(index.candidates('cld', 1, 2, 0))]).toEqual([0])
  })

  it('leaves out texts without the needle, and a typo leaves out one character at most', () => {
    const index = indexOf([
      ['cloud team', 'posts/a.md'],
      ['leader', 'posts/b.md'],
      ['中文写作', 'posts/zh.md'],
    ])
    expect([...membersOf(index.candidates('cld', 2, 3, 0))]).toEqual([0])
    expect([...membersOf(index.candidates('leadr', 1, 3, 0))]).toEqual([1])
    // 'lezder': every character but z is in "leader".
    expect([...membersOf(index.candidates('lezder', 1, 3, 1))]).toEqual([1])
    expect([...membersOf(index.candidates('lezqer', 1, 3, 1))]).toEqual([])
    expect([...membersOf(index.candidates('zh', 2, 3, 0))]).toEqual([2])
  })
})
