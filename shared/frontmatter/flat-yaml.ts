/**
 * The fast path for the headers most posts have: top-level `key: value` lines whose values are
 * one-line scalars (plain, 'single' or "double" quoted without escapes), flow lists of plain
 * words (`[a, b]`) or block lists of such scalars. Such a header is read here in one pass over its
 * lines, with the same fields, values and source ranges the full YAML parser gives; anything
 * else (comments, nesting, anchors, escapes, multi-line values, numbers in unusual forms, words a
 * YAML version reads as booleans or nulls) returns null and the full parser reads the header.
 * tests/unit/frontmatter/flat-yaml.test.ts checks it against the full parser, property by property.
 */
import { parseDateText } from './dates'
import { lineAt } from './detect'
import type { LineIndex } from '../line-index'
import type { Field, FieldValue, Range } from './types'

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*:(?=[ \t]|\r?$)/
/** Plain scalars starting with these are read by the full parser (indicators, numbers, signs). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`0-9+.=<~\\]/
/** A `: ` or ` #` inside a plain scalar ends it (a mapping or a comment): not flat. */
const BREAKS_PLAIN = /:(?:[ \t]|$)|[ \t]#/
/** Words some YAML version reads as booleans or nulls (YAML 1.1 has yes/no/on/off/y/n). */
const RESERVED = /^(?:y|yes|n|no|on|off|true|false|null)$/i
const DATE = /^\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?$/
const INTEGER = /^(?:0|[1-9]\d{0,14})$/
const NUMBER_LIKE = /^[0-9A-Za-z_.:+\- \t]*$/

function stringValue(s: string, tz: string): FieldValue {
  const date = parseDateText(s, tz)
  return date ? { type: 'date', text: s, instant: date.instant, hasTime: date.hasTime } : { type: 'string', value: s }
}

/** A plain scalar's value, or null when the full parser should decide what it is. */
function plainValue(s: string, tz: string, flow: boolean): FieldValue | null {
  if (BREAKS_PLAIN.test(s)) return null
  if (flow && /[:,[\]{}]/.test(s)) return null
  const c = s.charCodeAt(0)
  if (c >= 48 && c <= 57) {
    if (DATE.test(s)) return stringValue(s, tz)
    if (INTEGER.test(s)) return { type: 'number', value: Number(s), text: s }
    // Numbers, times and dates of either YAML version use only these characters: anything else is text (`36氪`).
    return NUMBER_LIKE.test(s) ? null : stringValue(s, tz)
  }
  if (SPECIAL_START.test(s)) return null
  if (RESERVED.test(s)) {
    if (s === 'true' || s === 'false') return { type: 'boolean', value: s === 'true' }
    return s === 'null' ? { type: 'null' } : null
  }
  return stringValue(s, tz)
}

/** `\"` and `\\` in a double-quoted scalar; null for the other escapes (the full parser reads those). */
function unescapeDouble(s: string): string | null {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\') {
      out += c
      continue
    }
    const next = s[++i]
    if (next !== '"' && next !== '\\') return null
    out += next
  }
  return out
}

/** A one-line scalar starting at `from` and ending by `end` (the line's end): its value and where it ends. */
function scalarAt(text: string, from: number, end: number, tz: string): { value: FieldValue; to: number } | null {
  const q = text.charCodeAt(from)
  if (q === 39 /* ' */ || q === 34 /* " */) {
    let i = from + 1
    let value = ''
    for (;;) {
      const close = text.indexOf(q === 39 ? "'" : '"', i)
      if (close === -1 || close >= end) return null
      if (q === 39 && text.charCodeAt(close + 1) === 39) {
        value += text.slice(i, close + 1)
        i = close + 2
        continue
      }
      let backslashes = 0
      while (q === 34 && close - backslashes - 1 >= i && text.charCodeAt(close - backslashes - 1) === 92) backslashes++
      if (backslashes % 2 === 1) {
        // `\"` inside a double-quoted title is common (an even run of backslashes escapes only itself).
        value += text.slice(i, close + 1)
        i = close + 1
        continue
      }
      value += text.slice(i, close)
      if (q === 34 && value.includes('\\')) {
        const unescaped = unescapeDouble(value)
        if (unescaped === null) return null
        value = unescaped
      }
      // Only blanks may follow the closing quote (a comment or more text: the full parser).
      for (let j = close + 1; j < end; j++) {
        const b = text.charCodeAt(j)
        if (b !== 32 && b !== 9) return null
      }
      return { value: stringValue(value, tz), to: close + 1 }
    }
  }
  let to = end
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--
  if (to === from) return null
  const value = plainValue(text.slice(from, to), tz, false)
  return value ? { value, to } : null
}

/** `[a, b]` on one line: plain words only. */
function flowListAt(text: string, from: number, end: number, tz: string): { value: FieldValue; to: number } | null {
  let to = end
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--
  if (text.charCodeAt(to - 1) !== 93 /* ] */) return null
  const inner = text.slice(from + 1, to - 1)
  if (/["'#[\]{}]/.test(inner)) return null
  const items: FieldValue[] = []
  if (inner.trim() !== '') {
    for (const part of inner.split(',')) {
      const word = part.trim()
      const value = word === '' ? null : plainValue(word, tz, true)
      if (!value) return null
      items.push(value)
    }
  }
  return { value: { type: 'list', items }, to }
}

function blank(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 13) return false
  }
  return true
}

/** End of the line starting at `p`, without its `\r`; and the next line's start. */
function lineOf(text: string, p: number, limit: number): { end: number; next: number } {
  let nl = text.indexOf('\n', p)
  if (nl === -1 || nl >= limit) nl = limit
  const end = nl > p && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
  return { end, next: Math.min(nl + 1, limit) }
}

/**
 * The fields of a flat YAML header in `content`, as the full parser would give them; null when
 * the header is not flat. `tabsAsSpaces` readers (Hexo) change tab-indented lines: those go to
 * the full parser too.
 */
export function flatYamlFields(text: string, content: Range, lines: LineIndex, tz: string): Field[] | null {
  const fields: Field[] = []
  const seen = new Set<string>()
  const limit = content.to
  let p = content.from
  while (p < limit) {
    const line = lineOf(text, p, limit)
    if (blank(text, p, line.end)) {
      p = line.next
      continue
    }
    const key = KEY.exec(text.slice(p, Math.min(line.end, p + 200)))
    if (!key) return null
    const name = key[0].slice(0, -1)
    // Repeated keys are errors, and YAML 1.1 reads `yes:` and `on:` as one key (true).
    if (seen.has(name) || RESERVED.test(name)) return null
    seen.add(name)
    const keyRange = { from: p, to: p + name.length }
    let v = keyRange.to + 1
    while (v < line.end && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++
    let value: FieldValue
    let valueRange: Range
    let next = line.next
    if (v < line.end) {
      const read = text.charCodeAt(v) === 91 /* [ */ ? flowListAt(text, v, line.end, tz) : scalarAt(text, v, line.end, tz)
      if (!read) return null
      value = read.value
      valueRange = { from: v, to: read.to }
    } else {
      // A block list on the lines below: `- item` at one indentation.
      const items: FieldValue[] = []
      let indent = -1
      let first = -1
      let last = -1
      while (next < limit) {
        const item = lineOf(text, next, limit)
        if (blank(text, next, item.end)) {
          next = item.next
          continue
        }
        let d = next
        while (text.charCodeAt(d) === 32) d++
        if (text.charCodeAt(d) !== 45 /* - */ || text.charCodeAt(d + 1) !== 32) break
        if (indent === -1) indent = d - next
        else if (d - next !== indent) return null
        let s = d + 2
        while (s < item.end && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++
        const read = s < item.end ? scalarAt(text, s, item.end, tz) : null
        if (!read) return null
        items.push(read.value)
        if (first === -1) first = d
        last = read.to
        next = item.next
      }
      // An empty value, or one the list does not end (a nested map, a continued line): not flat.
      if (items.length === 0) return null
      value = { type: 'list', items }
      valueRange = { from: first, to: last }
    }
    // The next line must start a new key (or the header ends): indentation there means nesting or a continued value.
    for (let q = next; q < limit;) {
      const after = lineOf(text, q, limit)
      if (!blank(text, q, after.end)) {
        const c = text.charCodeAt(q)
        if (c === 32 || c === 9 || c === 35 /* # */) return null
        break
      }
      q = after.next
    }
    fields.push({
      key: name,
      value,
      keyRange,
      valueRange,
      range: { from: p, to: lineAt(text, Math.max(valueRange.to - 1, keyRange.from)).next },
      line: lines.at(p).line,
    })
    p = next
  }
  return fields
}
