/**
 * Tokens of header lines for highlighting them as the data they are (YAML, TOML or JSON) instead
 * of Markdown. Line by line, which is what a header needs: keys, strings, numbers, booleans, dates,
 * comments and punctuation. Exact grammar is the parser's job; a token here only colours text.
 */
import type { FrontMatterFormat } from '../../shared/frontmatter/types'

export type HeaderTokenKind = 'fence' | 'key' | 'string' | 'number' | 'atom' | 'comment' | 'punctuation' | 'anchor' | 'table'

export interface HeaderToken {
  from: number
  to: number
  kind: HeaderTokenKind
}

const NUMBER = /^[-+]?(?:0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?|\.inf|\.nan|inf|nan)$/i
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/
const YAML_ATOM = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i
const JSON_ATOM = /^(?:true|false|null)$/

interface LineScan {
  text: string
  /** Document offset of text[0]. */
  base: number
  out: HeaderToken[]
}

function push(scan: LineScan, from: number, to: number, kind: HeaderTokenKind): void {
  if (to > from) scan.out.push({ from: scan.base + from, to: scan.base + to, kind })
}

/** A quoted string from `i` (at its quote); returns where it ends. */
function quoted(text: string, i: number): number {
  const q = text[i]
  let j = i + 1
  while (j < text.length && text[j] !== q) {
    if (q === '"' && text[j] === '\\') j++
    else if (q === "'" && text[j] === "'" && text[j + 1] === "'") j++
    j++
  }
  return Math.min(text.length, j + 1)
}

function classify(word: string, format: FrontMatterFormat): HeaderTokenKind {
  if (NUMBER.test(word) || DATE.test(word)) return 'number'
  if ((format === 'json' ? JSON_ATOM : YAML_ATOM).test(word) || (format === 'toml' && /^(?:true|false)$/.test(word))) return 'atom'
  return 'string'
}

/**
 * Values from `i` to the end of the line: quoted strings, flow or inline collections, plain words,
 * and a trailing comment. In YAML a plain scalar runs to ` #` or, inside a flow collection, to
 * the next `,`, `]` or `}`.
 */
function values(scan: LineScan, i: number, format: FrontMatterFormat): void {
  const { text } = scan
  let depth = 0
  while (i < text.length) {
    const c = text[i] ?? ''
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (c === '#' && format !== 'json' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      push(scan, i, text.length, 'comment')
      return
    }
    if (c === '"' || c === "'") {
      const end = quoted(text, i)
      // A quoted key inside a JSON object or a flow mapping.
      const after = /^\s*:/.test(text.slice(end))
      push(scan, i, end, after && depth > 0 ? 'key' : 'string')
      i = end
      continue
    }
    if ('[]{},:='.includes(c)) {
      if (c === '[' || c === '{') depth++
      else if (c === ']' || c === '}') depth--
      push(scan, i, i + 1, 'punctuation')
      i++
      continue
    }
    if (format === 'yaml' && (c === '&' || c === '*') && depth === 0) {
      const m = /^[&*][^\s,[\]{}]+/.exec(text.slice(i))
      if (m) {
        push(scan, i, i + m[0].length, 'anchor')
        i += m[0].length
        continue
      }
    }
    if (format === 'yaml' && (c === '|' || c === '>') && depth === 0) {
      push(scan, i, text.length, 'punctuation')
      return
    }
    const stop = format === 'yaml' && depth === 0 ? /\s#|$/ : /[\s,[\]{}]|$/
    const rest = text.slice(i)
    const m = stop.exec(rest)
    let end = i + (m ? m.index : rest.length)
    if (format === 'yaml' && depth > 0) {
      const flow = /[,[\]{}]|:\s|\s#|$/.exec(rest)
      end = i + (flow ? flow.index : rest.length)
    }
    const word = text.slice(i, end).replace(/\s+$/, '')
    push(scan, i, i + word.length, classify(word, format))
    i = Math.max(end, i + 1)
  }
}

const YAML_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?|\?)[ \t]*:(?=[ \t]|$)/
const TOML_KEY = /^((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)[ \t]*=/

/** Tokens of the header's content lines (between its fences) plus the fences themselves. */
export function headerTokens(
  doc: { lineAt(pos: number): { from: number; to: number; text: string } },
  format: FrontMatterFormat,
  block: { from: number; to: number },
  content: { from: number; to: number },
): HeaderToken[] {
  const out: HeaderToken[] = []
  // Fence lines: the opening one (absent in Hexo's fenceless header) and the closing one.
  if (content.from > block.from) {
    const open = doc.lineAt(block.from)
    out.push({ from: open.from, to: open.to, kind: 'fence' })
  }
  // A block scalar (`key: |`) runs while lines are indented deeper than its key.
  let blockIndent = -1
  for (let pos = content.from; pos < content.to;) {
    const line = doc.lineAt(pos)
    const scan: LineScan = { text: line.text, base: line.from, out }
    const indent = /^[ \t]*/.exec(line.text)?.[0].length ?? 0
    if (blockIndent >= 0 && (indent > blockIndent || line.text.trim() === '')) {
      push(scan, indent, line.text.length, 'string')
    } else {
      blockIndent = -1
      tokenizeLine(scan, indent, format, (keyIndent) => (blockIndent = keyIndent))
    }
    pos = line.to + 1
  }
  // A JSON object's closing brace is content; any other header ends with a fence line of its own.
  const close = doc.lineAt(content.to)
  if (content.to < block.to && close.from === content.to) out.push({ from: close.from, to: close.to, kind: 'fence' })
  return out
}

/**
 * The tokens of one header line read on its own (not inside a block scalar), and whether it opens
 * a block scalar (`key: |`), which would make the lines below it strings.
 */
export function headerLineTokens(line: { from: number; text: string }, format: FrontMatterFormat): { tokens: HeaderToken[]; opensBlock: boolean } {
  const scan: LineScan = { text: line.text, base: line.from, out: [] }
  let opensBlock = false
  tokenizeLine(scan, /^[ \t]*/.exec(line.text)?.[0].length ?? 0, format, () => (opensBlock = true))
  return { tokens: scan.out, opensBlock }
}

function tokenizeLine(scan: LineScan, indent: number, format: FrontMatterFormat, blockScalar: (keyIndent: number) => void): void {
  const { text } = scan
  let i = indent
  if (format === 'yaml') {
    while (/^-(?:[ \t]|$)/.test(text.slice(i))) {
      push(scan, i, i + 1, 'punctuation')
      i = i + 1 + (/^[ \t]*/.exec(text.slice(i + 1))?.[0].length ?? 0)
    }
    if (text[i] === '#') return push(scan, i, text.length, 'comment')
    const key = YAML_KEY.exec(text.slice(i))
    if (key?.[1]) {
      push(scan, i, i + key[1].length, 'key')
      const colon = i + key[0].length - 1
      push(scan, colon, colon + 1, 'punctuation')
      if (/^[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(text.slice(colon + 1))) blockScalar(indent)
      i = colon + 1
    }
    return values(scan, i, format)
  }
  if (format === 'toml') {
    if (text[i] === '#') return push(scan, i, text.length, 'comment')
    const table = /^\[\[?[^\]]*\]\]?/.exec(text.slice(i))
    if (table) {
      push(scan, i, i + table[0].length, 'table')
      return values(scan, i + table[0].length, format)
    }
    const key = TOML_KEY.exec(text.slice(i))
    if (key?.[1]) {
      push(scan, i, i + key[1].length, 'key')
      const eq = i + key[0].length - 1
      push(scan, eq, eq + 1, 'punctuation')
      i = eq + 1
    }
    return values(scan, i, format)
  }
  // JSON (a leading object or Hexo's `;;;` header): a string before `:` is a key.
  const key = /^("(?:[^"\\]|\\.)*")[ \t]*:/.exec(text.slice(i))
  if (key?.[1]) {
    push(scan, i, i + key[1].length, 'key')
    const colon = i + key[0].length - 1
    push(scan, colon, colon + 1, 'punctuation')
    i = colon + 1
  }
  values(scan, i, format)
}
