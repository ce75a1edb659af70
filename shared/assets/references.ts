/**
 * Every reference a Markdown or HTML body makes to another file: Markdown images, links and
 * link definitions (destinations may hold balanced parentheses, `<…>` and escapes, as CommonMark
 * allows), raw HTML `src`/`href`/`poster`, and Hexo's asset tags. Text inside fenced, indented
 * and inline code is shown as written by every generator, so nothing there is a reference.
 * Each reference carries the offsets of its target as written, so a rewrite patches only those.
 */
import type { REFERENCE_KINDS } from '../contract'
import { LineIndex } from '../line-index'
import { codeBlockLines, inlineCodeSpans } from '../markdown'
import { ASSET_TAG, parseAssetTag, type AssetTag, type AssetTagName } from './hexo-tags'

/** The kinds are listed in the contract, since the editor's lint sends references (TextLinks). */
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]

export interface Reference {
  kind: ReferenceKind
  /** The whole construct in the body: [start, end). */
  start: number
  end: number
  /** The target as written (angle brackets, quotes and escapes included): [targetStart, targetEnd). */
  targetStart: number
  targetEnd: number
  /** The target as a path: unwrapped, unescaped, entities and percent-escapes decoded. */
  target: string
  /** Image alt text / link text (Markdown), when there is one. */
  text?: string
  /** For `html`: the element and attribute (`img`, `src`). */
  element?: string
  attribute?: string
  /** For Hexo tags: the arguments as Hexo reads them. */
  tag?: AssetTag
}

/** Percent-decoding that tolerates stray `%` (a file may really be called `100%.png`). */
export function safeDecode(text: string): string {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
}

/** A Markdown destination as a path: `<…>` unwrapped, backslash escapes and entities undone, percent-decoded. */
export function markdownTarget(raw: string): string {
  const inner = raw.startsWith('<') && raw.endsWith('>') ? raw.slice(1, -1) : raw
  return safeDecode(decodeEntities(inner.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
}

/** The last body's code ranges: its references and its site links are found one after the other. */
let last: { body: string; ranges: ReadonlyArray<readonly [number, number]> } | null = null

/** [start, end) ranges of the body that are code. */
export function codeRanges(body: string): ReadonlyArray<readonly [number, number]> {
  if (last?.body === body) return last.ranges
  const ranges = codeRangesOf(body)
  last = { body, ranges }
  return ranges
}

function codeRangesOf(body: string): Array<[number, number]> {
  const lines = new LineIndex(body)
  // codeBlockLines counts lines from 0.
  const at = (line: number): number => lines.startOf(line + 1)
  const ranges: Array<[number, number]> = []
  let from = 0
  const prose = (end: number): void => {
    for (const [s, e] of inlineCodeSpans(body.slice(from, end))) ranges.push([from + s, from + e])
  }
  for (const [first, end] of codeBlockLines(body)) {
    prose(at(first))
    ranges.push([at(first), at(end)])
    from = at(end)
  }
  prose(body.length)
  return ranges
}

function inside(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  return ranges.some(([s, e]) => offset >= s && offset < e)
}

/** The `[` that opens the bracket closed at `close`, within one paragraph; -1 when there is none. */
function openingBracket(body: string, close: number): number {
  let depth = 0
  for (let i = close - 1; i >= 0; i--) {
    const ch = body[i]
    if (ch === '\n' && body[i - 1] === '\n') return -1
    if (body[i - 1] === '\\') continue
    if (ch === ']') depth++
    else if (ch === '[') {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}

/** Reads `(dest "title")` from `open` (the parenthesis): the destination's span and the construct's end. */
function inlineDestination(body: string, open: number): { start: number; end: number; close: number } | null {
  let i = open + 1
  while (body[i] === ' ' || body[i] === '\t') i++
  if (body[i] === '\n') i++
  while (body[i] === ' ' || body[i] === '\t') i++
  const start = i
  if (body[i] === '<') {
    i++
    while (i < body.length && body[i] !== '>') {
      if (body[i] === '\n' || body[i] === '<') return null
      if (body[i] === '\\') i++
      i++
    }
    if (body[i] !== '>') return null
    i++
  } else {
    let depth = 0
    while (i < body.length) {
      const ch = body[i] ?? ''
      if (ch === '\\' && i + 1 < body.length) {
        i += 2
        continue
      }
      if (/\s/.test(ch) || ch.charCodeAt(0) < 0x20) break
      if (ch === '(') depth++
      else if (ch === ')') {
        if (depth === 0) break
        depth--
      }
      i++
    }
    if (depth !== 0) return null
  }
  const end = i
  // An optional title, then the closing parenthesis.
  const rest = /^[ \t]*(?:\n[ \t]*)?(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*(?:\n[ \t]*)?)?\)/.exec(body.slice(end, end + 4096))
  if (!rest) return null
  return { start, end, close: end + rest[0].length }
}

const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.)+)\]:[ \t]*(?:\n[ \t]*)?(<[^>\n]*>|\S+)/gm
const HTML_ELEMENT = /<(img|a|source|video|audio|link)\b(?:"[^"\n]*"|'[^'\n]*'|[^>"'])*>/gi
// Whole attributes, values included, so `alt="a src=b"` is never read as a source.
const HTML_ATTRIBUTE = /\s([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g
const LOADING = new Set(['src', 'href', 'poster'])

/** Every reference of the body in order of position, code left out. */
export function findReferences(body: string): Reference[] {
  const code = codeRanges(body)
  const found: Reference[] = []
  for (const m of body.matchAll(/\]\(/g)) {
    const close = m.index
    if (inside(code, close)) continue
    const open = openingBracket(body, close)
    if (open === -1 || inside(code, open)) continue
    const dest = inlineDestination(body, close + 1)
    if (!dest) continue
    const image = body[open - 1] === '!' && body[open - 2] !== '\\'
    const raw = body.slice(dest.start, dest.end)
    found.push({
      kind: image ? 'image' : 'link',
      start: image ? open - 1 : open,
      end: dest.close,
      targetStart: dest.start,
      targetEnd: dest.end,
      target: markdownTarget(raw),
      text: body.slice(open + 1, close),
    })
  }
  // Every definition has its `]:` (a quick look spares the line-by-line pattern most bodies).
  for (const m of body.includes(']:') ? body.matchAll(DEFINITION) : []) {
    const raw = m[2] ?? ''
    const targetStart = m.index + m[0].length - raw.length
    if (inside(code, m.index)) continue
    found.push({
      kind: 'definition',
      start: m.index,
      end: m.index + m[0].length,
      targetStart,
      targetEnd: targetStart + raw.length,
      target: markdownTarget(raw),
      text: m[1] ?? '',
    })
  }
  for (const m of body.matchAll(HTML_ELEMENT)) {
    if (inside(code, m.index)) continue
    const element = (m[1] ?? '').toLowerCase()
    const afterName = 1 + element.length
    for (const a of m[0].slice(afterName).matchAll(HTML_ATTRIBUTE)) {
      const attribute = (a[1] ?? '').toLowerCase()
      if (!LOADING.has(attribute) || a[2] === undefined) continue
      if (attribute === 'href' ? element !== 'a' && element !== 'link' : element === 'a' || element === 'link') continue
      const raw = a[2] ?? ''
      const targetStart = m.index + afterName + a.index + a[0].length - raw.length
      const unquoted = /^["']/.test(raw) ? raw.slice(1, -1) : raw
      found.push({
        kind: 'html',
        start: m.index,
        end: m.index + m[0].length,
        targetStart,
        targetEnd: targetStart + raw.length,
        target: safeDecode(decodeEntities(unquoted.trim())),
        element,
        attribute,
      })
    }
  }
  for (const m of body.matchAll(ASSET_TAG)) {
    if (inside(code, m.index)) continue
    const name = m[1] as AssetTagName
    const argText = m[2] ?? ''
    const tag = parseAssetTag(name, argText)
    if (!tag) continue
    const argStart = m.index + m[0].indexOf(argText, m[0].indexOf(name) + name.length)
    found.push({
      kind: name,
      start: m.index,
      end: m.index + m[0].length,
      targetStart: argStart + tag.slugSpan[0],
      targetEnd: argStart + tag.slugSpan[1],
      target: tag.slug,
      tag,
    })
  }
  return found.sort((a, b) => a.start - b.start || a.targetStart - b.targetStart)
}
