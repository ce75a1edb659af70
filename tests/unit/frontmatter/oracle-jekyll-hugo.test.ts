/**
 * Independent readers as oracles for the other generators: gray-matter with YAML 1.1 values for
 * Jekyll's headers (the fence on the first line, as Jekyll and gray-matter both require) and
 * smol-toml for Hugo's TOML headers. Generated headers are read by Folio and the oracle alike, and every
 * set and unset Folio makes is read back by the oracle: the value set, every other key as before.
 */
import fc from 'fast-check'
import matter from 'gray-matter'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { applyPatches, parse, removeKey, setValue } from '../../../shared/frontmatter'
import { hasControl } from '../../../shared/frontmatter/quote'
import type { EditOptions, EditValue } from '../../../shared/frontmatter/types'
import { entryLines, isFolioError, plainFields, plainOracle, readsBackAs, TRICKY_VALUES, type Plain } from './oracle-helpers'

interface Reading {
  fields: Record<string, Plain>
  raw: Record<string, unknown>
  body: string
}

/**
 * Jekyll's reading: gray-matter finds the header as Jekyll does (the fence on the first line), and
 * its values are read as YAML 1.1 like Jekyll's Psych (`no` is false, `017` is 15), by the `yaml`
 * package in 1.1 mode (js-yaml 3 inside gray-matter keeps `yes`/`no` strings, Psych does not).
 */
function jekyllReading(text: string): Reading | 'error' {
  try {
    const file = matter(text, {})
    const header = file.matter.replace(/\r\n?/g, '\n')
    const raw = (header.trim() === '' ? {} : (parseYaml(header, { version: '1.1' }) ?? {})) as Record<string, unknown>
    return { fields: plainOracle(raw) as Record<string, Plain>, raw, body: file.content }
  } catch {
    return 'error'
  }
}

/** smol-toml on what lies between the `+++` fences, as Hugo splits a page. */
function toml(text: string): Reading | 'error' {
  const m = /^\+\+\+\r?\n([\s\S]*?)^\+\+\+[ \t]*\r?\n?/m.exec(text)
  if (!m || m.index !== 0) return 'error'
  try {
    const raw = parseToml(m[1] ?? '') as Record<string, unknown>
    return { fields: plainOracle(raw) as Record<string, Plain>, raw, body: text.slice(m[0].length) }
  } catch {
    return 'error'
  }
}

const str = fc.oneof(fc.constantFrom(...TRICKY_VALUES), fc.string({ unit: 'grapheme', maxLength: 12 }))
const value: fc.Arbitrary<EditValue> = fc.oneof(
  { weight: 4, arbitrary: str },
  fc.array(str, { minLength: 1, maxLength: 3 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
)

/** Reading, set and unset agree with the oracle on generated files. */
function agreeWithOracle(
  name: string,
  files: fc.Arbitrary<string>,
  oracle: (text: string) => Reading | 'error',
  opts: EditOptions,
  keys: fc.Arbitrary<string>,
): void {
  describe(name, () => {
    it('reads the same values and the same body', () => {
      fc.assert(
        fc.property(files, (text) => {
          const o = oracle(text)
          const p = parse(text, opts)
          const where = JSON.stringify(text)
          if (o === 'error') {
            expect(p.ok, `the oracle stops on ${where}`).toBe(false)
            return
          }
          expect(p.errors, where).toEqual([])
          expect(plainFields(p.fields, o.raw), where).toEqual(o.fields)
          expect(text.slice(p.detection.bodyStart), where).toBe(o.body)
        }),
        { numRuns: 300 },
      )
    })

    it('set: the value reads back, every other key and the body as before', () => {
      fc.assert(
        fc.property(files, keys, value, (text, k, v) => {
          const before = oracle(text)
          if (before === 'error' || !parse(text, opts).ok) return
          let patches
          try {
            patches = setValue(text, k, v, opts)
          } catch (error) {
            expect(isFolioError(error), String(error)).toBe(true)
            return
          }
          const where = `${JSON.stringify(text)} ← ${k}=${JSON.stringify(v)}`
          if (patches.length === 0) return
          const out = applyPatches(text, patches)
          const after = oracle(out)
          if (after === 'error') throw new Error(`the oracle cannot read ${JSON.stringify(out)} (${where})`)
          if (!readsBackAs(before.fields[k], after.fields[k], v)) expect(after.fields[k], `${where} → ${JSON.stringify(out)}`).toEqual(v)
          expect({ ...after.fields, [k]: null }, where).toEqual({ ...before.fields, [k]: null })
          expect(after.body, where).toBe(before.body)
        }),
        { numRuns: 300 },
      )
    })

    it('unset: the key is gone, every other key and the body as before', () => {
      fc.assert(
        fc.property(files, fc.nat(), (text, n) => {
          const before = oracle(text)
          if (before === 'error' || !parse(text, opts).ok) return
          const keysNow = Object.keys(before.fields)
          if (keysNow.length === 0) return
          const k = keysNow[n % keysNow.length] as string
          let out: string
          try {
            out = applyPatches(text, removeKey(text, k, opts))
          } catch (error) {
            expect(isFolioError(error), String(error)).toBe(true)
            return
          }
          const after = oracle(out)
          if (after === 'error') throw new Error(`the oracle cannot read ${JSON.stringify(out)}`)
          const { [k]: _gone, ...rest } = before.fields
          expect(after.fields, JSON.stringify(out)).toEqual(rest)
          expect(after.body).toBe(before.body)
        }),
        { numRuns: 200 },
      )
    })
  })
}

const yamlKey = fc.constantFrom('title', 'date', 'tags', 'categories', 'author', 'published', 'layout', '标题')
/** Jekyll-style files: the fence on the first line, spaces-indented entries, LF or CRLF. */
const jekyllFile = fc
  .record({
    entries: fc.uniqueArray(fc.tuple(yamlKey, entryLines), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
    eol: fc.constantFrom('\n', '\r\n'),
    body: fc.constantFrom('Body.\n', '', '\n## Heading\n\n---\n\nMore.\n'),
  })
  .map(({ entries, eol, body }) => ['---', ...entries.flatMap(([k, make]) => make(k)), '---'].join('\n').concat('\n', body).replace(/\n/g, eol))
  // Tabs are Hexo's own reading; YAML (and so Jekyll) refuses them as indentation.
  .filter((text) => !text.includes('\t'))

agreeWithOracle('Jekyll headers against gray-matter and YAML 1.1', jekyllFile, jekyllReading, { site: 'jekyll' }, yamlKey)

const tomlKey = fc.constantFrom('title', 'date', 'tags', 'draft', 'weight', 'slug', 'description')
const tomlString = str.map((s) => JSON.stringify(s))
/** One `key = value` line (or a table) in the forms Hugo sites write. */
const tomlEntry: fc.Arbitrary<(key: string) => string[]> = fc.oneof(
  tomlString.map((v) => (k: string) => [`${k} = ${v}`]),
  str.filter((s) => !s.includes("'") && !hasControl(s)).map((v) => (k: string) => [`${k} = '${v}'`]),
  fc.integer({ min: -9999, max: 9999 }).map((n) => (k: string) => [`${k} = ${n}`]),
  fc.boolean().map((b) => (k: string) => [`${k} = ${b}`]),
  fc.constantFrom('2024-01-01', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00+08:00', '2024-01-01 10:00:00').map((d) => (k: string) => [`${k} = ${d}`]),
  fc.array(tomlString, { maxLength: 3 }).map((items) => (k: string) => [`${k} = [${items.join(', ')}]`]),
  fc.array(tomlString, { minLength: 1, maxLength: 3 }).map((items) => (k: string) => [`${k} = [`, ...items.map((i) => `  ${i},`), ']']),
  fc.constant((k: string) => [`${k} = 1 # note`]),
)
const hugoFile = fc
  .record({
    entries: fc.uniqueArray(fc.tuple(tomlKey, tomlEntry), { minLength: 1, maxLength: 5, selector: ([k]) => k }),
    table: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    body: fc.constantFrom('Body.\n', '', '\n+++ not a fence\n'),
  })
  .map(({ entries, table, eol, body }) =>
    ['+++', ...entries.flatMap(([k, make]) => make(k)), ...(table ? ['', '[params]', 'color = "red"'] : []), '+++']
      .join('\n')
      .concat('\n', body)
      .replace(/\n/g, eol),
  )

agreeWithOracle("Hugo's TOML headers against smol-toml", hugoFile, toml, { site: 'hugo' }, tomlKey)
