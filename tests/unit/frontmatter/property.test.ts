/**
 * Property tests: for generated YAML headers in the styles real posts use, setting one key
 * touches only that key's entry and reads back as the value set; unchanged values write nothing.
 * What an edit wrote is read back by independent readers too, not only by Folio's own parser:
 * gray-matter with js-yaml (what Hexo reads with) and the `yaml` package as YAML 1.1 (yes/no,
 * 1:20 and 017 as Jekyll's Psych and go-yaml v2 read them) for YAML, smol-toml for TOML.
 */
import { EditorState } from '@codemirror/state'
import fc from 'fast-check'
import matter from 'gray-matter'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { addListItem, applyPatches, fieldRecord, fieldToEditValue, parse, parseDateText, removeListItem, setValue } from '../../../shared/frontmatter'
import { hasControl } from '../../../shared/frontmatter/quote'
import type { EditValue, FieldValue } from '../../../shared/frontmatter/types'
import { plainLike, plainOracle, TRICKY_VALUES, type Plain } from './oracle-helpers'

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c))
// `e0` is left out: the `yaml` package's YAML 1.1 reading takes it for a number (Psych does not).
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/).filter((w) => !/^e\d/i.test(w))
/** A key as the author wrote it: one every reader takes for text (no `N:`, which YAML 1.1 reads as false). */
const authorKey = word.filter((w) => !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(w))
const cjkWord = fc.array(cjk, { minLength: 1, maxLength: 6 }).map((a) => a.join(''))
const key = fc.oneof(word, cjkWord)
// Text that is safe plain YAML whatever the reader: starts with a letter, no indicators.
const plain = fc
  .tuple(fc.oneof(word, cjkWord), fc.array(fc.oneof(word, cjkWord, fc.constantFrom('，', '。', '-', '.')), { maxLength: 5 }))
  .map(([h, t]) => [h, ...t].join(' '))
  .filter((s) => !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(s))
const longCjk = fc.array(cjk, { minLength: 80, maxLength: 300 }).map((a) => a.join(''))
const anyString = fc.string({ unit: 'grapheme', maxLength: 30 })
const comment = fc.option(
  fc.oneof(word, cjkWord).map((c) => ` # ${c}`),
  { nil: '' },
)

interface Entry {
  key: string
  lines: string[]
  value: EditValue
}

const single = (s: string) => `'${s.replace(/'/g, "''")}'`

/** One `key: value` entry in one of the styles authors write. */
const entry = (k: string): fc.Arbitrary<Entry> =>
  fc.oneof(
    fc.tuple(plain, comment).map(([v, c]) => ({ key: k, lines: [`${k}: ${v}${c}`], value: v })),
    fc
      .tuple(
        anyString.filter((s) => !hasControl(s)),
        comment,
      )
      .map(([v, c]) => ({
        key: k,
        lines: [`${k}: ${single(v)}${c}`],
        value: v,
      })),
    fc.tuple(anyString, comment).map(([v, c]) => ({ key: k, lines: [`${k}: ${JSON.stringify(v)}${c}`], value: v })),
    longCjk.map((v) => ({ key: k, lines: [`${k}: ${v}`], value: v })),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => ({ key: k, lines: [`${k}: ${n}`], value: n })),
    fc.boolean().map((b) => ({ key: k, lines: [`${k}: ${b}`], value: b })),
    fc
      .tuple(
        fc.array(
          plain.filter((s) => !/[,.]/.test(s)),
          { maxLength: 4 },
        ),
        comment,
      )
      .map(([items, c]) => ({
        key: k,
        lines: [`${k}: [${items.join(', ')}]${c}`],
        value: items,
      })),
    fc.tuple(fc.array(plain, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' ', '  ')).map(([items, indent]) => ({
      key: k,
      lines: [`${k}:`, ...items.map((i) => `${indent}- ${i}`)],
      value: items,
    })),
    fc.tuple(authorKey, plain, fc.array(plain, { minLength: 1, maxLength: 2 })).map(([sub, v, list]) => ({
      key: k,
      lines: [`${k}:`, `  ${sub}: ${v}`, `  list:`, ...list.map((i) => `    - ${i}`)],
      value: sub === 'list' ? { list } : { [sub]: v, list },
    })),
  )

const header = fc
  .uniqueArray(key, { minLength: 1, maxLength: 7, selector: (k) => k.toLowerCase() })
  .filter((keys) => keys.every((k) => !/^(?:y|n|yes|no|on|off|true|false|null)$/i.test(k)))
  .chain((keys) =>
    fc.tuple(
      fc.tuple(...keys.map((k) => entry(k))),
      fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom('', '\n'),
    ),
  )
  .map(([entries, commentsBefore, eol, leading]) => {
    const lines = ['---']
    entries.forEach((e, i) => {
      if (commentsBefore[i]) lines.push(`# 注释 ${i}`)
      lines.push(...e.lines)
    })
    lines.push('---', '正文 body', '')
    return { entries, eol, text: leading + lines.join(eol) }
  })

// Strings some YAML reader takes for another type (yes, 1:20, 017, ~): only a reader other than
// Folio's own tells whether they were written so every reader returns them as strings.
const tricky = fc.constantFrom(...TRICKY_VALUES)

const newValue: fc.Arbitrary<EditValue> = fc.oneof(
  anyString,
  plain,
  tricky,
  longCjk,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.array(fc.oneof(anyString, plain, tricky), { maxLength: 4 }),
  fc.dictionary(fc.oneof(word, cjkWord), fc.oneof(anyString, fc.integer(), fc.array(plain, { maxLength: 2 })), {
    minKeys: 1,
    maxKeys: 3,
  }),
)

/** What parse reports for a value that was set. */
function expected(v: EditValue): unknown {
  if (typeof v === 'string') {
    return parseDateText(v) ? { type: 'date', text: v } : { type: 'string', value: v }
  }
  if (typeof v === 'number') return { type: 'number', value: v }
  if (typeof v === 'boolean') return { type: 'boolean', value: v }
  if (Array.isArray(v)) return { type: 'list', items: v.map(expected) }
  if (v === null) return { type: 'null' }
  return { type: 'map', entries: Object.entries(v).map(([key, x]) => ({ key, value: expected(x) })) }
}

const plainValue = (v: FieldValue | undefined) => (v ? fieldToEditValue(v) : undefined)

/**
 * The header as the independent readers read it: gray-matter with js-yaml, then with YAML 1.1.
 * gray-matter wants the fence on the first line, as Hexo does.
 */
function yamlOracles(text: string): Record<string, unknown>[] {
  const file = text.replace(/^(?:\r?\n)+/, '')
  // gray-matter splits at LF and hands the engine the CRs, which `yaml` keeps as text.
  const yaml11 = (header: string): object => (parseYaml(header.replace(/\r\n?/g, '\n'), { version: '1.1' }) as object | null) ?? {}
  return [matter(file, {}).data, matter(file, { engines: { yaml: yaml11 } }).data]
}

/** A value set, as plain data shaped after the oracle's reading (a date-like string the oracle took for a date is a date). */
function plainSet(v: EditValue, oracle: unknown): Plain {
  if (typeof v === 'string') return oracle instanceof Date && parseDateText(v) ? { date: true } : v
  if (Array.isArray(v)) return v.map((x, i) => plainSet(x, Array.isArray(oracle) ? oracle[i] : undefined))
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainSet(x, (oracle as Record<string, unknown> | null)?.[k])]))
  }
  return v
}

/** Every key reads the same in Folio and in the independent reader. */
function agreesWithOracle(text: string, oracle: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fieldRecord(parse(text)))) {
    expect(plainOracle(oracle[key]), key).toEqual(plainLike(value, oracle[key]))
  }
}

describe('property: YAML headers', () => {
  it('parse reads back every generated value', () => {
    fc.assert(
      fc.property(header, ({ entries, text }) => {
        const p = parse(text)
        expect(p.errors).toEqual([])
        const r = fieldRecord(p)
        for (const e of entries) expect(plainValue(r[e.key])).toEqual(e.value)
        for (const oracle of yamlOracles(text)) agreesWithOracle(text, oracle)
      }),
      { numRuns: 300 },
    )
  })

  it("setting one key changes only that key's lines and reads back as the value set", () => {
    fc.assert(
      fc.property(header, fc.nat(), newValue, ({ entries, text, eol }, pick, value) => {
        const target = entries[pick % entries.length]
        if (!target) return
        const before = parse(text)
        const field = before.fields.find((f) => f.key === target.key)
        if (!field) throw new Error('generated key not found')
        // Text set on a value that already reads as it (`true` on `key: true`) writes nothing, by design.
        if (typeof value === 'string' && text.slice(field.valueRange.from, field.valueRange.to) === value) return
        const patches = setValue(text, target.key, value)
        const out = applyPatches(text, patches)
        // The editor's way: CodeMirror's LF text (its positions), the file's eol passed in, the
        // patches dispatched as one transaction, and the file's bytes back from sliceDoc().
        const cm = EditorState.create({ doc: text, extensions: EditorState.lineSeparator.of(eol) })
        const lf = cm.doc.toString()
        const editorPatches = setValue(lf, target.key, value, { eol })
        expect(cm.update({ changes: editorPatches }).state.sliceDoc()).toBe(out)
        // Everything before the entry and after it is byte-identical.
        expect(out.slice(0, field.range.from)).toBe(text.slice(0, field.range.from))
        expect(out.slice(out.length - (text.length - field.range.to))).toBe(text.slice(field.range.to))
        // The edited lines keep the file's line ending.
        const edited = out.slice(field.range.from, out.length - (text.length - field.range.to))
        if (eol === '\r\n') expect(edited.replace(/\r\n/g, '')).not.toMatch(/\n/)
        else expect(edited).not.toMatch(/\r\n/)
        const after = parse(out)
        expect(after.errors).toEqual([])
        const r = fieldRecord(after)
        expect(r[target.key]).toMatchObject(expected(value) as object)
        for (const e of entries) if (e.key !== target.key) expect(plainValue(r[e.key])).toEqual(e.value)
        for (const oracle of yamlOracles(out)) {
          expect(plainOracle(oracle[target.key])).toEqual(plainSet(value, oracle[target.key]))
          agreesWithOracle(out, oracle)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('adding or removing a list item touches only that list and reads back', () => {
    fc.assert(
      fc.property(header, fc.nat(), fc.nat(), fc.oneof(plain, anyString, tricky), ({ entries, text }, pick, at, item) => {
        const lists = entries.filter((e) => Array.isArray(e.value))
        const target = lists[pick % Math.max(1, lists.length)]
        if (!target || !Array.isArray(target.value)) return
        const field = parse(text).fields.find((f) => f.key === target.key)
        if (!field) throw new Error('generated key not found')
        const outside = (out: string) => {
          expect(out.slice(0, field.range.from)).toBe(text.slice(0, field.range.from))
          expect(out.slice(out.length - (text.length - field.range.to))).toBe(text.slice(field.range.to))
        }
        const added = applyPatches(text, addListItem(text, target.key, item))
        outside(added)
        expect(plainValue(fieldRecord(parse(added))[target.key])).toEqual([...target.value, item])
        for (const oracle of yamlOracles(added)) {
          expect(plainOracle(oracle[target.key])).toEqual(plainSet([...target.value, item], oracle[target.key]))
        }
        if (target.value.length === 0) return
        const index = at % target.value.length
        const removed = applyPatches(text, removeListItem(text, target.key, index))
        outside(removed)
        expect(plainValue(fieldRecord(parse(removed))[target.key])).toEqual(target.value.filter((_, i) => i !== index))
        for (const oracle of yamlOracles(removed)) {
          expect(plainOracle(oracle[target.key])).toEqual(
            plainSet(
              target.value.filter((_, i) => i !== index),
              oracle[target.key],
            ),
          )
        }
      }),
      { numRuns: 500 },
    )
  })

  it('an unchanged text round-trips to identical bytes', () => {
    fc.assert(
      fc.property(header, ({ entries, text }) => {
        for (const e of entries) {
          expect(setValue(text, e.key, e.value)).toEqual([])
          const current = fieldRecord(parse(text))[e.key]
          if (current) expect(applyPatches(text, setValue(text, e.key, fieldToEditValue(current)))).toBe(text)
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('property: TOML headers', () => {
  const tomlKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/)
  const tomlValue = fc.oneof(
    anyString.map((v) => ({ src: JSON.stringify(v), value: v as EditValue })),
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => ({ src: String(n), value: n as EditValue })),
    fc.boolean().map((b) => ({ src: String(b), value: b as EditValue })),
    fc.array(plain, { maxLength: 3 }).map((a) => ({ src: JSON.stringify(a), value: a as EditValue })),
  )
  const tomlHeader = fc
    .uniqueArray(tomlKey, { minLength: 1, maxLength: 6 })
    .chain((keys) => fc.tuple(fc.constant(keys), fc.tuple(...keys.map(() => tomlValue)), comment))
    .map(([keys, values, c]) => ({
      keys,
      text: ['+++', ...keys.map((k, i) => `${k} = ${values[i]?.src ?? '""'}${i === 0 ? c : ''}`), '+++', '正文', ''].join('\n'),
    }))
  const scalar: fc.Arbitrary<EditValue> = fc.oneof(anyString, plain, fc.integer(), fc.boolean(), fc.array(plain, { maxLength: 3 }))

  it('setting one key changes exactly its line and reads back', () => {
    fc.assert(
      fc.property(tomlHeader, fc.nat(), scalar, ({ keys, text }, pick, value) => {
        const key = keys[pick % keys.length] ?? ''
        const out = applyPatches(text, setValue(text, key, value))
        const a = text.split('\n')
        const b = out.split('\n')
        expect(b.length).toBe(a.length)
        const changed = b.filter((line, i) => line !== a[i])
        expect(changed.length).toBeLessThanOrEqual(1)
        if (changed[0] !== undefined) expect(changed[0].startsWith(`${key} = `)).toBe(true)
        expect(fieldRecord(parse(out))[key]).toMatchObject(expected(value) as object)
        const oracle = parseToml(out.split('+++')[1] ?? '')
        expect(plainOracle(oracle[key])).toEqual(plainSet(value, oracle[key]))
        agreesWithOracle(out, oracle)
      }),
      { numRuns: 300 },
    )
  })
})
