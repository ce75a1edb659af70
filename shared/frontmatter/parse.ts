/**
 * Reading a header: typed values for display, the source range of every top-level key and value,
 * and errors with line and column. A header that does not parse yields errors, never `{}`.
 */
import { type Alias, type Document, type Node, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar } from 'yaml'
import { parse as parseToml, TomlError } from 'smol-toml'
import { parseDateText } from './dates'
import { headerRules } from '../sites'
import { type DetectResult, detectWithDoc, generatorOf, lineAt, yamlOptions } from './detect'
import { LineIndex } from '../line-index'
import { flatYamlFields } from './flat-yaml'
import type { Field, FieldValue, HeaderError, HeaderErrorCode, HeaderErrorReason, ParsedFrontMatter, ParseOptions, Range } from './types'

/** What edit.ts needs besides the public result: the YAML document behind the fields. */
export interface ParseInternals {
  parsed: ParsedFrontMatter
  /** For YAML headers: the document; offsets in it are relative to detection.content.from. */
  yaml?: Document.Parsed
  /** The YAML was read with tab indentation turned into spaces (Hexo): the document's offsets are not the text's. */
  untabbed?: boolean
}

/**
 * The header's fields and errors. Flat YAML headers (most posts' headers) are read by the fast
 * path in flat-yaml.ts, to the same result; the rest, and edits, by the full parser below.
 */
export function parse(text: string, opts: ParseOptions = {}): ParsedFrontMatter {
  const found = detectWithDoc(text, opts)
  return parseFlat(text, opts, found) ?? parseWithInternals(text, opts, found).parsed
}

/** The header as the flat fast path reads it; null when it is not a flat YAML header (see flat-yaml.ts). */
export function readFlat(text: string, opts: ParseOptions = {}): ParsedFrontMatter | null {
  return parseFlat(text, opts, detectWithDoc(text, opts))
}

function parseFlat(text: string, opts: ParseOptions, found: DetectResult): ParsedFrontMatter | null {
  const { detection } = found
  const content = detection.content
  if (detection.format !== 'yaml' || content === null || found.notRead || found.refused || found.unterminated !== undefined) return null
  const nul = text.indexOf('\0', content.from)
  if (nul !== -1 && nul < content.to) return null
  const fields = flatYamlFields(text, content, new LineIndex(text), opts.timeZone ?? 'UTC')
  return fields ? { detection, fields, errors: [], ok: true } : null
}

/**
 * The last few full reads, by text and the options a read depends on. Typing into the form reads
 * the same text more than once per keystroke (the quote style when a field is entered, setValue,
 * addListItem through setValue), and a full read is most of an edit's work. Results are never
 * changed by their readers.
 */
const recent: { text: string; key: string; result: ParseInternals }[] = []
const RECENT = 4

/** `found`: the detection of `text` with `opts`, when the caller has it already. */
export function parseWithInternals(text: string, opts: ParseOptions = {}, found?: DetectResult): ParseInternals {
  const key = `${generatorOf(opts)}\0${opts.timeZone ?? 'UTC'}`
  const hit = recent.find((r) => r.key === key && r.text === text)
  if (hit) return hit.result
  const result = readFully(text, opts, found ?? detectWithDoc(text, opts))
  recent.unshift({ text, key, result })
  if (recent.length > RECENT) recent.pop()
  return result
}

function readFully(text: string, opts: ParseOptions, found: DetectResult): ParseInternals {
  const { detection, yaml, unterminated, notRead, refused } = found
  const tz = opts.timeZone ?? 'UTC'
  const lines = new LineIndex(text)
  const done = (fields: Field[], errors: HeaderError[]): ParsedFrontMatter => ({
    detection,
    fields: errors.length === 0 ? fields : [],
    errors,
    ok: errors.length === 0,
  })
  const content = detection.content
  if (detection.format === 'none' || content === null) {
    const crOnly = unterminated === undefined && !refused ? crOnlyHeader(text, opts) : null
    const errors = refused
      ? [error(lines, refused.code, refused.message, refused.offset)]
      : unterminated !== undefined
        ? [error(lines, 'unterminated', 'The header has no closing fence', unterminated)]
        : crOnly !== null
          ? [error(lines, 'cr-only', CR_ONLY, crOnly)]
          : []
    return { parsed: done([], errors) }
  }
  const nul = text.indexOf('\0', content.from)
  if (nul !== -1 && nul < content.to) return { parsed: done([], [error(lines, 'nul', NUL_IN_HEADER, nul)]) }
  if (notRead) return { parsed: done([], [error(lines, 'not-read', notRead.message, notRead.offset)]) }
  if (detection.format === 'yaml') {
    const source = text.slice(content.from, content.to)
    const rules = headerRules(generatorOf(opts))
    const tabs = rules.tabsAsSpaces ? untab(source) : null
    if (tabs) {
      const doc = parseDocument(tabs.text, yamlOptions(rules))
      const { fields, errors } = readYaml(text, lines, content.from, doc, tz, tabs.toSource)
      return { parsed: done(fields, errors), yaml: doc, untabbed: true }
    }
    const doc = yaml ?? parseDocument(source, yamlOptions(rules))
    const { fields, errors } = readYaml(text, lines, content.from, doc, tz)
    return { parsed: done(fields, errors), yaml: doc }
  }
  if (detection.format === 'toml') {
    const { fields, errors } = readToml(text, lines, content, tz)
    return { parsed: done(fields, errors) }
  }
  const { fields, errors } = readJson(text, lines, content, tz)
  return { parsed: done(fields, errors) }
}

/** How many levels values may nest (a top-level value is level 1; alias hops count): real headers nest a few. */
export const MAX_DEPTH = 100
/** Aliases may expand a YAML header to at most this many times the nodes it is written with. */
export const ALIAS_EXPANSION = 10

const TOO_DEEP = `The header nests values more than ${MAX_DEPTH} levels deep, which Folio does not read (a hostile or damaged header?); flatten the value to edit it.`
const TOO_MANY_ALIASES = `Aliases expand the header to more than ${ALIAS_EXPANSION} times its written size (a "billion laughs" header?), so Folio stops reading it; write the values out instead of aliases of aliases.`
const NUL_IN_HEADER = 'The header holds a NUL character (U+0000), which no header may contain (is the file binary or damaged?); remove it to edit the header.'
const CR_ONLY = "The header's lines end in CR only (classic Mac OS), which Folio does not edit; convert the file's line endings to LF or CRLF to edit it."

/**
 * Offset of a header whose lines end in a lone CR: detection sees one long line there, and an
 * edit would put a second header in front of it. Replacing each lone CR with LF keeps offsets.
 */
function crOnlyHeader(text: string, opts: ParseOptions): number | null {
  const cr = text.indexOf('\r')
  if (cr === -1 || text.charCodeAt(cr + 1) === 10) return null
  const lf = text.indexOf('\n')
  if (lf !== -1 && lf < cr) return null
  const block = detectWithDoc(text.replace(/\r(?!\n)/g, '\n'), opts).detection.block
  return block ? block.from : null
}

/** The header's top-level values by key, for code that wants a plain record. */
export function fieldRecord(parsed: ParsedFrontMatter): Record<string, FieldValue> {
  const record: Record<string, FieldValue> = {}
  for (const f of parsed.fields) record[f.key] = f.value
  return record
}

/** What a syntax error is about, for the UI's own wording (see HeaderErrorReason). */
type Named = { reason?: HeaderErrorReason; subject?: string }

function error(lines: LineIndex, code: HeaderErrorCode, message: string, offset: number, named: Named = {}): HeaderError {
  const { line, column } = lines.at(offset)
  const found: HeaderError = { code, message, line, column }
  if (named.reason) found.reason = named.reason
  if (named.subject !== undefined) found.subject = named.subject
  return found
}

/** Folio's name for a `yaml` package error: by its code, and by its message where one code covers several mistakes. */
function yamlReason(code: string, message: string): Named {
  if (/end with a [\]}]/.test(message)) return { reason: 'unclosed-bracket' }
  const quote = /Missing closing (["'])quote/.exec(message)?.[1]
  if (quote) return { reason: 'unclosed-quote', subject: quote }
  switch (code) {
    case 'TAB_AS_INDENT':
      return { reason: 'tab-indent' }
    case 'BAD_INDENT':
      return { reason: 'bad-indent' }
    case 'MULTILINE_IMPLICIT_KEY':
      return { reason: 'no-colon' }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { reason: /Nested mappings/.test(message) ? 'colon-in-value' : 'bad-indent' }
    case 'BAD_SCALAR_START': {
      const char = /character (\S)$/.exec(message)?.[1]
      return char ? { reason: 'reserved-start', subject: char } : { reason: 'reserved-start' }
    }
    case 'BAD_DQ_ESCAPE': {
      const sequence = /sequence (\S+)/.exec(message)?.[1]
      return sequence ? { reason: 'bad-escape', subject: sequence } : { reason: 'bad-escape' }
    }
    case 'UNEXPECTED_TOKEN':
      return { reason: /Unexpected , in|empty item/.test(message) ? 'missing-value' : 'extra-text' }
    case 'BLOCK_IN_FLOW':
      return { reason: 'block-in-flow' }
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'TAG_RESOLVE_FAILED':
      return { reason: 'anchor-or-tag' }
    case 'KEY_OVER_1024_CHARS':
      return { reason: 'key-too-long' }
    case 'MISSING_CHAR':
      if (/Comments must be separated/.test(message)) return { reason: 'comment-space' }
      if (/Implicit map keys need to be followed/.test(message)) return { reason: 'no-colon' }
      if (/Missing (,|space after :)/.test(message)) return { reason: 'missing-separator' }
      if (/Tags and anchors must be separated/.test(message)) return { reason: 'anchor-or-tag' }
      return {}
    default:
      return {}
  }
}

/** A limit a header went past while its values were read; reported as that header's error. */
class HeaderLimit extends Error {
  constructor(
    readonly code: HeaderErrorCode,
    readonly offset: number,
    message: string,
  ) {
    super(message)
  }
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

/** A header read with its line-leading tabs as spaces, and the way back to the source's offsets. */
export interface Untabbed {
  text: string
  /** The source offset of an offset in `text` (inside a run of spaces: the run's end). */
  toSource(rel: number): number
  /** The same, or null for an offset strictly inside a run of spaces that stands for tabs. */
  exactSource(rel: number): number | null
}

/**
 * Hexo's reading of tabs (hexo-front-matter's escapeYAML): each tab that starts a line after the
 * first becomes two spaces before js-yaml reads the header. Returns that text and a map from its
 * offsets back to the source's; null when there is no such tab.
 */
export function untab(source: string): Untabbed | null {
  const runs = [...source.matchAll(/\n(\t+)/g)]
  if (runs.length === 0) return null
  // Where each run of spaces starts and ends in the new text, and how many characters it added so far.
  const shifts: { from: number; at: number; added: number }[] = []
  let text = ''
  let last = 0
  let added = 0
  for (const m of runs) {
    const tabs = (m.index ?? 0) + 1
    const n = (m[1] ?? '').length
    text += source.slice(last, tabs)
    const from = text.length
    text += '  '.repeat(n)
    last = tabs + n
    added += n
    shifts.push({ from, at: text.length, added })
  }
  text += source.slice(last)
  const toSource = (rel: number): number => {
    let back = 0
    for (const s of shifts) {
      if (s.at > rel) break
      back = s.added
    }
    return rel - back
  }
  return {
    text,
    toSource,
    exactSource: (rel) => (shifts.some((s) => s.from < rel && rel < s.at) ? null : toSource(rel)),
  }
}

function readYaml(
  text: string,
  lines: LineIndex,
  offset: number,
  doc: Document.Parsed,
  tz: string,
  toSource: (rel: number) => number = (rel) => rel,
): { fields: Field[]; errors: HeaderError[] } {
  const src = (rel: number): number => offset + toSource(rel)
  const errors: HeaderError[] = doc.errors.map((e) => {
    const at = src(e.pos[0])
    // The package's composer recurses per level and reports its own stack overflow as an error.
    if (e instanceof RangeError || /call stack/i.test(e.message)) return error(lines, 'too-deep', TOO_DEEP, at)
    const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    // `yaml` reports an over-indented `key:` at the value above it; js-yaml and the author mean its own line.
    if (/Nested mappings are not allowed|Implicit keys need to be on a single line/.test(message)) {
      const over = overIndented(text, at, offset + (doc.range?.[1] ?? 0))
      if (over) return error(lines, 'syntax', over.message, over.at, { reason: 'over-indented', subject: over.key })
    }
    // An unclosed quote or bracket is noticed lines later; the author needs the line that opened it.
    const opener = /closing "/.test(message) ? '"' : /closing '/.test(message) ? "'" : /end with a [\]}]/.test(message) ? '[{' : null
    const unclosed = opener ? openingEntry(text, offset, at, opener) : at
    return error(lines, 'syntax', message, unclosed, yamlReason(e.code, message))
  })
  // Both messages above can point at one over-indented line: report it once.
  const seen = new Set<string>()
  for (let i = errors.length - 1; i >= 0; i--) {
    const e = errors[i] as HeaderError
    const id = `${e.line}:${e.column}:${e.message}`
    if (seen.has(id)) errors.splice(i, 1)
    seen.add(id)
  }
  const root = doc.contents
  const source = sourceNodes(root)
  for (const key of source.duplicates) {
    errors.push(error(lines, 'duplicate-key', `Duplicate key ${keyText(key)}`, src(key.range?.[0] ?? 0), { subject: keyText(key) }))
  }
  if (errors.length > 0) return { fields: [], errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) }
  if (root === null || (isScalar(root) && root.value === null)) return { fields: [], errors }
  if (!isMap(root)) {
    const at = src(root.range?.[0] ?? 0)
    return { fields: [], errors: [error(lines, 'not-a-mapping', 'The header is not a list of key: value pairs', at)] }
  }
  const walk: YamlWalk = { anchors: source.anchors, tz, src, left: source.count * ALIAS_EXPANSION, alias: null }
  const fields: Field[] = []
  try {
    for (const pair of root.items) {
      const keyNode = pair.key
      const key = keyText(keyNode)
      const kr = (keyNode as Node | null)?.range ?? [0, 0, 0]
      const keyRange = { from: src(kr[0]), to: src(kr[1]) }
      const valueNode = pair.value as Node | null
      let valueRange: Range
      if (valueNode?.range) {
        const from = src(valueNode.range[0])
        valueRange = { from, to: trimEnd(text, from, src(valueNode.range[1])) }
      } else {
        const colon = text.indexOf(':', keyRange.to)
        valueRange = { from: colon + 1, to: colon + 1 }
      }
      fields.push({
        key,
        value: yamlValue(valueNode, walk, 0),
        keyRange,
        valueRange,
        range: entryRange(text, keyRange.from, Math.max(valueRange.to - 1, keyRange.from)),
        line: lines.at(keyRange.from).line,
      })
    }
  } catch (e) {
    if (e instanceof HeaderLimit) return { fields: [], errors: [error(lines, e.code, e.message, e.offset)] }
    throw e
  }
  return { fields, errors }
}

function keyText(key: unknown): string {
  if (!isScalar(key)) return String(key)
  // YAML 1.1 reads `yes:` or `2024-01-01:` as a boolean or a date: the key is what was written.
  return typeof key.value === 'string' ? key.value : (key.source ?? String(key.value))
}

interface SourceNodes {
  /** Nodes as written, aliases not followed: the alias budget is a multiple of this. */
  count: number
  /** Keys repeated in their own mapping, in source order. */
  duplicates: Node[]
  /** Anchored nodes by anchor name, in source order. */
  anchors: Map<string, Node[]>
}

/** One pass over the header's nodes with its own stack, so no nesting depth can overflow it. */
function sourceNodes(root: unknown): SourceNodes {
  let count = 0
  const duplicates: Node[] = []
  const anchors = new Map<string, Node[]>()
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || node === undefined) continue
    if (isPair(node)) {
      stack.push(node.key, node.value)
      continue
    }
    count++
    const anchor = (node as { anchor?: string }).anchor
    if (anchor) {
      const named = anchors.get(anchor)
      if (named) named.push(node as Node)
      else anchors.set(anchor, [node as Node])
    }
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) duplicates.push(pair.key)
          seen.add(pair.key.value)
        }
        stack.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) stack.push(...node.items)
  }
  const bySource = (a: Node, b: Node): number => start(a) - start(b)
  for (const named of anchors.values()) named.sort(bySource)
  return { count, duplicates: duplicates.sort(bySource), anchors }
}

function start(node: Node): number {
  return node.range?.[0] ?? 0
}

/**
 * The node an alias stands for: the last one anchored with its name before it. The package's
 * own resolve() walks the whole document for every alias (8,000 aliases took minutes).
 */
function resolveAlias(alias: Alias, anchors: Map<string, Node[]>): Node | undefined {
  const named = anchors.get(alias.source) ?? []
  const at = start(alias)
  let lo = 0
  let hi = named.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (start(named[mid] as Node) < at) lo = mid + 1
    else hi = mid
  }
  return named[lo - 1]
}

/**
 * The first line after the one holding `at` that is a `key:` indented deeper than the key it
 * follows, with a message naming it; null when there is none before `end`.
 */
function overIndented(text: string, at: number, end: number): { at: number; key: string; message: string } | null {
  const keyLine = text.slice(text.lastIndexOf('\n', at - 1) + 1, lineAt(text, at).end)
  const indent = /^[ \t]*/.exec(keyLine)?.[0].length ?? 0
  for (let p = lineAt(text, at).next; p < end;) {
    const line = lineAt(text, p)
    const s = text.slice(line.start, line.end)
    const m = /^([ \t]+)([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)/.exec(s)
    if (m && (m[1] ?? '').length > indent) {
      const key = (m[2] ?? '').trim()
      return {
        at: line.start + (m[1] ?? '').length,
        key,
        message: `Key "${key}" is indented more than the key above it; align it with that key or nest it under a key of its own`,
      }
    }
    if (s.trim() !== '' && !s.trim().startsWith('#')) return null
    p = line.next
  }
  return null
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

/** What reading one header's values shares: the nodes it may still produce, and the alias being expanded. */
interface YamlWalk {
  anchors: Map<string, Node[]>
  tz: string
  /** A node's offset in the text from its offset in the parsed source. */
  src: (rel: number) => number
  left: number
  /** The outermost alias being expanded: where a header that expands too far is reported. */
  alias: Alias | null
}

function yamlValue(node: unknown, walk: YamlWalk, depth: number): FieldValue {
  const at = (n: unknown): number => walk.src((n as Node | null)?.range?.[0] ?? 0)
  if (--walk.left < 0) throw new HeaderLimit('too-many-aliases', at(walk.alias ?? node), TOO_MANY_ALIASES)
  if (depth >= MAX_DEPTH) throw new HeaderLimit('too-deep', at(walk.alias ?? node), TOO_DEEP)
  if (isAlias(node)) {
    const outer = walk.alias
    walk.alias ??= node
    try {
      return yamlValue(resolveAlias(node, walk.anchors), walk, depth + 1)
    } finally {
      walk.alias = outer
    }
  }
  if (isScalar(node)) return scalarValue(node, walk.tz)
  if (isSeq(node)) return { type: 'list', items: node.items.map((n) => yamlValue(n, walk, depth + 1)) }
  if (isMap(node)) {
    return {
      type: 'map',
      entries: node.items.map((p) => ({ key: keyText(p.key), value: yamlValue(p.value, walk, depth + 1) })),
    }
  }
  if (isPair(node)) return { type: 'map', entries: [{ key: keyText(node.key), value: yamlValue(node.value, walk, depth + 1) }] }
  return { type: 'null' }
}

function scalarValue(node: Scalar, tz: string): FieldValue {
  const v = node.value
  if (typeof v === 'string') return stringValue(v, tz)
  // The package's YAML 1.1 float pattern takes `e0` for a number (NaN); only `.nan` is one.
  if (typeof v === 'number' && Number.isNaN(v) && node.source !== undefined && !/^[-+]?\.nan$/i.test(node.source)) return stringValue(node.source, tz)
  if (typeof v === 'number') return { type: 'number', value: v, text: node.source ?? String(v) }
  if (typeof v === 'boolean') return { type: 'boolean', value: v }
  // YAML 1.1 makes timestamps Date objects: keep the text written, as for any date.
  if (v instanceof Date) return stringValue(node.source ?? v.toISOString(), tz)
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
  // Dotted keys continue an earlier entry: found by name, not by searching every entry (quadratic).
  const byKey = new Map<string, TomlEntry>()
  let section: TomlEntry | null = null
  for (let p = content.from; p < content.to;) {
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
    const kv = /^[ \t]*((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)[ \t]*=[ \t]*/.exec(s)
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
      const existing = byKey.get(first)
      if (existing) {
        existing.simple = false
        existing.range.to = next
        existing.valueRange.to = valueTo
      } else {
        const entry: TomlEntry = {
          key: first,
          keyRange: { from: keyFrom, to: keyFrom + (simple ? keyText.length : first.length) },
          valueRange: { from: valueFrom, to: valueTo },
          range: { from: line.start, to: next },
          simple,
        }
        entries.push(entry)
        byKey.set(first, entry)
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

/** Folio's name for a smol-toml error, by its message. */
function tomlReason(message: string): Named {
  if (/unfinished string|control characters are not allowed in strings/.test(message)) return { reason: 'unclosed-quote' }
  if (/unfinished (array|table)|end of table array/.test(message)) return { reason: 'unclosed-bracket' }
  if (/invalid value|unfinished numeric/.test(message)) return { reason: 'missing-value' }
  if (/in key|bare key|end of key|quoted key/.test(message)) return { reason: 'bad-key' }
  if (/escape/.test(message)) return { reason: 'bad-escape' }
  if (/expected comma/.test(message)) return { reason: 'missing-separator' }
  if (/followed by an end-of-line/.test(message)) return { reason: 'extra-text' }
  return {}
}

function readToml(text: string, lines: LineIndex, content: Range, tz: string): { fields: Field[]; errors: HeaderError[] } {
  const source = text.slice(content.from, content.to)
  let data: Record<string, unknown>
  try {
    data = parseToml(source, { maxDepth: MAX_DEPTH }) as Record<string, unknown>
  } catch (e) {
    if (e instanceof TomlError) {
      const sourceLines = source.split('\n')
      let at = content.from
      for (let i = 0; i < e.line - 1 && i < sourceLines.length; i++) at += (sourceLines[i] ?? '').length + 1
      at += Math.max(0, e.column - 1)
      const message = (e.message.split('\n')[0] ?? 'Invalid TOML').trim()
      if (/excessively nested/.test(message)) return { fields: [], errors: [error(lines, 'too-deep', TOO_DEEP, at)] }
      if (/already|redefine|overwrite/i.test(message)) {
        // Name the key, as YAML's duplicate errors do (smol-toml's message does not).
        const key = /^[ \t]*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*|\[\[?[^\]]*\]?\])/.exec(
          sourceLines[e.line - 1] ?? '',
        )?.[1]
        return { fields: [], errors: [error(lines, 'duplicate-key', key ? `Duplicate key ${key}` : message, at, key ? { subject: key } : {})] }
      }
      return { fields: [], errors: [error(lines, 'syntax', message, at, tomlReason(message))] }
    }
    throw e
  }
  const fields = scanToml(text, content).map((e) => ({
    key: e.key,
    value: tomlValue(data[e.key], text.slice(e.valueRange.from, e.valueRange.to), tz),
    keyRange: e.keyRange,
    valueRange: e.valueRange,
    range: e.range,
    line: lines.at(e.keyRange.from).line,
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
    readonly named: Named = {},
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

  fail(message: string, reason?: HeaderErrorReason): never {
    throw new JsonSyntaxError(this.pos, message, 'syntax', reason ? { reason } : {})
  }

  /** `"k": v, …` up to `close` (or the end, for Hexo's braceless `;;;` form), `depth` levels down. */
  members(close: '}' | null, depth = 0): JsonMember[] {
    const out: JsonMember[] = []
    const seen = new Set<string>()
    this.ws()
    if (close !== null && this.text[this.pos] === close) return out
    if (close === null && this.pos >= this.end) return out
    for (;;) {
      this.ws()
      if (this.text[this.pos] !== '"') this.fail('Expected a "quoted" key', 'unquoted-key')
      const keyFrom = this.pos
      const key = this.string()
      const keyRange = { from: keyFrom, to: this.pos }
      if (seen.has(key)) throw new JsonSyntaxError(keyFrom, `Duplicate key ${key}`, 'duplicate-key', { subject: key })
      seen.add(key)
      this.ws()
      if (this.text[this.pos] !== ':') this.fail('Expected ":" after the key', 'no-colon')
      this.pos++
      this.ws()
      const valueFrom = this.pos
      const value = this.value(depth)
      out.push({ key, keyRange, valueRange: { from: valueFrom, to: this.pos }, value })
      this.ws()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if ((close === null && this.pos >= this.end) || (close !== null && c === close)) return out
      this.fail(close === null ? 'Expected "," between entries' : 'Expected "," or "}"', 'missing-separator')
    }
  }

  /** One value; recursion stops at MAX_DEPTH, so no header can overflow the stack. */
  value(depth: number): FieldValue {
    const c = this.text[this.pos]
    if (depth >= MAX_DEPTH) throw new JsonSyntaxError(this.pos, TOO_DEEP, 'too-deep')
    if (c === '"') return stringValue(this.string(), this.tz)
    if (c === '{') {
      this.pos++
      const entries = this.members('}', depth + 1).map((m) => ({ key: m.key, value: m.value }))
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
        items.push(this.value(depth + 1))
        this.ws()
        const d = this.text[this.pos]
        this.pos++
        if (d === ']') return { type: 'list', items }
        if (d !== ',') {
          this.pos--
          this.fail('Expected "," or "]"', 'missing-separator')
        }
      }
    }
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.pos, Math.min(this.end, this.pos + 400)))
    if (!word) this.fail('Expected a value', 'missing-value')
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
          throw new JsonSyntaxError(from, 'Invalid string', 'syntax', { reason: 'bad-escape' })
        }
      } else if (c === '\n') break
    }
    throw new JsonSyntaxError(from, 'Unterminated string', 'syntax', { reason: 'unclosed-quote', subject: '"' })
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
    if (r.pos < content.to) r.fail('Unexpected text after the object', 'extra-text')
    return members
  }
  if (text[r.pos] === '[') r.fail('The header is not an object')
  return r.members(null)
}

function readJson(text: string, lines: LineIndex, content: Range, tz: string): { fields: Field[]; errors: HeaderError[] } {
  let members: JsonMember[]
  try {
    members = readJsonMembers(text, content, tz)
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const code = e.message === 'The header is not an object' ? 'not-a-mapping' : e.code
      return { fields: [], errors: [error(lines, code, e.message, e.offset, e.named)] }
    }
    throw e
  }
  const fields = members.map((m) => ({
    key: m.key,
    value: m.value,
    keyRange: m.keyRange,
    valueRange: m.valueRange,
    range: entryRange(text, m.keyRange.from, Math.max(m.valueRange.to - 1, m.keyRange.from)),
    line: lines.at(m.keyRange.from).line,
  }))
  return { fields, errors: [] }
}
