/**
 * Reading a header: typed values for display, the source range of every top-level key and value,
 * and errors with line and column. A header that does not parse yields errors, never `{}`.
 */
import { type Document, type Node, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar } from 'yaml'
import { parse as parseToml, TomlError } from 'smol-toml'
import { parseDateText } from './dates'
import { detectWithDoc, lineAt, lineColumn, YAML_OPTIONS } from './detect'
import type {
  Field,
  FieldValue,
  HeaderError,
  HeaderErrorCode,
  ParsedFrontMatter,
  ParseOptions,
  Range,
} from './types'

/** What edit.ts needs besides the public result: the YAML document behind the fields. */
export interface ParseInternals {
  parsed: ParsedFrontMatter
  /** For YAML headers: the document; offsets in it are relative to detection.content.from. */
  yaml?: Document.Parsed
}

export function parse(text: string, opts: ParseOptions = {}): ParsedFrontMatter {
  return parseWithInternals(text, opts).parsed
}

export function parseWithInternals(text: string, opts: ParseOptions = {}): ParseInternals {
  const { detection, yaml, unterminated } = detectWithDoc(text, opts)
  const tz = opts.timeZone ?? 'UTC'
  const done = (fields: Field[], errors: HeaderError[]): ParsedFrontMatter => ({
    detection,
    fields: errors.length === 0 ? fields : [],
    errors,
    ok: errors.length === 0,
  })
  const content = detection.content
  if (detection.format === 'none' || content === null) {
    const errors =
      unterminated === undefined ? [] : [error(text, 'unterminated', 'The header has no closing fence', unterminated)]
    return { parsed: done([], errors) }
  }
  if (detection.format === 'yaml') {
    const doc = yaml ?? parseDocument(text.slice(content.from, content.to), YAML_OPTIONS)
    const { fields, errors } = readYaml(text, content.from, doc, tz)
    return { parsed: done(fields, errors), yaml: doc }
  }
  if (detection.format === 'toml') {
    const { fields, errors } = readToml(text, content, tz)
    return { parsed: done(fields, errors) }
  }
  const { fields, errors } = readJson(text, content, tz)
  return { parsed: done(fields, errors) }
}

/** The header's top-level values by key, for code that wants a plain record. */
export function fieldRecord(parsed: ParsedFrontMatter): Record<string, FieldValue> {
  const record: Record<string, FieldValue> = {}
  for (const f of parsed.fields) record[f.key] = f.value
  return record
}

function error(text: string, code: HeaderErrorCode, message: string, offset: number): HeaderError {
  const { line, column } = lineColumn(text, offset)
  return { code, message, line, column }
}

function stringValue(s: string, tz: string): FieldValue {
  const date = parseDateText(s, tz)
  return date ? { type: 'date', text: s, instant: date.instant, hasTime: date.hasTime } : { type: 'string', value: s }
}

/** Trims trailing blanks and line breaks a block node's range carries. */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /[ \t\r\n]/.test(text[to - 1] ?? '')) to--
  return to
}

/** The whole entry: from the key's line start through the end of the value's last line. */
function entryRange(text: string, keyFrom: number, lastFrom: number): Range {
  return { from: text.lastIndexOf('\n', keyFrom - 1) + 1, to: lineAt(text, lastFrom).next }
}

// ---------------------------------------------------------------- YAML

function readYaml(
  text: string,
  offset: number,
  doc: Document.Parsed,
  tz: string,
): { fields: Field[]; errors: HeaderError[] } {
  const errors: HeaderError[] = doc.errors.map((e) => {
    const at = offset + e.pos[0]
    if (e.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(at))?.[0].trim() ?? ''
      return error(text, 'duplicate-key', `Duplicate key ${key}`, at)
    }
    const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    // An unclosed quote or bracket is noticed lines later; the author needs the line that opened it.
    const opener = /closing "/.test(message) ? '"' : /closing '/.test(message) ? "'" : /end with a [\]}]/.test(message) ? '[{' : null
    const unclosed = opener ? openingEntry(text, offset, at, opener) : at
    return error(text, 'syntax', message, unclosed)
  })
  if (errors.length > 0) return { fields: [], errors }
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) return { fields: [], errors }
  if (!isMap(root)) {
    const at = offset + (root.range?.[0] ?? 0)
    return { fields: [], errors: [error(text, 'not-a-mapping', 'The header is not a list of key: value pairs', at)] }
  }
  const fields: Field[] = []
  for (const pair of root.items) {
    const keyNode = pair.key
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
    const kr = (keyNode as Node | null)?.range ?? [0, 0, 0]
    const keyRange = { from: offset + kr[0], to: offset + kr[1] }
    const valueNode = pair.value as Node | null
    let valueRange: Range
    if (valueNode?.range) {
      const from = offset + valueNode.range[0]
      valueRange = { from, to: trimEnd(text, from, offset + valueNode.range[1]) }
    } else {
      const colon = text.indexOf(':', keyRange.to)
      valueRange = { from: colon + 1, to: colon + 1 }
    }
    fields.push({
      key,
      value: yamlValue(valueNode, doc, tz, 0),
      keyRange,
      valueRange,
      range: entryRange(text, keyRange.from, Math.max(valueRange.to - 1, keyRange.from)),
      line: lineColumn(text, keyRange.from).line,
    })
  }
  return { fields, errors }
}

/** Start of the last top-level entry before `at` whose value opens with one of `openers`. */
function openingEntry(text: string, from: number, at: number, openers: string): number {
  for (let p = text.lastIndexOf('\n', at - 2) + 1; p >= from; p = text.lastIndexOf('\n', p - 2) + 1) {
    const line = text.slice(p, lineAt(text, p).end)
    const value = /^[^\s#][^:]*:[ \t]*(.)/.exec(line)?.[1]
    if (value !== undefined && openers.includes(value)) return p
    if (p === 0) break
  }
  return at
}

function yamlValue(node: unknown, doc: Document.Parsed, tz: string, depth: number): FieldValue {
  if (depth > 50) return { type: 'null' }
  if (isAlias(node)) return yamlValue(node.resolve(doc), doc, tz, depth + 1)
  if (isScalar(node)) return scalarValue(node, tz)
  if (isSeq(node)) return { type: 'list', items: node.items.map((n) => yamlValue(n, doc, tz, depth + 1)) }
  if (isMap(node)) {
    return {
      type: 'map',
      entries: node.items.map((p) => ({
        key: isScalar(p.key) ? String(p.key.value) : String(p.key),
        value: yamlValue(p.value, doc, tz, depth + 1),
      })),
    }
  }
  if (isPair(node)) {
    const key = isScalar(node.key) ? String(node.key.value) : String(node.key)
    return { type: 'map', entries: [{ key, value: yamlValue(node.value, doc, tz, depth + 1) }] }
  }
  return { type: 'null' }
}

function scalarValue(node: Scalar, tz: string): FieldValue {
  const v = node.value
  if (typeof v === 'string') return stringValue(v, tz)
  if (typeof v === 'number') return { type: 'number', value: v, text: node.source ?? String(v) }
  if (typeof v === 'boolean') return { type: 'boolean', value: v }
  if (v === null || v === undefined) return { type: 'null' }
  return { type: 'string', value: String(v) }
}

// ---------------------------------------------------------------- TOML

/** One top-level entry found by scanning lines: `key = value` or a `[table]` section. */
export interface TomlEntry {
  key: string
  keyRange: Range
  valueRange: Range
  range: Range
  /** `key = value` with a single (not dotted) key: the form edits support. */
  simple: boolean
}

export function scanToml(text: string, content: Range): TomlEntry[] {
  const entries: TomlEntry[] = []
  let section: TomlEntry | null = null
  for (let p = content.from; p < content.to; ) {
    const line = lineAt(text, p)
    const s = text.slice(line.start, line.end)
    const table = /^[ \t]*\[\[?[ \t]*([A-Za-z0-9_-]+|"[^"]*"|'[^']*')/.exec(s)
    if (table) {
      const name = unquoteTomlKey(table[1] ?? '')
      const from = line.start + s.indexOf(table[1] ?? '')
      if (!section || section.key !== name) {
        section = {
          key: name,
          keyRange: { from, to: from + (table[1] ?? '').length },
          valueRange: { from: line.next, to: line.next },
          range: { from: line.start, to: line.next },
          simple: false,
        }
        entries.push(section)
      }
      p = line.next
      continue
    }
    const kv = /^[ \t]*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)[ \t]*=[ \t]*/.exec(
      s,
    )
    if (!kv) {
      p = line.next
      continue
    }
    const keyText = kv[1] ?? ''
    const keyFrom = line.start + s.indexOf(keyText)
    const valueFrom = line.start + kv[0].length
    const valueTo = tomlValueEnd(text, valueFrom, content.to)
    const next = lineAt(text, valueTo).next
    if (section) {
      section.range.to = next
      section.valueRange.to = trimEnd(text, section.valueRange.from, next)
    } else {
      const first = unquoteTomlKey(keyText.split(/[ \t]*\.[ \t]*/)[0] ?? keyText)
      const simple = /^(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')$/.test(keyText)
      const existing = entries.find((e) => e.key === first)
      if (existing) {
        existing.simple = false
        existing.range.to = next
        existing.valueRange.to = valueTo
      } else {
        entries.push({
          key: first,
          keyRange: { from: keyFrom, to: keyFrom + (simple ? keyText.length : first.length) },
          valueRange: { from: valueFrom, to: valueTo },
          range: { from: line.start, to: next },
          simple,
        })
      }
    }
    p = next
  }
  return entries
}

function unquoteTomlKey(k: string): string {
  if (k.startsWith('"')) return JSON.parse(k) as string
  if (k.startsWith("'")) return k.slice(1, -1)
  return k
}

/** End of a TOML value starting at `from`: strings, arrays and inline tables may span lines. */
function tomlValueEnd(text: string, from: number, limit: number): number {
  let depth = 0
  let i = from
  const skipString = (q: string): void => {
    const triple = text.startsWith(q.repeat(3), i)
    if (triple) {
      const close = text.indexOf(q.repeat(3), i + 3)
      i = close === -1 ? limit : close + 3
      while (text[i] === q) i++
      return
    }
    for (i++; i < limit && text[i] !== q && text[i] !== '\n'; i++) if (q === '"' && text[i] === '\\') i++
    i++
  }
  while (i < limit) {
    const c = text[i]
    if (c === '"' || c === "'") {
      skipString(c)
      if (depth === 0) return i
      continue
    }
    if (c === '[' || c === '{') depth++
    else if (c === ']' || c === '}') {
      depth--
      if (depth <= 0) return i + 1
    } else if (c === '#') {
      const line = lineAt(text, i)
      if (depth === 0) return trimEnd(text, from, i)
      i = line.next
      continue
    } else if ((c === '\n' || c === '\r') && depth === 0) return trimEnd(text, from, i)
    i++
  }
  return trimEnd(text, from, Math.min(i, limit))
}

function readToml(text: string, content: Range, tz: string): { fields: Field[]; errors: HeaderError[] } {
  const source = text.slice(content.from, content.to)
  let data: Record<string, unknown>
  try {
    data = parseToml(source) as Record<string, unknown>
  } catch (e) {
    if (e instanceof TomlError) {
      const lines = source.split('\n')
      let at = content.from
      for (let i = 0; i < e.line - 1 && i < lines.length; i++) at += (lines[i] ?? '').length + 1
      at += Math.max(0, e.column - 1)
      const message = (e.message.split('\n')[0] ?? 'Invalid TOML').trim()
      const code: HeaderErrorCode = /already|redefine|overwrite/i.test(message) ? 'duplicate-key' : 'syntax'
      return { fields: [], errors: [error(text, code, message, at)] }
    }
    throw e
  }
  const fields = scanToml(text, content).map((e) => ({
    key: e.key,
    value: tomlValue(data[e.key], text.slice(e.valueRange.from, e.valueRange.to), tz),
    keyRange: e.keyRange,
    valueRange: e.valueRange,
    range: e.range,
    line: lineColumn(text, e.keyRange.from).line,
  }))
  return { fields, errors: [] }
}

function tomlValue(v: unknown, source: string, tz: string): FieldValue {
  if (v instanceof Date) {
    const date = parseDateText(source, tz)
    const instant = date ? date.instant : Number.isNaN(v.getTime()) ? null : v.getTime()
    return { type: 'date', text: source, instant, hasTime: date ? date.hasTime : true }
  }
  if (typeof v === 'string') return stringValue(v, tz)
  if (typeof v === 'number') return { type: 'number', value: v, text: /^[^\n#]*$/.test(source) ? source : String(v) }
  if (typeof v === 'bigint') return { type: 'number', value: Number(v), text: String(v) }
  if (typeof v === 'boolean') return { type: 'boolean', value: v }
  if (Array.isArray(v)) return { type: 'list', items: v.map((x: unknown) => tomlValue(x, plainSource(x), tz)) }
  if (typeof v === 'object' && v !== null) {
    return {
      type: 'map',
      entries: Object.entries(v).map(([key, x]) => ({ key, value: tomlValue(x, plainSource(x), tz) })),
    }
  }
  return { type: 'null' }
}

function plainSource(v: unknown): string {
  if (v instanceof Date) return v.toISOString()
  return typeof v === 'object' || v === undefined ? '' : String(v)
}

// ---------------------------------------------------------------- JSON

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
    readonly code: HeaderErrorCode = 'syntax',
  ) {
    super(message)
  }
}

export interface JsonMember {
  key: string
  keyRange: Range
  valueRange: Range
  value: FieldValue
}

/** A small JSON reader that keeps positions and catches duplicate keys, which JSON.parse cannot. */
class JsonReader {
  pos: number
  constructor(
    readonly text: string,
    from: number,
    readonly end: number,
    readonly tz: string,
  ) {
    this.pos = from
  }

  ws(): void {
    while (this.pos < this.end && /[ \t\r\n]/.test(this.text[this.pos] ?? '')) this.pos++
  }

  fail(message: string): never {
    throw new JsonSyntaxError(this.pos, message)
  }

  /** `"k": v, …` up to `close` (or the end, for Hexo's braceless `;;;` form). */
  members(close: '}' | null): JsonMember[] {
    const out: JsonMember[] = []
    const seen = new Set<string>()
    this.ws()
    if (close !== null && this.text[this.pos] === close) return out
    if (close === null && this.pos >= this.end) return out
    for (;;) {
      this.ws()
      if (this.text[this.pos] !== '"') this.fail('Expected a "quoted" key')
      const keyFrom = this.pos
      const key = this.string()
      const keyRange = { from: keyFrom, to: this.pos }
      if (seen.has(key)) throw new JsonSyntaxError(keyFrom, `Duplicate key ${key}`, 'duplicate-key')
      seen.add(key)
      this.ws()
      if (this.text[this.pos] !== ':') this.fail('Expected ":" after the key')
      this.pos++
      this.ws()
      const valueFrom = this.pos
      const value = this.value()
      out.push({ key, keyRange, valueRange: { from: valueFrom, to: this.pos }, value })
      this.ws()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if ((close === null && this.pos >= this.end) || (close !== null && c === close)) return out
      this.fail(close === null ? 'Expected "," between entries' : 'Expected "," or "}"')
    }
  }

  value(): FieldValue {
    const c = this.text[this.pos]
    if (c === '"') return stringValue(this.string(), this.tz)
    if (c === '{') {
      this.pos++
      const entries = this.members('}').map((m) => ({ key: m.key, value: m.value }))
      this.pos++
      return { type: 'map', entries }
    }
    if (c === '[') {
      this.pos++
      const items: FieldValue[] = []
      this.ws()
      if (this.text[this.pos] === ']') {
        this.pos++
        return { type: 'list', items }
      }
      for (;;) {
        this.ws()
        items.push(this.value())
        this.ws()
        const d = this.text[this.pos]
        this.pos++
        if (d === ']') return { type: 'list', items }
        if (d !== ',') {
          this.pos--
          this.fail('Expected "," or "]"')
        }
      }
    }
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.text.slice(this.pos, Math.min(this.end, this.pos + 400)),
    )
    if (!word) this.fail('Expected a value')
    this.pos += word[0].length
    if (word[0] === 'true' || word[0] === 'false') return { type: 'boolean', value: word[0] === 'true' }
    if (word[0] === 'null') return { type: 'null' }
    return { type: 'number', value: Number(word[0]), text: word[0] }
  }

  string(): string {
    const from = this.pos
    for (this.pos++; this.pos < this.end; this.pos++) {
      const c = this.text[this.pos]
      if (c === '\\') this.pos++
      else if (c === '"') {
        this.pos++
        try {
          return JSON.parse(this.text.slice(from, this.pos)) as string
        } catch {
          throw new JsonSyntaxError(from, 'Invalid string')
        }
      } else if (c === '\n') break
    }
    throw new JsonSyntaxError(from, 'Unterminated string')
  }
}

/** Top-level members of a JSON header: `{…}` or Hexo's braceless body between `;;;` fences. */
export function readJsonMembers(text: string, content: Range, tz = 'UTC'): JsonMember[] {
  const r = new JsonReader(text, content.from, content.to, tz)
  r.ws()
  if (text[r.pos] === '{') {
    r.pos++
    const members = r.members('}')
    r.pos++
    r.ws()
    if (r.pos < content.to) r.fail('Unexpected text after the object')
    return members
  }
  if (text[r.pos] === '[') r.fail('The header is not an object')
  return r.members(null)
}

function readJson(text: string, content: Range, tz: string): { fields: Field[]; errors: HeaderError[] } {
  let members: JsonMember[]
  try {
    members = readJsonMembers(text, content, tz)
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const code = e.message === 'The header is not an object' ? 'not-a-mapping' : e.code
      return { fields: [], errors: [error(text, code, e.message, e.offset)] }
    }
    throw e
  }
  const fields = members.map((m) => ({
    key: m.key,
    value: m.value,
    keyRange: m.keyRange,
    valueRange: m.valueRange,
    range: entryRange(text, m.keyRange.from, Math.max(m.valueRange.to - 1, m.keyRange.from)),
    line: lineColumn(text, m.keyRange.from).line,
  }))
  return { fields, errors: [] }
}

