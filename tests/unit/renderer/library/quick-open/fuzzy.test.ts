/**
 * `fuzzy`, which quick open reads every listed row with (and the command palette ranks with),
 * gives what its plain definition gives: the exact subsequence match, else the best of the
 * needle's one-typo variants matched one by one, at half score less 20. It works the typo part
 * out faster (the text lower-cased once, only the variants that fit the text matched, found from
 * where the needle's prefixes end and suffixes start, the variants kept between calls), so it is
 * checked against that definition here, on random texts and on real-sized titles and paths of a
 * generated blog.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fits, fuzzy, oneTypoAway, subsequence, typoBounds, typosOf, type FuzzyMatch } from '../../../../../renderer/library/quick-open/fuzzy'
import { postPath, seedParts } from '../../../../bench/generate-site'

function plainFuzzy(needle: string, hay: string): FuzzyMatch | null {
  const exact = subsequence(needle, hay)
  if (exact || needle.length < 4) return exact
  let best: FuzzyMatch | null = null
  for (const variant of oneTypoAway(needle)) {
    const found = subsequence(variant, hay)
    if (found && (!best || found.score > best.score)) best = found
  }
  return best ? { score: best.score / 2 - 20, positions: best.positions } : null
}

describe('the typo variants', () => {
  it('are the plain ones, in their order, and fit a text exactly when they are a subsequence of it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[abcd _中]{1,9}$/), fc.array(fc.stringMatching(/^[abcdAB _中文-]{0,16}$/), { maxLength: 20 }), (needle, hays) => {
        const typos = typosOf(needle)
        expect(typos.map((t) => t.text)).toEqual(oneTypoAway(needle))
        const ends = new Int32Array(needle.length + 1)
        const starts = new Int32Array(needle.length + 1)
        for (const hay of hays) {
          const lower = hay.toLowerCase()
          typoBounds(needle, lower, ends, starts)
          for (const typo of typos) expect(fits(typo, needle, lower, ends, starts), `${typo.text} in ${hay}`).toBe(subsequence(typo.text, hay) !== null)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe('fuzzy matches as its plain definition does', () => {
  it('on random texts and needles, a needle asked of many texts in turn', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[abcdAB _/中文-]{0,16}$/), { maxLength: 20 }),
        fc.array(fc.stringMatching(/^[abcd _中]{0,8}$/), { minLength: 1, maxLength: 5 }),
        (hays, needles) => {
          for (const needle of needles) for (const hay of hays) expect(fuzzy(needle, hay), `${needle} in ${hay}`).toEqual(plainFuzzy(needle, hay))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('on the titles and paths of a 1,500-post blog, key by key', { timeout: 60_000 }, () => {
    const { sentences } = seedParts()
    const texts = Array.from({ length: 1500 }, (_, i) => [
      `${(sentences[i % sentences.length] as string).slice(0, 24)} Story ${i}: the Cloud market`,
      postPath(i),
    ]).flat()
    let typos = 0
    const differ: string[] = []
    for (const word of ['story 999 cloud', 'stroy 12', 'cluod mraket', 'posts/2015/03', 'news-12', 'the clodu']) {
      for (let k = 1; k <= word.length; k++) {
        const needle = word.slice(0, k)
        for (const hay of texts) {
          const found = fuzzy(needle, hay)
          // Compared as text: an expect per call would take most of the test's time.
          if (JSON.stringify(found) !== JSON.stringify(plainFuzzy(needle, hay))) differ.push(`${needle} in ${hay}`)
          if (found && !subsequence(needle, hay)) typos++
        }
      }
    }
    expect(differ.slice(0, 5)).toEqual([])
    // Not vacuous: many texts matched only with a typo.
    expect(typos).toBeGreaterThan(500)
  })
})
