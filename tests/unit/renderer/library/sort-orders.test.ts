/**
 * The library's sort orders (renderer/library/filters, sort-steps): the sort in steps gives what
 * Array.prototype.sort gives, and orders warmed in idle slices, finished or cut short by a sort
 * change, list exactly what a sort from scratch lists.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORY_SEPARATOR, type LibraryRow } from '../../../../shared/contract'
import { applyQuery, categoryFacets, compare, listQuery, warmSortOrders, type SortKey } from '../../../../renderer/library/filters'
import { sortNow, sortSteps } from '../../../../renderer/library/sort-steps'
import type { Deadline } from '../../../../renderer/idle/idle'
import { articleSummary } from './summary'

function summary(i: number, title: string | null, dateMs: number | null, updatedMs: number | null): LibraryRow {
  return articleSummary(`source/_posts/p${i}.md`, { title, dateMs, updatedMs, mtimeMs: 1_700_000_000_000 + i })
}

const articles = fc
  .array(
    fc.tuple(
      fc.option(fc.constantFrom('Story 9', 'story 10', '云 笔记', 'Ärger', 'apple', 'Zebra 2', '')),
      fc.option(fc.integer({ min: 0, max: 5 })),
      fc.option(fc.integer({ min: 0, max: 5 })),
    ),
    {
      maxLength: 300,
    },
  )
  .map((rows) =>
    rows.map(([title, date, updated], i) => summary(i, title, date === null ? null : date * 86_400_000, updated === null ? null : updated * 86_400_000)),
  )

const ALL = { status: 'all', category: null, tag: null } as const
const SORTS: SortKey[] = ['date', 'title', 'updated']

describe('sort orders', () => {
  it('sorts in steps as Array.prototype.sort does', () => {
    fc.assert(
      fc.property(articles, fc.constantFrom(...SORTS), (list, sort) => {
        expect(sortNow(sortSteps(list, compare(sort)))).toEqual(list.slice().sort(compare(sort)))
      }),
    )
  })

  it('lists the same after a warm-up, whole or cut short by a sort change', () => {
    fc.assert(
      fc.property(articles, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...SORTS), (list, slices, sort) => {
        const expected = list.slice().sort(compare(sort))
        const queued: ((deadline: Deadline) => void)[] = []
        // Each idle slice has time for a few steps only.
        let budget = 0
        const deadline: Deadline = { timeRemaining: () => (budget-- > 0 ? 5 : 0) }
        warmSortOrders(list, (work) => queued.push(work))
        for (let i = 0; i < slices && queued.length > 0; i++) {
          budget = 3
          queued.shift()?.(deadline)
        }
        expect(applyQuery(list, { ...ALL, sort })).toEqual(expected)
        // The warm-up going on after the change leaves the order as it is.
        while (queued.length > 0) {
          budget = 3
          queued.shift()?.(deadline)
        }
        expect(applyQuery(list, { ...ALL, sort })).toEqual(expected)
      }),
    )
  })
})

describe('a sort change before the warm-up is done', () => {
  it('lists the filtered rows in the listing order at once, sorts in slices, then lists them sorted', () => {
    const titles = ['Story 9', 'story 10', '云 笔记', 'Ärger', 'apple', 'Zebra 2']
    const list = Array.from({ length: 20_000 }, (_, i) =>
      articleSummary(`source/_posts/p${i}.md`, { title: `${titles[i % titles.length]} ${(i * 7919) % 20_000}`, draft: i % 3 === 0 }),
    )
    const drafts = { sort: 'title', status: 'drafts', category: null, tag: null } as const
    const queued: (() => void)[] = []
    const later = (work: () => void) => queued.push(work)
    const finished: string[] = []
    const first = listQuery(list, drafts, () => finished.push('first'), later)
    expect(first.sorting).toBe(true)
    expect(first.rows).toEqual(list.filter((a) => a.draft))
    // Another change while it sorts waits for the same sort.
    expect(listQuery(list, { ...drafts, status: 'all' }, () => finished.push('second'), later).rows).toEqual(list)
    // A slice is a few milliseconds of it: sorting 20,000 titles by collation takes many.
    queued.shift()?.()
    expect(queued.length).toBe(1)
    expect(finished).toEqual([])
    while (queued.length > 0) queued.shift()?.()
    expect(finished).toEqual(['first', 'second'])
    const after = listQuery(list, drafts, () => finished.push('again'), later)
    expect(after.sorting).toBe(false)
    expect(after.rows).toEqual(list.filter((a) => a.draft).sort(compare('title')))
    expect(queued).toEqual([])
  })

  it('finished in slices after a warm-up cut short, lists what a sort from scratch lists', () => {
    fc.assert(
      fc.property(articles, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...SORTS), (list, slices, sort) => {
        const idle: ((deadline: Deadline) => void)[] = []
        let budget = 0
        const deadline: Deadline = { timeRemaining: () => (budget-- > 0 ? 5 : 0) }
        warmSortOrders(list, (work) => idle.push(work))
        for (let i = 0; i < slices && idle.length > 0; i++) {
          budget = 3
          idle.shift()?.(deadline)
        }
        const queued: (() => void)[] = []
        let done = 0
        const listed = listQuery(
          list,
          { ...ALL, sort },
          () => done++,
          (work) => queued.push(work),
        )
        if (listed.sorting) expect(listed.rows).toEqual(list)
        // The warm-up and the change's slices take turns on the same sort.
        while (queued.length > 0 || idle.length > 0) {
          queued.shift()?.()
          budget = 3
          idle.shift()?.(deadline)
        }
        expect(done).toBe(listed.sorting ? 1 : 0)
        expect(listQuery(list, { ...ALL, sort }, () => done++).rows).toEqual(list.slice().sort(compare(sort)))
      }),
    )
  })
})

describe('category filters and facets over categories sets shared between rows', () => {
  const name = fc.constantFrom('A', 'B', 'A › B', '新媒体', '')
  const categories = fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 3 })

  /** Every prefix of every category path, worked out for the row alone. */
  const keysOf = (a: LibraryRow) => new Set(a.categories.flatMap((path) => path.map((_, i) => path.slice(0, i + 1).join(CATEGORY_SEPARATOR))))

  it('count and filter each row by its own categories', () => {
    fc.assert(
      fc.property(fc.array(categories, { maxLength: 12 }), (sets) => {
        const rows = sets.map((c, i) => articleSummary(`posts/p${i}.md`, { categories: c }))
        const counts = new Map<string, number>()
        for (const a of rows) for (const key of keysOf(a)) counts.set(key, (counts.get(key) ?? 0) + 1)
        expect(new Map(categoryFacets(rows).map((f) => [f.value, f.count]))).toEqual(counts)
        for (const key of [...counts.keys(), 'A › B › A']) {
          const query = { sort: 'date', status: 'all', category: key, tag: null } as const
          expect(
            applyQuery(rows, query)
              .map((a) => a.path)
              .sort(),
          ).toEqual(
            rows
              .filter((a) => keysOf(a).has(key))
              .map((a) => a.path)
              .sort(),
          )
        }
      }),
      { numRuns: 300 },
    )
  })
})
