/**
 * The library's rows as they arrive in batches (renderer/library/row-store): whatever the batches,
 * the rows are the folder's articles by path, in the order a whole listing sorted by the library
 * gives, and a batch that changes nothing keeps the same list.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LibraryRow } from '../../../../shared/contract'
import { applyQuery, categoryFacets, heldCategoryKeySets } from '../../../../renderer/library/filters'
import { RowStore } from '../../../../renderer/library/row-store'
import { articleSummary } from './summary'

function summary(path: string, dateMs: number | null, title = path): LibraryRow {
  return articleSummary(path, { dateMs, title })
}

const DATE_QUERY = { sort: 'date', status: 'all', category: null, tag: null } as const

/** A path from a few, so batches change and remove rows already there; dates with ties and none. */
const row = fc.record({
  path: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `posts/p${i}.md`)),
  day: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  title: fc.string(),
})
const batch = fc.record({
  rows: fc.array(row, { maxLength: 6 }),
  removed: fc.array(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `posts/p${i}.md`)), { maxLength: 3 }),
})

describe('the row store', () => {
  it('holds what a whole listing would, in the library’s date order, after any batches', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.array(batch, { maxLength: 8 }), (first, batches) => {
        const store = new RowStore()
        const truth = new Map<string, LibraryRow>()
        const made = (r: { path: string; day: number | null; title: string }) => summary(r.path, r.day === null ? null : r.day * 86_400_000, r.title)
        for (const r of first) truth.set(r.path, made(r))
        store.reset([...truth.values()])
        for (const b of batches) {
          for (const path of b.removed) truth.delete(path)
          const rows = b.rows.map(made)
          for (const r of rows) truth.set(r.path, r)
          store.apply(rows, b.removed)
          expect(store.size).toBe(truth.size)
          // applyQuery takes the store's list as sorted; a plain copy is sorted anew: both agree.
          expect(applyQuery(store.rows, DATE_QUERY)).toEqual(applyQuery([...truth.values()], DATE_QUERY))
        }
      }),
    )
  })

  it('keeps the same list when a batch changes nothing, and a new one when it does', () => {
    const store = new RowStore()
    const a = summary('a.md', 2)
    const before = store.reset([a, summary('b.md', 1)])
    expect(store.apply([a], ['gone.md'])).toBe(before)
    const after = store.apply([summary('c.md', 3)], [])
    expect(after).not.toBe(before)
    expect(after.map((r) => r.path)).toEqual(['c.md', 'a.md', 'b.md'])
    expect(before.map((r) => r.path)).toEqual(['a.md', 'b.md'])
  })
})

describe('rows sharing their repeated strings', () => {
  const listed = fc.record({
    path: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `posts/p${i}.md`)),
    tags: fc.array(fc.constantFrom('云计算', 't1', 'Tech', ''), { maxLength: 3 }),
    categories: fc.array(fc.array(fc.constantFrom('新媒体', 'ZAKER', 'channel-0'), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
    keys: fc.uniqueArray(fc.constantFrom('title', 'date', 'tags', 'categories', 'draft'), { maxLength: 5 }),
  })
  const summaries = (rows: readonly { path: string; tags: string[]; categories: string[][]; keys: string[] }[]) =>
    rows.map((r) => articleSummary(r.path, { tags: r.tags, categories: r.categories, keys: r.keys, format: 'yaml' }))

  it('hold what came over the bridge, through a listing and later batches', () => {
    fc.assert(
      fc.property(fc.array(listed, { maxLength: 8 }), fc.array(fc.array(listed, { maxLength: 4 }), { maxLength: 4 }), (first, batches) => {
        const store = new RowStore()
        // What the bridge gives: fresh copies, compared with the rows the store holds.
        const expected = new Map(summaries(first).map((a) => [a.path, structuredClone(a)]))
        store.reset(summaries(first))
        for (const b of batches) {
          for (const a of summaries(b)) expected.set(a.path, structuredClone(a))
          store.apply(summaries(b), [])
        }
        expect(new Map(store.rows.map((a) => [a.path, a]))).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the rows the store is handed', () => {
  /** A row as the bridge could hand it, frozen through and through: the store may not change it. */
  function frozen<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) frozen(inner)
      Object.freeze(value)
    }
    return value
  }

  it('are left as they were, and the store keeps its own copies without an excerpt', () => {
    const handed = [1, 2, 3].map((i) =>
      frozen({
        ...articleSummary(`p${i}.md`, { dateMs: i, tags: ['云计算'], categories: [['新媒体', 'ZAKER']], keys: ['title', 'date'] }),
        excerpt: '第一段。',
      }),
    )
    const copies = structuredClone(handed)
    const store = new RowStore()
    store.reset(handed)
    store.apply([frozen({ ...articleSummary('p4.md', { dateMs: 4, tags: ['云计算'] }), excerpt: '又一段。' })], [])
    expect(handed).toEqual(copies)
    expect(store.rows.map((a) => a.path)).toEqual(['p4.md', 'p3.md', 'p2.md', 'p1.md'])
    expect(store.rows.some((a) => 'excerpt' in a)).toBe(false)
    // The repeated lists are one list, held by every row that has it.
    expect(store.rows[1]?.categories).toBe(store.rows[2]?.categories)
  })

  it('let go of the strings of rows changed since, however long the session', () => {
    const store = new RowStore()
    store.reset(Array.from({ length: 10 }, (_, i) => articleSummary(`p${i}.md`, { dateMs: i })))
    const start = store.sharing
    // A writer saving one post over and over, each time with a new tag.
    for (let save = 0; save < 5000; save++) store.apply([articleSummary('p0.md', { dateMs: 0, tags: [`tag ${save}`] })], [])
    expect(store.size).toBe(10)
    expect(store.rows.find((a) => a.path === 'p0.md')?.tags).toEqual(['tag 4999'])
    expect(store.sharing).toBeLessThan(start + 1500)
  })
})

describe('the category filter’s sets of keys', () => {
  it('are held for the listing shown, not for every folder opened before it', () => {
    const store = new RowStore()
    const folder = (name: string, sets: number): LibraryRow[] =>
      Array.from({ length: sets * 3 }, (_, i) => articleSummary(`${name}/${i}.md`, { categories: [[`${name}-${i % sets}`, 'sub']] }))
    for (const [name, sets] of [
      ['a', 40],
      ['b', 30],
      ['c', 20],
    ] as const) {
      const rows = store.reset(folder(name, sets))
      expect(categoryFacets(rows)).toHaveLength(sets * 2)
      // One set per distinct categories of this folder: the folders before are let go.
      expect(heldCategoryKeySets()).toBe(sets)
    }
  })
})
