/**
 * Replace in one article, as the folder-wide replace plans and applies it. Pure: the main
 * process plans every article with it, and applies it again to the text on disk at apply time.
 *
 * The body is replaced as text (a minimal patch per match). The header is never edited as text:
 * a match inside a header value becomes a new value written through shared/frontmatter's
 * lossless edit path (setValue), so quoting, types and every other line stay as the site reads
 * them; keys and comments are left alone. An article whose header does not parse is never
 * changed, and neither is one whose edited header would not read back.
 */
import type { DiffHunk } from '../contract'
import { applyPatches, detect, fieldToEditValue, parse, setValue } from '../frontmatter'
import type { EditOptions, EditValue, Field, FieldValue, HeaderError, TextPatch } from '../frontmatter/types'
import { compileQuery, type SearchQuery } from './query'
import { LineIndex } from '../line-index'
import { spanHunk } from '../line-diff'

export interface ReplaceQuery {
  query: SearchQuery
  /** With a regular expression: `$1`, `$<name>`, `$&`, `$$`, `\n` and `\t` are expanded. */
  replacement: string
}

/** One match and what replaces it; the lines it changes come from changeHunks, for the page shown. */
export interface PlannedChange {
  /** The match's number in its article, from 0 in text order (header values first). */
  index: number
  /** 'body', or the header key whose value holds the match. */
  zone: { kind: 'body' } | { kind: 'value'; key: string }
}

interface BodyEdit {
  kind: 'body'
  from: number
  to: number
  insert: string
}
interface ValueEdit {
  kind: 'value'
  key: string
  /** Which string of the value (in walk order: list items, map values) and where in it. */
  leaf: number
  from: number
  to: number
  insert: string
}
type Edit = BodyEdit | ValueEdit

export type ArticlePlan =
  | { ok: true; changes: PlannedChange[]; edits: Edit[] }
  /** The article has matches but its header does not parse: it must not be changed. */
  | { ok: false; reason: string; error: HeaderError }

/** A replacement that cannot be made: the message says why, `error` is the header's own. */
export class ReplaceRefused extends Error {
  constructor(
    message: string,
    readonly error: HeaderError | null = null,
  ) {
    super(message)
  }
}

/** `replacement` for one match: expanded from the match's groups for a regular expression, literal otherwise. */
export function expandReplacement(replacement: string, match: RegExpExecArray, regex: boolean): string {
  if (!regex) return replacement
  return replacement.replace(
    /\$(\$|&|\d{1,2}|<([^>]*)>)|\\([nt\\])/g,
    (whole, dollar: string | undefined, name: string | undefined, escape: string | undefined) => {
      if (escape !== undefined) return escape === 'n' ? '\n' : escape === 't' ? '\t' : '\\'
      if (dollar === '$') return '$'
      if (dollar === '&') return match[0]
      if (name !== undefined) return match.groups?.[name] ?? ''
      const n = Number(dollar)
      // `$12` with fewer than 12 groups is `$1` then '2', as String.prototype.replace reads it.
      if (n >= match.length && (dollar as string).length === 2) {
        const one = Number((dollar as string)[0])
        return one > 0 && one < match.length ? (match[one] ?? '') + (dollar as string)[1] : whole
      }
      return n > 0 && n < match.length ? (match[n] ?? '') : whole
    },
  )
}

/** Every non-empty match of `pattern` in `text` with its replacement. */
function replacementsIn(text: string, pattern: RegExp, request: ReplaceQuery): { from: number; to: number; insert: string }[] {
  const out: { from: number; to: number; insert: string }[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += (text.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1
      continue
    }
    out.push({ from: m.index, to: m.index + m[0].length, insert: expandReplacement(request.replacement, m, request.query.regex) })
  }
  return out
}

/** The strings of a value a replace may change: string scalars and date text, in walk order. */
function leavesOf(value: FieldValue, out: string[] = []): string[] {
  switch (value.type) {
    case 'string':
      out.push(value.value)
      break
    case 'date':
      out.push(value.text)
      break
    case 'list':
      for (const item of value.items) leavesOf(item, out)
      break
    case 'map':
      for (const entry of value.entries) leavesOf(entry.value, out)
      break
    default:
  }
  return out
}

/** The value with its strings taken from `leaves` (same walk order as leavesOf). */
function rebuilt(value: FieldValue, leaves: readonly string[], at = { i: 0 }): EditValue {
  switch (value.type) {
    case 'string':
    case 'date':
      return leaves[at.i++] as string
    case 'list':
      return value.items.map((item) => rebuilt(item, leaves, at))
    case 'map':
      return Object.fromEntries(value.entries.map((e) => [e.key, rebuilt(e.value, leaves, at)]))
    default:
      return fieldToEditValue(value)
  }
}

/** The whole lines `patches` touch, before and after, trimmed to the lines that differ. */
function hunkOf(text: string, lines: LineIndex, patches: readonly TextPatch[]): DiffHunk {
  const from = Math.min(...patches.map((p) => p.from))
  const to = Math.max(...patches.map((p) => p.to))
  const { line, column } = lines.at(from)
  const segFrom = from - column + 1
  const newline = text.indexOf('\n', to)
  const segment = text.slice(segFrom, newline === -1 ? text.length : newline + 1)
  const patched = applyPatches(
    segment,
    patches.map((p) => ({ ...p, from: p.from - segFrom, to: p.to - segFrom })),
  )
  return spanHunk(segment, patched, line)
}

/** The body as LF text, and how to map its offsets back to `text` (CRLF counts two there). */
function lfView(text: string, from: number): { lf: string; toText(offset: number): number } {
  const body = text.slice(from)
  if (!body.includes('\r\n')) return { lf: body, toText: (offset) => from + offset }
  const collapsed: number[] = [] // LF offsets whose '\n' stood for '\r\n'
  let lf = ''
  let last = 0
  for (let i = body.indexOf('\r\n'); i !== -1; i = body.indexOf('\r\n', i + 2)) {
    lf += body.slice(last, i)
    collapsed.push(lf.length)
    lf += '\n'
    last = i + 2
  }
  lf += body.slice(last)
  return {
    lf,
    toText(offset) {
      let before = 0
      let lo = 0
      let hi = collapsed.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((collapsed[mid] as number) < offset) lo = mid + 1
        else hi = mid
      }
      before = lo
      return from + offset + before
    },
  }
}

function valuePatches(text: string, fields: readonly Field[], edits: readonly ValueEdit[], opts: EditOptions): TextPatch[] {
  const byKey = new Map<string, ValueEdit[]>()
  for (const edit of edits) byKey.set(edit.key, [...(byKey.get(edit.key) ?? []), edit])
  const patches: TextPatch[] = []
  for (const [key, keyEdits] of byKey) {
    const field = fields.find((f) => f.key === key)
    if (!field) continue
    const leaves = leavesOf(field.value)
    for (let leaf = 0; leaf < leaves.length; leaf++) {
      const mine = keyEdits.filter((e) => e.leaf === leaf).sort((a, b) => a.from - b.from)
      if (mine.length > 0) leaves[leaf] = applyPatches(leaves[leaf] as string, mine)
    }
    patches.push(...setValue(text, key, rebuilt(field.value, leaves), opts))
  }
  return patches
}

/** The header keys a query's scope looks into (null: none; 'all': every key). */
function headerKeys(query: SearchQuery): 'all' | string | null {
  if (query.scope === 'body') return null
  if (query.scope === 'field') return query.field?.trim() || null
  return 'all'
}

const headerRefused = (error: HeaderError): ArticlePlan => ({
  ok: false,
  reason: `The header does not parse (line ${error.line}: ${error.message}); fix it, then preview again.`,
  error,
})

/** Each query's pattern, compiled once for the thousands of articles a folder-wide plan goes through. */
const patterns = new WeakMap<SearchQuery, RegExp | null>()

function patternOf(query: SearchQuery): RegExp | null {
  let pattern = patterns.get(query)
  if (pattern === undefined) {
    const compiled = compileQuery(query)
    pattern = compiled.ok ? compiled.pattern : null
    patterns.set(query, pattern)
  }
  return pattern
}

/**
 * What replacing `request` does to `text` (decoded, without BOM, line endings as on disk): null
 * when nothing in the query's scope matches; refused when the header does not parse.
 * `knownHeader` is what an index already read of this text's header (its first error, or null):
 * with it, a header no match touches is not parsed again.
 */
export function planArticle(text: string, request: ReplaceQuery, opts: EditOptions, knownHeader?: HeaderError | null): ArticlePlan | null {
  const pattern = patternOf(request.query)
  if (!pattern) return null
  pattern.lastIndex = 0
  if (!pattern.test(text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text)) return null
  const keys = headerKeys(request.query)
  const detection = detect(text, opts)
  const content = detection.content
  pattern.lastIndex = 0
  const headerTouched = keys !== null && content !== null && pattern.test(text.slice(content.from, content.to))
  if (knownHeader && !headerTouched) return headerRefused(knownHeader)
  const parsed = headerTouched || knownHeader === undefined ? parse(text, opts) : null
  const error = parsed?.errors[0]
  if (error) return headerRefused(error)
  const edits: Edit[] = []
  const changes: PlannedChange[] = []
  if (parsed && keys !== null) {
    for (const field of parsed.fields) {
      if (keys !== 'all' && field.key !== keys) continue
      leavesOf(field.value).forEach((leafText, leaf) => {
        for (const r of replacementsIn(leafText, pattern, request)) {
          const edit: ValueEdit = { kind: 'value', key: field.key, leaf, ...r }
          if (valuePatches(text, parsed.fields, [edit], opts).length === 0) continue
          edits.push(edit)
          changes.push({ index: changes.length, zone: { kind: 'value', key: field.key } })
        }
      })
    }
  }
  if (request.query.scope === 'all' || request.query.scope === 'body') {
    const bodyStart = detection.bodyStart
    const { lf, toText } = lfView(text, bodyStart)
    const eol = detection.eol
    for (const r of replacementsIn(lf, pattern, request)) {
      const edit: BodyEdit = { kind: 'body', from: toText(r.from), to: toText(r.to), insert: eol === '\r\n' ? r.insert.replace(/\r?\n/g, '\r\n') : r.insert }
      if (text.slice(edit.from, edit.to) === edit.insert) continue
      edits.push(edit)
      changes.push({ index: changes.length, zone: { kind: 'body' } })
    }
  }
  return changes.length === 0 ? null : { ok: true, changes, edits }
}

/**
 * The lines each planned change alone makes differ in `text` (the one it was planned from), in
 * change order. Worked out for the preview's page only: a post whose body is one long HTML line
 * would otherwise keep two copies of that line per match, for thousands of posts no one pages to.
 */
export function changeHunks(text: string, plan: Extract<ArticlePlan, { ok: true }>, opts: EditOptions): DiffHunk[] {
  const lines = new LineIndex(text)
  const fields = plan.edits.some((edit) => edit.kind === 'value') ? parse(text, opts).fields : []
  return plan.edits.map((edit) => hunkOf(text, lines, edit.kind === 'body' ? [edit] : valuePatches(text, fields, [edit], opts)))
}

/**
 * The text with the planned changes whose index `include` accepts. Throws ReplaceRefused when
 * the edited header would not read back the same way (the message names why).
 */
export function applyArticle(text: string, plan: Extract<ArticlePlan, { ok: true }>, include: (index: number) => boolean, opts: EditOptions): string {
  const chosen = plan.edits.filter((_, i) => include(i))
  if (chosen.length === 0) return text
  const values = chosen.filter((e): e is ValueEdit => e.kind === 'value')
  const bodies = chosen.filter((e): e is BodyEdit => e.kind === 'body')
  const patches: TextPatch[] = [...bodies]
  // Checked again on the text being written: a preview may have trusted the index's reading.
  const parsed = parse(text, opts)
  const error = parsed.errors[0]
  if (error) throw new ReplaceRefused(`The header does not parse (line ${error.line}: ${error.message}); fix it, then preview again.`, error)
  if (values.length > 0) patches.push(...valuePatches(text, parsed.fields, values, opts))
  const after = applyPatches(text, patches)
  if (values.length > 0) {
    const reread = parse(after, opts)
    const problem = reread.errors[0]
    if (problem) throw new ReplaceRefused(`The replaced header would not parse (line ${problem.line}: ${problem.message}); nothing was changed.`, problem)
  }
  return after
}
