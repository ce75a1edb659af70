/**
 * A new listing after a save lists in the library's order at once, made from the listing before
 * it (renderer/library/order-from-earlier, filters listQuery), and equals a sort from scratch; a
 * sort still finishing for a listing the library has left stops.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LibraryRow } from '../../../../shared/contract'
import { applyQuery, compare, listQuery, type SortKey } from '../../../../renderer/library/filters'
import { MOST_NEW_ROWS, orderFromEarlier } from '../../../../renderer/library/order-from-earlier'
import { articleSummary } from './summary'

const TITLES = ['Story 9', 'story 10', '云 笔记', 'Ärger', 'apple', 'Zebra 2', '']
const SORTS: SortKey[] = ['date', 'title', 'updated']

function row(i: number, seed: number): LibraryRow {
  return articleSummary(`source/_posts/p${i}.md`, {
    title: seed % 5 === 0 ? null : `${TITLES[seed % TITLES.length]} ${seed % 13}`,
    dateMs: seed % 7 === 0 ? null : (seed % 11) * 86_400_000,
    updatedMs: seed % 3 === 0 ? null : (seed % 4) * 86_400_000,
    mtimeMs: (seed % 6) * 1000,
  })
}

describe('a listing ordered from the one before it', () => {
  it('equals a sort from scratch, whatever rows were kept, changed, added or removed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { maxLength: 200 }),
        fc.array(fc.tuple(fc.constantFrom('keep', 'change', 'remove'), fc.nat(1000)), { maxLength: 200 }),
        fc.array(fc.nat(1000), { maxLength: 30 }),
        fc.constantFrom(...SORTS),
        (seeds, fates, added, sort) => {
          const earlier = seeds.map((seed, i) => row(i, seed))
          const next: LibraryRow[] = []
          earlier.forEach((r, i) => {
            const [fate, seed] = fates[i] ?? ['keep', 0]
            if (fate === 'keep') next.push(r)
            else if (fate === 'change') next.push(row(i, seed))
          })
          added.forEach((seed, j) => next.push(row(seeds.length + j, seed)))
          // The listing's own order is not the asked one.
          next.reverse()
          const cmp = compare(sort)
          expect(orderFromEarlier(earlier.slice().sort(cmp), next, cmp)).toEqual(next.slice().sort(cmp))
        },
      ),
    )
  })

  it('leaves a listing with more new rows than MOST_NEW_ROWS to a sort', () => {
    const rows = Array.from({ length: MOST_NEW_ROWS + 1 }, (_, i) => row(i, i))
    expect(orderFromEarlier([], rows, compare('title'))).toBeUndefined()
  })

  it('lists a listing after a save in title order at once, not by date until a sort in slices finishes', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => row(i, (i * 7919) % 20_000))
    const query = { sort: 'title', status: 'all', category: null, tag: null } as const
    expect(applyQuery(list, query)).toHaveLength(list.length)
    // A save: one row comes back changed, another file is new.
    const saved = list.slice()
    saved[5] = { ...saved[5]!, title: 'aaa first after the save' }
    saved.push(row(20_000, 42))
    const queued: (() => void)[] = []
    const listed = listQuery(
      saved,
      query,
      () => undefined,
      (work) => queued.push(work),
    )
    expect(listed.sorting).toBe(false)
    expect(listed.rows).toEqual(saved.slice().sort(compare('title')))
    expect(queued).toEqual([])
  })

  it('stops finishing the sort of a listing the library has left', () => {
    const first = Array.from({ length: 20_000 }, (_, i) => row(i, (i * 31) % 20_000))
    const second = Array.from({ length: 20_000 }, (_, i) => row(i, (i * 17) % 20_000))
    const query = { sort: 'updated', status: 'all', category: null, tag: null } as const
    const queued: (() => void)[] = []
    const later = (work: () => void) => queued.push(work)
    const finished: string[] = []
    expect(listQuery(first, query, () => finished.push('first'), later).sorting).toBe(true)
    queued.shift()?.()
    expect(listQuery(second, query, () => finished.push('second'), later).sorting).toBe(true)
    let slices = 0
    while (queued.length > 0) {
      queued.shift()?.()
      slices++
    }
    expect(finished).toEqual(['second'])
    // The first listing's next slice saw it was left and did no more.
    expect(listQuery(first, query, () => undefined, later).sorting).toBe(true)
    expect(slices).toBeGreaterThan(1)
  })
})
