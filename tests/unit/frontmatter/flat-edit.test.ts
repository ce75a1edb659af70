/**
 * The form's fast write (setFlatScalar in shared/frontmatter/edit.ts) against the full path
 * (setValueParsed): for generated headers, flat and not, and every kind of scalar a form writes,
 * setValue makes exactly the patches the full parser's path makes, under each site's reader, with
 * or without a kept quote style, as a date or not. Where the fast path answers, the full path agrees.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyPatches, setFlatScalar, setValue, setValueParsed } from '../../../shared/frontmatter/edit'
import type { EditOptions, EditValue, TextPatch } from '../../../shared/frontmatter/types'
import { flatHeader, flatKey, header, key, text } from './yaml-headers'

const SITES: EditOptions[] = [{}, { site: 'hexo', timeZone: 'Asia/Shanghai' }, { site: 'jekyll' }, { site: 'hugo' }]

/** What a form writes: typed text (key by key, so with trailing blanks too), numbers, switches, a cleared value. */
const scalar: fc.Arbitrary<EditValue> = fc.oneof(
  text,
  text.map((t) => `${t} `),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', 'a\tb', 'line\nbreak', '2024-05-06 07:08:09', '2024-05-06', '雷锋', 'The Folio team and friends'),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noDefaultInfinity: false }),
  fc.boolean(),
  fc.constant(null),
)

const options = fc.record({
  quote: fc.constantFrom(undefined, 'plain', 'single', 'double'),
  date: fc.boolean(),
  eol: fc.constantFrom(undefined, '\n', '\r\n'),
})

/** The patches, or the error's code when the edit is refused. */
function outcome(make: () => TextPatch[]): TextPatch[] | string {
  try {
    return make()
  } catch (e) {
    return (e as { code?: string }).code ?? String(e)
  }
}

describe("the form's fast write", () => {
  it('patches every generated header exactly as the full parser path does', () => {
    let fast = 0
    fc.assert(
      fc.property(fc.oneof({ arbitrary: flatHeader, weight: 3 }, { arbitrary: header, weight: 1 }), fc.oneof(flatKey, key), scalar, options, (h, k, v, o) => {
        for (const site of SITES) {
          const opts: EditOptions = { ...site, date: o.date }
          if (o.quote) opts.quote = o.quote
          if (o.eol) opts.eol = o.eol
          const quick = setFlatScalar(h, k, v, opts)
          const full = outcome(() => setValueParsed(h, k, v, opts))
          if (quick !== null) {
            fast++
            expect(quick).toEqual(full)
          }
          expect(outcome(() => setValue(h, k, v, opts))).toEqual(full)
        }
      }),
      { numRuns: 2000 },
    )
    // The generator must give the fast path real work, not only headers it leaves alone.
    expect(fast).toBeGreaterThan(500)
  }, 300_000)

  it('writes one typed value after another as the full path does (a field typed key by key)', () => {
    const typed = fc.array(fc.constantFrom('a', ' ', '雷', "'", '"', ':', '#', '1', '-'), { minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(flatHeader, flatKey, typed, options, (h, k, keys, o) => {
        let quick = h
        let full = h
        let value = ''
        const opts: EditOptions = { site: 'hexo', ...(o.quote ? { quote: o.quote } : {}) }
        for (const c of keys) {
          value += c
          const a = outcome(() => setValue(quick, k, value, opts))
          const b = outcome(() => setValueParsed(full, k, value, opts))
          expect(a).toEqual(b)
          if (typeof a === 'string' || typeof b === 'string') return
          quick = applyPatches(quick, a)
          full = applyPatches(full, b)
        }
        expect(quick).toBe(full)
      }),
      { numRuns: 500 },
    )
  }, 300_000)

  it("quotes a list set to a text as the header's strings are quoted, as the full path does", () => {
    // Only a value without a style of its own (a flow list here) takes the block's habit.
    const written = fc.oneof(
      text,
      text.map((t) => `'${t.replace(/'/g, "''")}'`),
      text.map((t) => JSON.stringify(t)),
    )
    const habitual = fc
      .tuple(fc.uniqueArray(fc.tuple(flatKey, written), { minLength: 1, maxLength: 6, selector: ([k]) => k }), fc.array(text, { maxLength: 3 }))
      .map(([entries, items]) => `---\n${entries.map(([k, v]) => `${k}: ${v}`).join('\n')}\nlist: [${items.join(', ')}]\n---\n`)
    let fast = 0
    fc.assert(
      fc.property(habitual, scalar, (h, v) => {
        const quick = setFlatScalar(h, 'list', v, { site: 'hexo' })
        if (quick === null) return
        fast++
        expect(quick).toEqual(setValueParsed(h, 'list', v, { site: 'hexo' }))
      }),
      { numRuns: 1000 },
    )
    expect(fast).toBeGreaterThan(100)
  })

  it('takes the headers typing into the form sees, and keeps a CRLF file CRLF', () => {
    const post =
      "---\r\ntitle: '第 1 篇：阿里云'\r\ndate: 2015-01-01 04:51:00\r\nauthor: ZAKER\r\ncategories:\r\n - 新媒体\r\ntags: [云计算, 阿里]\r\n---\r\nbody\r\n"
    const patches = setFlatScalar(post, 'author', 'ZAKER and friends', { site: 'hexo' })
    expect(patches).toEqual(setValueParsed(post, 'author', 'ZAKER and friends', { site: 'hexo' }))
    expect(applyPatches(post, patches ?? [])).toBe(post.replace('author: ZAKER', 'author: ZAKER and friends'))
    // A value that needs quotes for a moment gets them, and loses them when it no longer does.
    expect(applyPatches(post, setFlatScalar(post, 'author', 'ZAKER ', { site: 'hexo' }) ?? [])).toContain("author: 'ZAKER '\r\n")
    // The original quote style stays.
    expect(applyPatches(post, setFlatScalar(post, 'title', '第 2 篇', { site: 'hexo', quote: 'single' }) ?? [])).toContain("title: '第 2 篇'\r\n")
    // Lists below their key, missing keys and collections are left to the full path.
    expect(setFlatScalar(post, 'categories', 'x', { site: 'hexo' })).toBeNull()
    expect(setFlatScalar(post, 'missing', 'x', { site: 'hexo' })).toBeNull()
    expect(setFlatScalar(post, 'tags', ['x'], { site: 'hexo' })).toBeNull()
  })
})
