/**
 * Edits as minimal text patches: the edited value's source is replaced in place and every other
 * byte (comments, order, indentation, quotes, line endings) stays. Nothing is re-stringified;
 * a header that does not parse is refused with a typed error.
 */
import { type Document, type Node, isMap, isScalar, isSeq, Scalar, type YAMLSeq } from 'yaml'
import { FolioError, said } from '../errors'
import { headerRules } from '../sites'
import { generatorOf, lineAt, looksLikeBrokenHeader } from './detect'
import { fieldRecord, parseWithInternals, readFlat, scanToml, type TomlEntry, untab } from './parse'
import { doubleQuoted, hasControl, needsQuotes, plainDate, type QuoteStyle, yamlDate, yamlKey, yamlNumber, yamlString } from './quote'
import { scalarText } from './scalar-text'
import type { Detection, EditOptions, EditValue, Field, FieldValue, ParsedFrontMatter, TextPatch } from './types'

/** Applies patches given in original-text coordinates (any order, non-overlapping). */
export function applyPatches(text: string, patches: readonly TextPatch[]): string {
  const order = patches.map((p, i) => ({ p, i })).sort((a, b) => b.p.from - a.p.from || b.i - a.i)
  let out = text
  for (const { p } of order) out = out.slice(0, p.from) + p.insert + out.slice(p.to)
  return out
}

/** A FieldValue as the value an edit would write back (dates as the text the author wrote). */
export function fieldToEditValue(v: FieldValue): EditValue {
  switch (v.type) {
    case 'string':
      return v.value
    case 'number':
      return v.value
    case 'boolean':
      return v.value
    case 'date':
      return v.text
    case 'null':
      return null
    case 'list':
      return v.items.map(fieldToEditValue)
    case 'map':
      return Object.fromEntries(v.entries.map((e) => [e.key, fieldToEditValue(e.value)]))
  }
}

/** Sets `key` to `value`, adding the key (or the whole block) when it is missing. */
export function setValue(text: string, key: string, value: EditValue, opts: EditOptions = {}): TextPatch[] {
  return setFlatScalar(text, key, value, opts) ?? setValueParsed(text, key, value, opts)
}

/**
 * setValue's fast path for what typing into the form writes, made between two keystrokes: a
 * scalar set on a key whose value sits on the key's own line, in a flat YAML header (flat-yaml.ts).
 * The header is scanned instead of read by the full YAML parser, which was most of a form write's
 * time; the patch is the one setValueParsed makes (tests/unit/frontmatter/flat-edit.test.ts
 * compares them on generated headers). Null when the fast path does not apply.
 */
export function setFlatScalar(text: string, key: string, value: EditValue, opts: EditOptions = {}): TextPatch[] | null {
  if (isCollection(value)) return null
  const parsed = readFlat(text, opts)
  const field = parsed?.fields.find((f) => f.key === key)
  if (!parsed || !field) return null
  // A tab-indented header line takes throughTabs (Hexo's reading); flat headers have none, but a
  // blank line may. Tabs in the body (Go code, Makefiles) leave the header to this path.
  const content = parsed.detection.content
  if (content && text.slice(0, content.to).includes('\n\t')) return null
  const vr = field.valueRange
  // A block list below the key: replacing it takes its lines too (the full path).
  if (vr.from > lineAt(text, field.keyRange.from).end) return null
  if (readsAs(field.value, value)) return []
  if (value === null) return tidy(text, [afterColon(text, field, '', vr.to)])
  const current = field.value.type === 'list' ? null : writtenStyle(text[vr.from])
  const asDate = opts.date === true || (current === 'plain' && plainDate(text.slice(vr.from, vr.to)))
  const insert = yamlScalar(value, flatStyle(text, parsed.fields), opts.quote ?? current, false, asDate)
  return tidy(text, [{ from: vr.from, to: vr.to, insert }])
}

/** setValue through the full parser: every format, value and header (setValue tries setFlatScalar first). */
export function setValueParsed(text: string, key: string, value: EditValue, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => setValue(u, key, value, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  if (ctx.detection.format === 'none') return createBlock(ctx, key, value, opts.createFormat ?? 'yaml')
  const field = ctx.parsed.fields.find((f) => f.key === key)
  if (!field) return addKey(text, key, value, opts)
  // Writing back what is there, or what it already reads as (`1092` set on `title: 1092`), must
  // not touch a byte: a re-rendered value could requote it or change its type.
  if (readsAs(field.value, value)) return []
  if (ctx.detection.format === 'yaml') return tidy(text, setYaml(ctx, field, value))
  if (ctx.detection.format === 'toml') return tidy(text, setToml(ctx, field, value))
  return tidy(text, [{ from: field.valueRange.from, to: field.valueRange.to, insert: jsonValue(value) }])
}

/** Adds `key: value` after the last entry, in the block's own style; sets it when present. */
export function addKey(text: string, key: string, value: EditValue, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => addKey(u, key, value, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  const { detection, parsed } = ctx
  if (detection.format === 'none') return createBlock(ctx, key, value, opts.createFormat ?? 'yaml')
  if (parsed.fields.some((f) => f.key === key)) return setValue(text, key, value, opts)
  const content = required(detection.content)
  const last = parsed.fields[parsed.fields.length - 1]
  const eol = detection.eol
  if (detection.format === 'yaml') {
    const at = last ? last.range.to : content.to
    const style = yamlStyle(ctx)
    return [{ from: at, to: at, insert: yamlEntry(key, value, style, eol, ctx.date) + eol }]
  }
  if (detection.format === 'toml') {
    if (value === null) return []
    const entries = scanToml(text, content)
    const lastSimple = [...entries].reverse().find((e) => !isSection(text, e))
    const at = lastSimple ? lastSimple.range.to : content.from
    return [{ from: at, to: at, insert: `${tomlKey(key)} = ${tomlValue(value, null)}${eol}` }]
  }
  const member = `${JSON.stringify(key)}: ${jsonValue(value)}`
  if (last) {
    const lineStart = text.lastIndexOf('\n', last.keyRange.from - 1) + 1
    const indent = /^[ \t]*/.exec(text.slice(lineStart, last.keyRange.from))?.[0] ?? ''
    const at = last.valueRange.to
    return [{ from: at, to: at, insert: `,${eol}${indent}${member}` }]
  }
  if (text[content.from] === '{') {
    return [{ from: content.from, to: content.to, insert: `{${eol}  ${member}${eol}}` }]
  }
  return [{ from: content.from, to: content.from, insert: member + eol }]
}

/** Removes the key's whole entry (its lines, for line-based formats). */
export function removeKey(text: string, key: string, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => removeKey(u, key, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  const field = ctx.parsed.fields.find((f) => f.key === key)
  if (!field) return []
  // Hexo prints a block left without keys (`---\n---`) as body: the last key takes the block with
  // it, and the blank line Hexo read as part of the header too (a BOM stays).
  const block = ctx.detection.block
  if (block && ctx.parsed.fields.length === 1 && headerRules(generatorOf(opts)).emptyBlockIsBody) {
    return [{ from: ctx.detection.bom ? 1 : 0, to: block.to, insert: '' }]
  }
  if (ctx.detection.format === 'json') {
    const fields = ctx.parsed.fields
    const i = fields.indexOf(field)
    const next = fields[i + 1]
    const prev = fields[i - 1]
    if (next) return [{ from: field.keyRange.from, to: next.keyRange.from, insert: '' }]
    if (prev) return [{ from: prev.valueRange.to, to: field.valueRange.to, insert: '' }]
    return [{ from: field.keyRange.from, to: field.valueRange.to, insert: '' }]
  }
  if (ctx.detection.format === 'toml') tomlEntry(ctx, field, true)
  return [{ from: field.range.from, to: field.range.to, insert: '' }]
}

/** Renames a key in place; refuses to overwrite an existing key. */
export function renameKey(text: string, from: string, to: string, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => renameKey(u, from, to, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  const field = ctx.parsed.fields.find((f) => f.key === from)
  if (!field || from === to) return []
  if (ctx.parsed.fields.some((f) => f.key === to)) {
    throw new FolioError({ code: 'EXISTS', ...said('key-exists', { key: to }) })
  }
  let insert: string
  if (ctx.detection.format === 'yaml') {
    const old = text.slice(field.keyRange.from, field.keyRange.to)
    const quote = old.startsWith("'") ? 'single' : old.startsWith('"') ? 'double' : 'plain'
    insert = yamlString(to, quote, false, yamlStyle(ctx).quote)
  } else if (ctx.detection.format === 'toml') {
    tomlEntry(ctx, field, false)
    insert = tomlKey(to)
  } else {
    insert = JSON.stringify(to)
  }
  return [{ from: field.keyRange.from, to: field.keyRange.to, insert }]
}

/** Appends an item to a list (a missing or empty key becomes a one-item list). */
export function addListItem(text: string, key: string, item: EditValue, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => addListItem(u, key, item, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  const field = ctx.parsed.fields.find((f) => f.key === key)
  if (!field || field.value.type === 'null') return setValue(text, key, [item], opts)
  if (field.value.type === 'map') {
    throw new FolioError({ code: 'BAD_ARGUMENT', ...said('map-not-list', { key }) })
  }
  const node = ctx.yaml ? yamlNodeOf(ctx, field) : null
  if (isSeq(node) && node.items.length > 0) {
    const eol = eolAt(ctx, field.keyRange.from)
    const last = itemRange(ctx, node.items[node.items.length - 1])
    const style = siblingStyle(yamlStyle(ctx), node)
    if (node.flow) return [{ from: last.to, to: last.to, insert: `, ${yamlFlow(item, style)}` }]
    const lineStart = text.lastIndexOf('\n', last.from - 1) + 1
    const prefix = text.slice(lineStart, last.from)
    const dash = /^[ \t]*-[ \t]+$/.test(prefix) ? prefix : `${style.seqIndent}- `
    const indent = ' '.repeat(dash.length)
    const at = lineAt(text, last.to - 1).next
    const lines = yamlItemLines(item, style, indent)
    return [{ from: at, to: at, insert: dash + lines.join(eol) + eol }]
  }
  const items = field.value.type === 'list' ? field.value.items.map(fieldToEditValue) : [fieldToEditValue(field.value)]
  return setValue(text, key, [...items, item], opts)
}

/** Removes the list item at `index` (an only item leaves an empty list `[]`). */
export function removeListItem(text: string, key: string, index: number, opts: EditOptions = {}): TextPatch[] {
  const tabbed = throughTabs(text, opts, (u) => removeListItem(u, key, index, opts))
  if (tabbed) return tabbed
  const ctx = prepare(text, opts)
  const field = ctx.parsed.fields.find((f) => f.key === key)
  const items = field?.value.type === 'list' ? field.value.items : null
  if (!field || !items || index < 0 || index >= items.length || !Number.isInteger(index)) {
    throw new FolioError({ code: 'BAD_ARGUMENT', ...said('no-list-item', { key, index }) })
  }
  const node = ctx.yaml ? yamlNodeOf(ctx, field) : null
  if (isSeq(node)) {
    const ranges = node.items.map((n) => itemRange(ctx, n))
    const r = ranges[index]
    if (!r) return []
    if (node.flow) {
      const next = ranges[index + 1]
      const prev = ranges[index - 1]
      if (next) return [{ from: r.from, to: next.from, insert: '' }]
      if (prev) return [{ from: prev.to, to: r.to, insert: '' }]
      return [{ from: r.from, to: r.to, insert: '' }]
    }
    const from = text.lastIndexOf('\n', r.from - 1) + 1
    const to = lineAt(text, r.to - 1).next
    if (ranges.length > 1) return [{ from, to, insert: '' }]
    return [afterColon(text, field, ' []'), { from: lineAt(text, field.keyRange.from).next, to, insert: '' }]
  }
  return setValue(text, key, items.filter((_, i) => i !== index).map(fieldToEditValue), opts)
}

// ---------------------------------------------------------------- tab-indented Hexo headers

/**
 * An edit of a Hexo header whose lines start with tabs: made on the header as Hexo reads it (tabs
 * as two spaces each), then carried back onto the text as written. Lines the edit writes use tabs
 * where the lines around them do; every other byte stays. The result must read, for Hexo, exactly
 * as the edit meant, or the edit is refused. Null when the header has no such tabs.
 */
function throughTabs(text: string, opts: EditOptions, edit: (untabbed: string) => TextPatch[]): TextPatch[] | null {
  if (!headerRules(generatorOf(opts)).tabsAsSpaces || !text.includes('\n\t')) return null
  const { parsed, untabbed } = parseWithInternals(text, opts)
  const content = parsed.detection.content
  if (!untabbed || !parsed.ok || !content) return null
  const tabs = untab(text.slice(content.from, content.to))
  if (!tabs) return null
  const u = text.slice(0, content.from) + tabs.text + text.slice(content.to)
  const grown = tabs.text.length - (content.to - content.from)
  const toSource = (x: number): number | null => {
    if (x <= content.from) return x
    if (x >= content.from + tabs.text.length) return x - grown
    const rel = tabs.exactSource(x - content.from)
    return rel === null ? null : content.from + rel
  }
  const refuse = (): never => {
    throw new FolioError({ code: 'HEADER_PARSE', ...said('header-tabs'), line: parsed.fields[0]?.line })
  }
  // A header indented with tabs only gets tabs in every line an edit writes; a mixed one where the lines around do.
  const header = text.slice(content.from, content.to)
  const allTabs = !/(?:^|\n) +\S/.test(header)
  const meantPatches = edit(u)
  const patches: TextPatch[] = []
  for (const p of meantPatches) {
    const from = toSource(p.from)
    const to = toSource(p.to)
    if (from === null || to === null) return refuse()
    const tabbed = allTabs || tabIndented(text, from, to)
    patches.push({ from, to, insert: tabbed ? withTabs(p.insert, text[from - 1] === '\n' || from === 0) : p.insert })
  }
  // Hexo must read the result as the edit meant the header to read.
  const meant = parseWithInternals(applyPatches(u, meantPatches), opts).parsed
  const got = parseWithInternals(applyPatches(text, patches), opts).parsed
  if (!got.ok || JSON.stringify(fieldRecord(got)) !== JSON.stringify(fieldRecord(meant))) return refuse()
  return patches
}

/** Whether the lines a patch touches, or the lines just above and below it, start with a tab. */
function tabIndented(text: string, from: number, to: number): boolean {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1
  const above = from === lineStart && from > 0 ? text.lastIndexOf('\n', from - 2) + 1 : lineStart
  const end = lineAt(text, lineAt(text, Math.max(to, from)).next).end
  return /(?:^|\n)\t/.test(text.slice(above, end))
}

/** Line-leading spaces as the tabs Hexo reads them as (two spaces a tab), an odd one kept as a space. */
function withTabs(insert: string, atLineStart: boolean): string {
  const lead = (spaces: string): string => '\t'.repeat(spaces.length >> 1) + (spaces.length % 2 ? ' ' : '')
  const out = insert.replace(/\n( +)/g, (_, spaces: string) => `\n${lead(spaces)}`)
  return atLineStart ? out.replace(/^( +)/, (_, spaces: string) => lead(spaces)) : out
}

// ---------------------------------------------------------------- shared helpers

interface Ctx {
  text: string
  detection: Detection
  parsed: ParsedFrontMatter
  yaml?: Document.Parsed
  /** The caller's line ending for new lines, overriding what the text shows. */
  eol?: '\n' | '\r\n'
  /** The value set is a date: timestamp text is written plain. */
  date: boolean
  quote?: QuoteStyle
  listStyle?: EditOptions['listStyle']
}

function prepare(text: string, opts: EditOptions): Ctx {
  const { parsed, yaml, untabbed } = parseWithInternals(text, opts)
  const first = parsed.errors[0]
  if (first) {
    const params = { line: first.line, detail: first.message }
    throw new FolioError({ code: 'HEADER_PARSE', ...said(first.code === 'not-read' ? 'header-not-read' : 'header-unparsed', params), line: first.line })
  }
  // Every edit goes through throughTabs first; a tab-indented header that reaches here was refused there.
  if (untabbed) throw new FolioError({ code: 'HEADER_PARSE', ...said('header-tabs'), line: parsed.fields[0]?.line })
  if (parsed.detection.format === 'none' && looksLikeBrokenHeader(text, parsed.detection.bodyStart)) {
    const line = text.slice(0, parsed.detection.bodyStart).split('\n').length
    throw new FolioError({
      code: 'HEADER_PARSE',
      ...said('header-no-fences', { line }),
      line,
    })
  }
  const detection = opts.eol ? { ...parsed.detection, eol: opts.eol } : parsed.detection
  return { text, detection, parsed, yaml, eol: opts.eol, date: opts.date === true, quote: opts.quote, listStyle: opts.listStyle }
}

function required<T>(v: T | null): T {
  if (v === null) throw new FolioError({ code: 'HEADER_PARSE', ...said('header-none') })
  return v
}

/**
 * Whether the header already holds `v`: the same value, or a scalar whose text is the string
 * given (a command line or a text box hands over `1092`, `1.10`, `true` as strings).
 */
function readsAs(fv: FieldValue, v: EditValue): boolean {
  if (Array.isArray(v)) return fv.type === 'list' && fv.items.length === v.length && fv.items.every((x, i) => readsAs(x, v[i] ?? null))
  if (v !== null && typeof v === 'object') {
    if (fv.type !== 'map') return false
    const keys = Object.keys(v)
    return fv.entries.length === keys.length && fv.entries.every((e) => e.key in v && readsAs(e.value, v[e.key] ?? null))
  }
  if (v === null) return fv.type === 'null'
  if (typeof v === 'string') return scalarText(fv) === v
  if (typeof v === 'number') return fv.type === 'number' && (fv.value === v || (Number.isNaN(v) && Number.isNaN(fv.value)))
  return fv.type === 'boolean' && fv.value === v
}

/** Drops patches that would write what is already there. */
function tidy(text: string, patches: TextPatch[]): TextPatch[] {
  return patches.filter((p) => text.slice(p.from, p.to) !== p.insert).sort((a, b) => a.from - b.from)
}

/** The line ending of the line at `pos` (CRLF files stay CRLF on edited lines). */
function eolAt(ctx: Ctx, pos: number): '\n' | '\r\n' {
  if (ctx.eol) return ctx.eol
  const line = lineAt(ctx.text, pos)
  if (line.next === line.end) return ctx.detection.eol
  return ctx.text[line.end] === '\r' ? '\r\n' : '\n'
}

function createBlock(ctx: Ctx, key: string, value: EditValue, format: 'yaml' | 'toml' | 'json'): TextPatch[] {
  const { eol, bodyStart } = ctx.detection
  let block: string
  if (format === 'toml') block = `+++${eol}${tomlKey(key)} = ${tomlValue(value, null)}${eol}+++${eol}`
  else if (format === 'json') block = `{${eol}  ${JSON.stringify(key)}: ${jsonValue(value)}${eol}}${eol}`
  else block = `---${eol}${yamlEntry(key, value, DEFAULT_STYLE, eol, ctx.date)}${eol}---${eol}`
  return [{ from: bodyStart, to: bodyStart, insert: block }]
}

// ---------------------------------------------------------------- YAML

interface YamlStyle {
  /** Indentation before `-` of a block list under a top-level key. */
  seqIndent: string
  mapIndent: string
  flowLists: boolean
  /** Quote used when a new value needs quoting or the block quotes its strings. */
  quote: QuoteStyle
  /** Whether new strings are quoted even when not needed (the block does that). */
  alwaysQuote: boolean
}

const DEFAULT_STYLE: YamlStyle = { seqIndent: '  ', mapIndent: '  ', flowLists: false, quote: 'single', alwaysQuote: false }

/** How the block's top-level strings are quoted (see yamlStyle), counted by both ways of reading it. */
interface QuoteCounts {
  /** Strings that could be plain, by how they are written: a habit of quoting. */
  habit: Record<QuoteStyle, number>
  /** Quoted strings by their quote: the preferred mark. */
  marks: Record<QuoteStyle, number>
}

function quoteHabits({ habit, marks }: QuoteCounts): Pick<YamlStyle, 'quote' | 'alwaysQuote'> {
  return { quote: marks.double > marks.single ? 'double' : 'single', alwaysQuote: habit.single + habit.double > habit.plain }
}

/** A scalar's style from its first character. */
function writtenStyle(first: string | undefined): QuoteStyle {
  return first === "'" ? 'single' : first === '"' ? 'double' : 'plain'
}

/**
 * yamlStyle's quoting for a flat header, from its scanned fields: a plain value counts as a
 * string exactly when it needs no quotes (it then reads back as that string under YAML 1.1 and
 * 1.2); lists count for nothing, as they do there.
 */
function flatStyle(text: string, fields: readonly Field[]): YamlStyle {
  const counts: QuoteCounts = { habit: { plain: 0, single: 0, double: 0 }, marks: { plain: 0, single: 0, double: 0 } }
  for (const f of fields) {
    if (f.value.type === 'list') continue
    const style = writtenStyle(text[f.valueRange.from])
    const string = style === 'plain' ? text.slice(f.valueRange.from, f.valueRange.to) : scalarText(f.value)
    if (style !== 'plain') counts.marks[style]++
    if (string !== null && !needsQuotes(string)) counts.habit[style]++
  }
  return { ...DEFAULT_STYLE, ...quoteHabits(counts) }
}

/** The block's habits, read from its top-level values. */
function yamlStyle(ctx: Ctx): YamlStyle {
  const root = ctx.yaml?.contents
  if (!isMap(root)) return DEFAULT_STYLE
  const off = required(ctx.detection.content).from
  const seqIndents = new Map<string, number>()
  const mapIndents = new Map<string, number>()
  let flow = 0
  let block = 0
  // Quotes on values that could be plain show a habit; quotes anywhere show the preferred mark.
  const counts: QuoteCounts = { habit: { plain: 0, single: 0, double: 0 }, marks: { plain: 0, single: 0, double: 0 } }
  const { habit, marks } = counts
  for (const pair of root.items) {
    const v = pair.value
    if (isSeq(v) && v.range) {
      if (v.flow) flow++
      else {
        block++
        const at = off + v.range[0]
        const indent = ctx.text.slice(ctx.text.lastIndexOf('\n', at - 1) + 1, at)
        if (/^[ \t]*$/.test(indent)) seqIndents.set(indent, (seqIndents.get(indent) ?? 0) + 1)
      }
    } else if (isMap(v) && !v.flow && v.range) {
      const at = off + v.range[0]
      const indent = ctx.text.slice(ctx.text.lastIndexOf('\n', at - 1) + 1, at)
      if (/^ +$/.test(indent)) mapIndents.set(indent, (mapIndents.get(indent) ?? 0) + 1)
    } else if (isScalar(v) && typeof v.value === 'string') {
      const style = scalarStyle(v)
      if (style) marks[style]++
      if (!needsQuotes(v.value)) habit[style ?? 'plain']++
    }
  }
  const most = (m: Map<string, number>, d: string): string => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? d
  // A block without lists of its own writes one as the folder does.
  const folder = flow + block === 0 ? ctx.listStyle : undefined
  if (folder) {
    flow = folder.flow ? 1 : 0
    if (!folder.flow) seqIndents.set(folder.indent, 1)
  }
  return {
    seqIndent: most(seqIndents, DEFAULT_STYLE.seqIndent),
    mapIndent: most(mapIndents, DEFAULT_STYLE.mapIndent),
    flowLists: flow > block,
    ...quoteHabits(counts),
  }
}

/** New items of a list are quoted the way its last string item is. */
function siblingStyle(style: YamlStyle, node: YAMLSeq): YamlStyle {
  const strings = node.items.filter((n): n is Scalar => isScalar(n) && typeof n.value === 'string')
  const last = strings[strings.length - 1]
  if (!last) return style
  const s = scalarStyle(last)
  return { ...style, alwaysQuote: s !== null, quote: s ?? style.quote }
}

/** A scalar; `asDate` writes timestamp text plain (a date stays a date), any other string only when safe. */
function yamlScalar(v: string | number | boolean | null, style: YamlStyle, prefer: QuoteStyle | null, flow: boolean, asDate = false): string {
  if (v === null) return flow ? 'null' : ''
  if (typeof v === 'number') return yamlNumber(v)
  if (typeof v === 'boolean') return String(v)
  if (asDate) return yamlDate(v, prefer ?? 'plain', flow, style.quote)
  const p = prefer ?? (style.alwaysQuote ? style.quote : 'plain')
  return yamlString(v, p, flow, style.quote)
}

/** A plain scalar holding timestamp text: what a date value looks like in YAML. */
function isPlainDate(node: unknown): boolean {
  if (!isScalar(node) || node.type !== Scalar.PLAIN) return false
  // Read as YAML 1.1 (Jekyll) a plain timestamp is already a Date; its text is the source.
  const written = typeof node.value === 'string' ? node.value : node.value instanceof Date ? node.source : undefined
  return typeof written === 'string' && plainDate(written)
}

/** A value in flow style: `[a, b]`, `{k: v}` or a scalar. */
function yamlFlow(v: EditValue, style: YamlStyle): string {
  if (Array.isArray(v)) return `[${v.map((x) => yamlFlow(x, style)).join(', ')}]`
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${yamlString(k, 'plain', true, style.quote)}: ${yamlFlow(x, style)}`)
      .join(', ')}}`
  }
  return yamlScalar(v, style, null, true)
}

function isCollection(v: EditValue): v is EditValue[] | { [key: string]: EditValue } {
  return v !== null && typeof v === 'object'
}

function isEmptyCollection(v: EditValue): boolean {
  return Array.isArray(v) ? v.length === 0 : isCollection(v) && Object.keys(v).length === 0
}

/** Lines of a block collection whose entries start at `indent`. */
function yamlBlockLines(v: EditValue[] | { [key: string]: EditValue }, style: YamlStyle, indent: string): string[] {
  if (Array.isArray(v)) {
    const itemIndent = indent + ' '.repeat(2)
    return v.flatMap((item) => {
      const lines = yamlItemLines(item, style, itemIndent)
      return [`${indent}- ${lines[0] ?? ''}`, ...lines.slice(1)]
    })
  }
  return Object.entries(v).flatMap(([k, x]) => {
    const key = yamlKey(k, style.quote)
    if (!isCollection(x) || isEmptyCollection(x)) {
      const s = isCollection(x) ? yamlFlow(x, style) : yamlScalar(x, style, null, false)
      return [`${indent}${key}:${s === '' ? '' : ` ${s}`}`]
    }
    const inner = Array.isArray(x) ? indent + style.seqIndent : indent + style.mapIndent
    return [`${indent}${key}:`, ...yamlBlockLines(x, style, inner)]
  })
}

/** A list item's lines: the first goes after `- `, the rest are indented by `indent`. */
function yamlItemLines(item: EditValue, style: YamlStyle, indent: string): string[] {
  if (Array.isArray(item) || !isCollection(item) || isEmptyCollection(item)) return [yamlFlow(item, style)]
  const lines = yamlBlockLines(item, style, indent)
  return [(lines[0] ?? '').slice(indent.length), ...lines.slice(1)]
}

/** `key: value` (possibly several lines, joined with eol, without a final eol). */
function yamlEntry(key: string, value: EditValue, style: YamlStyle, eol: string, asDate: boolean): string {
  const k = yamlKey(key, style.quote)
  if (!isCollection(value) || isEmptyCollection(value) || (Array.isArray(value) && style.flowLists)) {
    const s = isCollection(value) ? yamlFlow(value, style) : yamlScalar(value, style, null, false, asDate)
    return `${k}:${s === '' ? '' : ` ${s}`}`
  }
  const indent = Array.isArray(value) ? style.seqIndent : style.mapIndent
  return [`${k}:`, ...yamlBlockLines(value, style, indent)].join(eol)
}

function yamlNodeOf(ctx: Ctx, field: Field): Node | null {
  const root = ctx.yaml?.contents
  if (!isMap(root)) return null
  const i = ctx.parsed.fields.indexOf(field)
  return (root.items[i]?.value as Node | null | undefined) ?? null
}

function itemRange(ctx: Ctx, node: unknown): { from: number; to: number } {
  const off = required(ctx.detection.content).from
  const range = (node as Node | null)?.range
  if (!range) throw new FolioError({ code: 'BAD_ARGUMENT', ...said('list-item-not-editable') })
  let to = off + range[1]
  while (to > off + range[0] && /[ \t\r\n]/.test(ctx.text[to - 1] ?? '')) to--
  return { from: off + range[0], to }
}

/** Replaces what follows `key:` on the key's own line up to a comment with `insert`. */
function afterColon(text: string, field: Field, insert: string, until?: number): TextPatch {
  const colon = text.indexOf(':', field.keyRange.to) + 1
  let to = colon
  const line = lineAt(text, colon)
  while (to < line.end && (text[to] === ' ' || text[to] === '\t')) to++
  if (until !== undefined) to = Math.max(to, until)
  // Keep one space before a comment that stays on the line.
  const rest = text.slice(to, line.end)
  const sep = insert !== '' && rest.startsWith('#') ? ' ' : ''
  return { from: colon, to, insert: insert + sep }
}

function scalarStyle(node: Node | null): QuoteStyle | null {
  if (!isScalar(node)) return null
  if (node.type === Scalar.QUOTE_SINGLE) return 'single'
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double'
  return null
}

function setYaml(ctx: Ctx, field: Field, value: EditValue): TextPatch[] {
  const { text } = ctx
  const style = yamlStyle(ctx)
  const node = yamlNodeOf(ctx, field)
  const eol = eolAt(ctx, field.keyRange.from)
  const keyLine = lineAt(text, field.keyRange.from)
  const vr = field.valueRange
  const onKeyLine = vr.from <= keyLine.end
  const blockScalar = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)
  // Patches that clear the old value, leaving `key:` and any comment on the key's line.
  const clearOld = (insert: string): TextPatch[] => {
    if (vr.from === vr.to) return [afterColon(text, field, insert)]
    if (onKeyLine && !blockScalar && insert !== '') return [{ from: vr.from, to: vr.to, insert: insert.replace(/^ /, '') }]
    if (onKeyLine) return [afterColon(text, field, insert, vr.to)]
    return [afterColon(text, field, insert), { from: keyLine.next, to: lineAt(text, vr.to - 1).next, insert: '' }]
  }

  if (!isCollection(value)) {
    if (value === null) return clearOld('')
    const current = node && isScalar(node) && !blockScalar && vr.from !== vr.to ? (scalarStyle(node) ?? 'plain') : null
    const prefer = ctx.quote ?? current
    // A date edited as a date stays a plain timestamp; any other string is quoted if YAML would retype it.
    const asDate = ctx.date || isPlainDate(node)
    return clearOld(` ${yamlScalar(value, style, prefer, false, asDate)}`)
  }
  if (isSeq(node) && !node.flow && Array.isArray(value) && value.length > 0) {
    return setBlockSeq(ctx, field, node, value, siblingStyle(style, node), eol)
  }
  const nodeIsCollection = isSeq(node) || isMap(node)
  const wantFlow = isEmptyCollection(value) || (nodeIsCollection && node.flow === true) || (!nodeIsCollection && Array.isArray(value) && style.flowLists)
  if (wantFlow) return clearOld(` ${yamlFlow(value, isSeq(node) ? siblingStyle(style, node) : style)}`)
  const indent = Array.isArray(value) ? style.seqIndent : style.mapIndent
  const lines = yamlBlockLines(value, style, indent)
  const patches = clearOld('')
  const at = lineAt(text, field.keyRange.from).end
  const block = eol + lines.join(eol)
  // The new lines go after the key line (and after a comment on it); where clearing the old value
  // already takes the end of that line (a `>-` block scalar), they go into that same patch.
  const covering = patches.find((p) => p.from <= at && at <= p.to)
  if (covering) covering.insert += block
  else patches.push({ from: at, to: at, insert: block })
  return patches
}

/** A block list set to a new list: only the lines of items that changed are rewritten. */
function setBlockSeq(ctx: Ctx, field: Field, node: YAMLSeq, value: EditValue[], style: YamlStyle, eol: string): TextPatch[] {
  const { text } = ctx
  const ranges = node.items.map((n) => itemRange(ctx, n))
  const lineOf = (r: { from: number; to: number }) => ({
    from: text.lastIndexOf('\n', r.from - 1) + 1,
    to: lineAt(text, r.to - 1).next,
  })
  const same = (i: number, v: EditValue): boolean => {
    const n = node.items[i]
    return isScalar(n) && !isCollection(v) && (n.value === v || (n.value === null && v === null))
  }
  let head = 0
  while (head < ranges.length && head < value.length && same(head, value[head] ?? null)) head++
  let tail = 0
  while (tail < ranges.length - head && tail < value.length - head && same(ranges.length - 1 - tail, value[value.length - 1 - tail] ?? null)) tail++
  const replaced = value.slice(head, value.length - tail)
  const oldItems = node.items.slice(head, ranges.length - tail)
  if (replaced.length > 0 && replaced.length === oldItems.length && oldItems.every(isScalar) && !replaced.some(isCollection)) {
    // Scalars replaced one for one: patch each value alone, so the dash, the indentation and an
    // end-of-line comment on that line stay as the author wrote them.
    return replaced.map((item, j) => {
      const range = ranges[head + j] as { from: number; to: number }
      const old = oldItems[j] ?? null
      return { ...range, insert: yamlScalar(item as string | number | boolean | null, style, scalarStyle(old), false, isPlainDate(old)) }
    })
  }
  const first = ranges[0]
  const firstLine = first ? lineOf(first) : null
  const dash = first && firstLine ? text.slice(firstLine.from, first.from) : `${style.seqIndent}- `
  const dashPrefix = /^[ \t]*-[ \t]+$/.test(dash) ? dash : `${style.seqIndent}- `
  const itemIndent = ' '.repeat(dashPrefix.length)
  const middle = value.slice(head, value.length - tail).map((item, j) => {
    const old = node.items[head + j]
    const prefer = scalarStyle((old as Node | undefined) ?? null)
    const lines = isCollection(item) ? yamlItemLines(item, style, itemIndent) : [yamlScalar(item, style, prefer, false)]
    return dashPrefix + lines.join(eol) + eol
  })
  const oldMiddle = ranges.slice(head, ranges.length - tail)
  const lastOld = ranges[ranges.length - 1]
  let from: number
  let to: number
  if (oldMiddle.length > 0) {
    from = lineOf(oldMiddle[0] as { from: number; to: number }).from
    to = lineOf(oldMiddle[oldMiddle.length - 1] as { from: number; to: number }).to
  } else {
    const before = ranges[head - 1]
    from = to = before ? lineOf(before).to : lineOf(ranges[head] ?? (lastOld as { from: number; to: number })).from
  }
  return [{ from, to, insert: middle.join('') }]
}

// ---------------------------------------------------------------- TOML

function isSection(text: string, e: TomlEntry): boolean {
  return /^[ \t]*\[/.test(text.slice(e.range.from, e.keyRange.from + 1))
}

/** The scanned entry behind a TOML field, refusing the forms edits do not handle. */
function tomlEntry(ctx: Ctx, field: Field, allowSection: boolean): TomlEntry {
  const content = required(ctx.detection.content)
  const entry = scanToml(ctx.text, content).find((e) => e.key === field.key)
  if (!entry || (!entry.simple && !(allowSection && isSection(ctx.text, entry)))) {
    throw new FolioError({
      code: 'BAD_ARGUMENT',
      ...said('toml-table', { key: field.key }),
      line: field.line,
    })
  }
  return entry
}

function setToml(ctx: Ctx, field: Field, value: EditValue): TextPatch[] {
  tomlEntry(ctx, field, false)
  if (value === null) return [{ from: field.range.from, to: field.range.to, insert: '' }]
  const old = ctx.text.slice(field.valueRange.from, field.valueRange.to)
  return [{ from: field.valueRange.from, to: field.valueRange.to, insert: tomlValue(value, old) }]
}

function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : doubleQuoted(key)
}

const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?$/

/** A TOML value; `old` is the source it replaces, whose string and date style is kept. */
function tomlValue(v: EditValue, old: string | null): string {
  if (v === null) throw new FolioError({ code: 'BAD_ARGUMENT', ...said('toml-no-null') })
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan'
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf'
    return String(v)
  }
  if (typeof v === 'string') {
    if (old !== null && TOML_DATE.test(old) && TOML_DATE.test(v)) return v
    if (old !== null && old.startsWith("'") && !old.startsWith("'''") && !v.includes("'") && !hasControl(v)) return `'${v}'`
    return doubleQuoted(v)
  }
  if (Array.isArray(v)) return `[${v.map((x) => tomlValue(x, null)).join(', ')}]`
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${tomlKey(k)} = ${tomlValue(x, null)}`)
    .join(', ')} }`
}

// ---------------------------------------------------------------- JSON

function jsonValue(v: EditValue): string {
  return JSON.stringify(v)
}
