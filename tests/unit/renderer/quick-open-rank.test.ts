/**
 * Quick open's folder-scale ranking (TitleIndex) lists exactly what the plain fuzzy `rank` lists
 * over the same texts: same rows, scores, order and highlighted positions, key by key as a person
 * types, deletes and retypes, with and without pinyin, on generated titles shaped like a real
 * Chinese and English blog and on random ones; and the index quick open keeps between openings,
 * brought up to date as articles are added, renamed, retitled and removed, ranks as one made anew.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { fuzzy, rank, subsequence, type Matcher, type Ranked } from '../../../renderer/library/quick-open/fuzzy'
import { knownPinyin, pinyinOf, warmPinyin } from '../../../renderer/library/quick-open/pinyin'
import { articleRanker, listRecentFirst, QUICK_OPEN_LIMIT } from '../../../renderer/library/quick-open/rank-articles'
import { SlicedRanking } from '../../../renderer/library/quick-open/sliced-ranking'
import { TitleIndex, type Titled } from '../../../renderer/library/quick-open/title-index'
import { postPath, seedParts } from '../../bench/generate-site'

/** What quick open ranked before it kept an index: every text of every article, every keystroke. */
function plainRank<T extends Titled>(items: readonly T[], text: string, bonus: (item: T) => number, pinyin: boolean, limit = QUICK_OPEN_LIMIT) {
  if (text.trim() === '') return items.slice(0, limit).map((item) => ({ item, score: 0, positions: [] }))
  return rank(
    items,
    text,
    (a) => {
      const title = a.title ?? ''
      const texts: [string, number][] = [
        [title, 1],
        [a.path, 0.8],
      ]
      const spoken = pinyin ? pinyinOf(title) : null
      if (spoken) texts.push([spoken.initials, 0.9], [spoken.full, 0.85])
      return texts
    },
    limit,
    bonus,
  )
}

/** Every text typed so far, key by key, as quick open sees it. */
function keystrokes(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1))
}

function blog(count: number): Titled[] {
  const { sentences } = seedParts()
  return Array.from({ length: count }, (_, i) => {
    const sentence = sentences[i % sentences.length] as string
    const title =
      i % 5 === 4
        ? null
        : i % 3 === 2
          ? `Notes ${i} on the cloud team and its Leader`
          : i % 7 === 3
            ? `CamelCase_${i}-post`
            : `${sentence.slice(i % 7, (i % 7) + 16)} ${i}`
    return { path: postPath(i), title }
  })
}

beforeAll(() => warmPinyin(blog(3000).map((a) => a.title)))

describe('quick open ranks a folder as the plain fuzzy rank does', () => {
  const items = blog(3000)
  const recent = [items[7], items[2], items[40]].map((a) => (a as Titled).path)
  const ordered = [...recent.map((p) => items.find((a) => a.path === p) as Titled), ...items.filter((a) => !recent.includes(a.path))]
  const recency = new Map(recent.map((p, i) => [p, i]))
  const bonus = (a: Titled) => {
    const at = recency.get(a.path)
    return at === undefined ? 0 : 40 * (1 - at / recent.length)
  }

  for (const pinyin of [true, false]) {
    it(`typing key by key, deleting and retyping (pinyin ${pinyin ? 'on' : 'off'})`, () => {
      const ranker = articleRanker(ordered, recent)
      const typed = [
        ...keystrokes('zwxz'),
        ...keystrokes('cloud'),
        'clou',
        'clo',
        'cloe',
        ...keystrokes('yunji'),
        ...keystrokes('leadr'),
        ...keystrokes('notes 12 cluod'),
        ...keystrokes('2015/03'),
        ...keystrokes('阿里云'),
        ...keystrokes('ccase'),
        '  Cloud  ',
        '',
        ...keystrokes('xqzv'),
        ...keystrokes('qqqqqq'),
      ]
      for (const text of typed) expect(ranker.rank(text, pinyin, QUICK_OPEN_LIMIT), text).toEqual(plainRank(ordered, text, bonus, pinyin))
    })
  }

  it('ranked a step per slice, with keystrokes that drop the ranking before them, lists the same rows', () => {
    let asked = 0
    const sliced = new SlicedRanking(
      articleRanker(ordered, recent),
      () => undefined,
      () => asked++,
      0,
    )
    // Each word's keystrokes come before their rankings are done, but the last one's.
    for (const word of ['leadr', 'zwxz', 'cloud', 'cluod', 'notes 1', 'yunji', 'clou', 'cloud']) {
      for (const text of keystrokes(word)) sliced.rows(text, true, QUICK_OPEN_LIMIT, 0)
      while (!sliced.slice());
      expect(sliced.rows(word, true, QUICK_OPEN_LIMIT, 0), word).toEqual(plainRank(ordered, word, bonus, true))
    }
    expect(asked).toBeGreaterThan(0)
    // Enter takes the rows of what was typed, finished at once.
    expect(sliced.rows('cloud', true, QUICK_OPEN_LIMIT, 0, true)).toEqual(plainRank(ordered, 'cloud', bonus, true))
  })

  it('finds a Chinese title by its pinyin initials and syllables', async () => {
    const ranker = new TitleIndex([{ path: 'posts/zh.md', title: '中文写作' }, ...items.slice(0, 200)])
    // A keystroke never works pinyin out: it waits for the warm-up, then the ranker takes it.
    expect(ranker.rank('zwxz', true, 5).map((r) => r.item.title)).not.toContain('中文写作')
    expect(knownPinyin('中文写作')).toBeUndefined()
    await warmPinyin(['中文写作'])
    ranker.takePinyin()
    expect(ranker.rank('zwxz', true, 5)[0]?.item.title).toBe('中文写作')
    expect(ranker.rank('zhongwen', true, 5)[0]?.item.title).toBe('中文写作')
    expect(ranker.rank('zwxz', false, 5).map((r) => r.item.title)).not.toContain('中文写作')
  })
})

describe('on random titles', () => {
  // A small alphabet, so that subsequences, typos and ties are common.
  const word = fc.stringMatching(/^[abcAB _/中文写]{0,12}$/)
  const item = fc.record({ path: fc.stringMatching(/^[abc/.]{1,10}$/), title: fc.option(word, { nil: null }) })

  it('every keystroke, every limit', () => {
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.array(fc.stringMatching(/^[abcAB 中]{0,7}$/), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (items, words, limit) => {
          const bonus = (a: Titled) => (a.path.length % 3) * 7.5
          // What the idle-time warm-up does before quick open opens.
          for (const a of items) if (a.title) pinyinOf(a.title)
          const ranker = new TitleIndex(items, bonus)
          for (const w of words) {
            for (const text of [...keystrokes(w), w.slice(0, -2)]) {
              expect(ranker.rank(text, true, limit)).toEqual(plainRank(items, text, bonus, true, limit))
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('the index kept between openings', () => {
  const title = fc.option(fc.stringMatching(/^[abcAB _中文写]{0,10}$/), { nil: null })
  // A library version: paths from a small set (so that articles stay, go and come back), in any order.
  const library = fc.uniqueArray(fc.record({ path: fc.stringMatching(/^[abc]{1,4}\.md$/), title }), { selector: (a) => a.path, maxLength: 40 })

  it('brought up to date a chunk at a time ranks as an index made for the last library', () => {
    fc.assert(
      fc.property(
        fc.array(library, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.stringMatching(/^[abc]{1,4}\.md$/), { maxLength: 4 }),
        fc.array(fc.stringMatching(/^[abcAB 中]{1,6}$/), { minLength: 1, maxLength: 4 }),
        (versions, recent, words) => {
          for (const a of versions.flat()) if (a.title) pinyinOf(a.title)
          const kept = new TitleIndex<Titled>()
          listRecentFirst(kept, recent)
          for (const version of versions) {
            kept.update(version)
            // A few steps of idle time, then on to the next version (the last one is finished by the ranking).
            let steps = 0
            kept.prepare(() => ++steps > 2)
            kept.rank(words[0] as string, true, 5)
          }
          const last = versions[versions.length - 1] as Titled[]
          const recency = new Map(recent.map((p, i) => [p, i]))
          const ordered = [...recent.flatMap((p) => last.find((a) => a.path === p) ?? []), ...last.filter((a) => !recency.has(a.path))]
          const bonus = (a: Titled) => {
            const at = recency.get(a.path)
            return at === undefined ? 0 : 40 * (1 - at / Math.max(recent.length, 1))
          }
          for (const w of words) {
            for (const text of [...keystrokes(w), '']) {
              expect(kept.rank(text, true, 8)).toEqual(plainRank(ordered, text, bonus, true, 8))
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a renamed article is found by its new name only, and a removed one not at all', () => {
    const items = blog(2000)
    const kept = new TitleIndex<Titled>(items)
    expect(kept.rank('Notes 1997', true, 1)[0]?.item.path).toBe(postPath(1997))
    const renamed = items.map((a, i) => (i === 1997 ? { path: 'posts/renamed.md', title: 'Renamed notes' } : a)).filter((_, i) => i !== 5)
    kept.update(renamed)
    kept.prepare(() => false)
    expect(kept.rank('renamed', true, 3)[0]?.item.path).toBe('posts/renamed.md')
    expect(kept.rank('Notes 1997 on', true, 100).map((r) => r.item.path)).not.toContain(postPath(1997))
    expect(kept.rank(postPath(5), true, 100).map((r) => r.item.path)).not.toContain(postPath(5))
    expect(kept.rank('', true, 3).map((r) => r.item.path)).toEqual(renamed.slice(0, 3).map((a) => a.path))
  })
})

describe('highlights worked out for the rows shown only', () => {
  const items = blog(3000).map((a, i) => (i % 11 === 6 ? { ...a, title: `中文写作第${i}篇 云计算` } : a))
  beforeAll(() => warmPinyin(items.map((a) => a.title)))
  const bonus = () => 0

  it('are worked out when a row is read, and equal the one-pass ranking even after the index changed', () => {
    // Every text a row is matched against, by needle: the rows read only, each once.
    const calls: string[] = []
    const counted =
      (match: Matcher): Matcher =>
      (needle, hay) => {
        calls.push(hay)
        return match(needle, hay)
      }
    const kept = new TitleIndex<Titled>(items, undefined, { exact: counted(subsequence), typo: counted(fuzzy) })
    // Chinese, pinyin initials and syllables, a typo, a scattered match, a path.
    for (const text of ['中文', 'zwxz', 'yunjisuan', 'cluod', 'Notes 12', 'ccase', '2015/03', 'zwxzd']) {
      calls.length = 0
      const rows = kept.rank(text, true, QUICK_OPEN_LIMIT)
      const plain = plainRank(items, text, bonus, true)
      expect(rows.length, text).toBe(plain.length)
      expect(calls, `${text}: nothing matched before a row is read`).toEqual([])
      // The picker reads the first 30 rows now; a renamed or removed article must not change what the rest read later.
      const read = rows.slice(0, 30)
      read.forEach((row, k) => expect(row.positions, text).toEqual(plain[k]?.positions))
      read.forEach((row) => row.score)
      // Each row read matched once against its four texts (title, path, initials, syllables), and no other row.
      const own = read.flatMap(({ item }) => {
        const spoken = item.title ? pinyinOf(item.title) : null
        return [item.title ?? '', item.path, spoken?.initials ?? '', spoken?.full ?? '']
      })
      expect(calls, text).toEqual(own)
      kept.update(items.map((a, i) => (i % 2 === 0 ? { path: a.path, title: `renamed ${i}` } : a)).filter((_, i) => i % 3 !== 0))
      kept.prepare(() => false)
      expect(rows, text).toEqual(plain)
      kept.update(items)
      kept.prepare(() => false)
    }
  })

  it('say loudly when a row ranked does not match its own texts, and still show the row', () => {
    const kept = new TitleIndex<Titled>(items, undefined, { exact: () => null, typo: () => null })
    const [row] = kept.rank('cloud', true, 1)
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(row?.positions).toEqual([])
      expect(said).toHaveBeenCalledWith(expect.stringMatching(/quick open ranked "[^"]+" for "cloud"/))
    } finally {
      said.mockRestore()
    }
  })
})

describe('pinyin kept as flat strings', () => {
  it('spells every title as pinyin-pro does, lower case without spaces', async () => {
    const { pinyin } = await import('pinyin-pro')
    const title = fc.stringMatching(/^[中文写作阿里云 Aİß\tZ5：，"-]{1,16}$/)
    fc.assert(
      fc.property(title, (text) => {
        const spoken = pinyinOf(text)
        if (!/\p{Script=Han}/u.test(text)) {
          expect(spoken).toBeNull()
          return
        }
        const syllables = pinyin(text, { toneType: 'none', type: 'array' })
        const initials = syllables.map((s) => String.fromCodePoint(s.codePointAt(0) ?? 32)).join('')
        expect(spoken).toEqual({ initials: initials.toLowerCase().replace(/\s+/g, ''), full: syllables.join('').toLowerCase().replace(/\s+/g, '') })
      }),
      { numRuns: 300 },
    )
  })
})

/** Every step of a ranking run to its end: the first rows it handed over on the way, and its rows. */
function stepped<T extends Titled>(index: TitleIndex<T>, text: string, pinyin: boolean, limit: number) {
  const steps = index.ranking(text, pinyin, limit)
  const early: Ranked<T>[][] = []
  for (;;) {
    const step = steps.next()
    if (step.done) return { early, rows: step.value }
    if (step.value) early.push(step.value)
  }
}

/**
 * A blog with a few posts named alike and many named one letter off: typing that name finds the
 * few exactly and then looks for typos among the many, the long part of the ranking.
 */
function blogWithSeries(): Titled[] {
  const series = Array.from({ length: 40 }, (_, i) => ({ path: `plans/plan-${i}.md`, title: `Quarterly plan ${i}` }))
  const near = Array.from({ length: 3000 }, (_, i) => ({ path: `drafts/d-${i}.md`, title: `Quarterly pla ${i}` }))
  return [...blog(6000), ...series, ...near]
}

describe("the first rows a ranking hands over before it is done are its rows' first ones", () => {
  it('on a folder big enough for runs to be looked for first, key by key', () => {
    const items = blogWithSeries()
    const recent = [items[9], items[4]].map((a) => (a as Titled).path)
    const ranker = articleRanker(items, recent)
    let handed = 0
    for (const word of ['quarterly plan', 'notes 12', 'cloud team', 'leadr', 'zwxz', 'yunji', 'e', 'ccase', '2015/03', 'post-12', 'plan 3']) {
      for (const text of keystrokes(word)) {
        const { early, rows } = stepped(ranker, text, true, QUICK_OPEN_LIMIT)
        expect(rows, text).toEqual(ranker.rank(text, true, QUICK_OPEN_LIMIT))
        for (const first of early) expect(first, text).toEqual((rows ?? []).slice(0, first.length))
        handed += early.filter((first) => first.length > 0).length
      }
    }
    // Not vacuous: keystrokes did hand their first rows over early.
    expect(handed).toBeGreaterThan(0)
  })

  it('on random titles, bonuses and limits', () => {
    const word = fc.stringMatching(/^[abcAB _/中文写]{0,12}$/)
    const item = fc.record({ path: fc.stringMatching(/^[abc/.]{1,10}$/), title: fc.option(word, { nil: null }) })
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.array(fc.stringMatching(/^[abcAB 中]{0,7}$/), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (items, words, limit) => {
          const bonus = (a: Titled) => (a.path.length % 3) * 7.5
          for (const a of items) if (a.title) pinyinOf(a.title)
          const ranker = new TitleIndex(items, bonus)
          for (const w of words) {
            for (const text of keystrokes(w)) {
              const { early, rows } = stepped(ranker, text, true, limit)
              expect(rows).toEqual(plainRank(items, text, bonus, true, limit))
              for (const first of early) expect(first).toEqual((rows ?? []).slice(0, first.length))
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('are shown while the ranking goes on, and the list says whose rows it shows', () => {
    const items = blogWithSeries()
    const sliced = new SlicedRanking(
      articleRanker(items, []),
      () => undefined,
      () => undefined,
      // No time for a step: each call works one step, as on a machine too busy for more.
      0,
      10,
    )
    // Fewer than a list of exact matches: typos are looked for after them, among thousands.
    const whole = articleRanker(items, []).rank('quarterly plan', true, QUICK_OPEN_LIMIT)
    let shown = sliced.rows('quarterly plan', true, QUICK_OPEN_LIMIT, 0)
    while (sliced.state === 'earlier') {
      expect(sliced.slice()).toBe(false)
      shown = sliced.rows('quarterly plan', true, QUICK_OPEN_LIMIT, 0)
    }
    // The typos are still being looked for, and the exact matches are listed already.
    expect(sliced.state).toBe('first')
    expect(sliced.pending).toBe(true)
    expect(shown.length).toBeGreaterThanOrEqual(10)
    expect(shown).toEqual(whole.slice(0, shown.length))
    while (!sliced.slice());
    expect(sliced.state).toBe('done')
    expect(sliced.rows('quarterly plan', true, QUICK_OPEN_LIMIT, 0)).toEqual(whole)
  })
})
