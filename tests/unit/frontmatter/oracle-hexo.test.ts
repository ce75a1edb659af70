/**
 * Hexo's own front-matter reader as the oracle: hexo-front-matter 4 (js-yaml 4), which Hexo 8
 * reads every post with, after hexo-fs has dropped a BOM and turned CRLF into LF. Generated
 * files in the shapes Hexo blogs hold (leading blank lines, fenceless headers, `;;;` JSON, tabs,
 * odd fences, date-like and number-like values) are read by Folio with the Hexo rules and by the
 * oracle: where Hexo reads a header, Folio reads the same values and the same body; where it
 * reads none, Folio reads no fields. Each edit Folio makes is read back by the oracle.
 */
import fc from 'fast-check'
import { parse as hexoParse } from 'hexo-front-matter'
import { describe, expect, it } from 'vitest'
import { applyPatches, parse, removeKey, setValue } from '../../../shared/frontmatter'
import type { EditOptions } from '../../../shared/frontmatter/types'
import { entryLines, isFolioError, plainFields, plainOracle, readsBackAs, TRICKY_VALUES, type Plain } from './oracle-helpers'

const hexo: EditOptions = { site: 'hexo' }

interface HexoReading {
  fields: Record<string, Plain> | null
  raw: Record<string, unknown>
  content: string
  error: boolean
}

/** What Hexo makes of a post's text: hexo-fs's escapes, then hexo-front-matter's parse. */
function hexoRead(text: string): HexoReading {
  const normalized = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n/g, '\n')
  let data: Record<string, unknown>
  try {
    data = hexoParse(normalized) as Record<string, unknown>
  } catch {
    return { fields: null, raw: {}, content: normalized, error: true }
  }
  const { _content: content, ...fields } = data
  // A header without keys is none: Hexo shows no metadata, and Folio edits none there.
  const none = Object.keys(fields).length === 0
  return { fields: none ? null : (plainOracle(fields) as Record<string, Plain>), raw: fields, content: String(content), error: false }
}

const normalize = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s).replace(/\r\n/g, '\n')

const key = fc.constantFrom('title', 'date', 'tags', 'categories', 'author', 'updated', 'comments', 'toc', 'description', '标题', 'photos')
const opening = fc.constantFrom('---', '---', '---', '--- ', '----', '---yaml', '---json', ';;;', '')
const closing = fc.constantFrom('---', '---', '---', '--- ', '...', '----')
const prefix = fc.constantFrom('', '', '\n', '\n\n', '\uFEFF', '# 注释\n')
const body = fc.constantFrom('正文\n', '', '\nText.\n\n---\n\nMore.\n', 'title: not a key\n')

/** A Hexo post: prefix, optional opening fence, entries (some tab-indented), closing fence, body. */
const post = fc
  .record({
    prefix,
    opening,
    closing,
    body,
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    entries: fc.uniqueArray(fc.tuple(key, entryLines), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
    blank: fc.boolean(),
  })
  .map(({ prefix, opening, closing, body, eol, entries, blank }) => {
    const lines = entries.flatMap(([k, make]) => make(k))
    if (blank) lines.splice(1, 0, '')
    const json = opening === ';;;'
    const header = json ? entries.map(([k], i) => `"${k}": ${JSON.stringify(`v${i}`)}${i < entries.length - 1 ? ',' : ''}`) : lines
    const open = opening === '' ? [] : [opening]
    const close = json ? ';;;' : closing
    return (prefix + [...open, ...header, close].join('\n') + '\n' + body).replace(/\n/g, eol)
  })

describe('Folio reads a post as Hexo does', () => {
  it('the same header (or none), the same values and the same body', () => {
    fc.assert(
      fc.property(post, (text) => {
        const oracle = hexoRead(text)
        const p = parse(text, hexo)
        const where = JSON.stringify(text)
        if (oracle.error) {
          expect(p.ok, `Hexo stops on ${where}; Folio must report it`).toBe(false)
          return
        }
        if (oracle.fields === null) {
          expect(p.fields, `Hexo reads no header in ${where}`).toEqual([])
          return
        }
        // Folio may decline a header Hexo reads only by naming the Hexo rule that makes it odd.
        if (p.errors[0]?.code === 'not-read') {
          expect(p.errors[0].message, where).toMatch(/^Hexo /)
          return
        }
        expect(p.errors, where).toEqual([])
        expect(plainFields(p.fields, oracle.raw), where).toEqual(oracle.fields)
        // Hexo starts the body right after the closing dashes (a space after them is body).
        expect(normalize(text.slice(p.detection.bodyStart)).trimStart(), where).toBe(oracle.content.trimStart())
      }),
      { numRuns: 600 },
    )
  })
})

describe("Folio's edits read back through Hexo's reader", () => {
  const str = fc.oneof(fc.constantFrom(...TRICKY_VALUES), fc.string({ unit: 'grapheme', maxLength: 12 }))
  const value = fc.oneof(
    { weight: 4, arbitrary: str },
    fc.array(str, { minLength: 1, maxLength: 3 }),
    fc.record({ name: str, links: fc.array(str, { minLength: 1, maxLength: 2 }) }),
  )

  it('setting a key gives that value and leaves every other key and the body as Hexo read them', () => {
    fc.assert(
      fc.property(post, key, value, (text, k, v) => {
        const before = hexoRead(text)
        if (before.fields === null || !parse(text, hexo).ok) return
        let patches
        try {
          patches = setValue(text, k, v, hexo)
        } catch (error) {
          // Refused with a message (a header Folio cannot edit byte-exactly): nothing written.
          expect(isFolioError(error), String(error)).toBe(true)
          return
        }
        const where = `${JSON.stringify(text)} ← ${k}=${JSON.stringify(v)}`
        if (patches.length === 0) {
          // Only a value that already reads as the one given is left as it is.
          expect(typeof v === 'string' ? isScalar(before.fields[k]) : before.fields[k] !== undefined, where).toBe(true)
          return
        }
        const out = applyPatches(text, patches)
        const after = hexoRead(out)
        expect(after.error, `${where} → ${JSON.stringify(out)}`).toBe(false)
        if (!readsBackAs(before.fields[k], after.fields?.[k], v)) expect(after.fields?.[k], `${where} → ${JSON.stringify(out)}`).toEqual(v)
        expect({ ...after.fields, [k]: null }, where).toEqual({ ...before.fields, [k]: null })
        expect(after.content, where).toBe(before.content)
      }),
      { numRuns: 400 },
    )
  })

  it('removing a key leaves the others; removing the last leaves no header and the same body', () => {
    fc.assert(
      fc.property(post, fc.nat(), (text, n) => {
        const before = hexoRead(text)
        if (before.fields === null || !parse(text, hexo).ok) return
        const keys = Object.keys(before.fields)
        const k = keys[n % keys.length] as string
        let out: string
        try {
          out = applyPatches(text, removeKey(text, k, hexo))
        } catch (error) {
          expect(isFolioError(error), String(error)).toBe(true)
          return
        }
        const after = hexoRead(out)
        const where = `${JSON.stringify(text)} → ${JSON.stringify(out)}`
        const { [k]: _gone, ...rest } = before.fields
        expect(after.fields ?? {}, where).toEqual(rest)
        expect(after.content.trimStart(), where).toBe(before.content.trimStart())
      }),
      { numRuns: 400 },
    )
  })
})

function isScalar(p: Plain | undefined): boolean {
  return typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' || (p !== null && typeof p === 'object' && 'date' in p)
}
