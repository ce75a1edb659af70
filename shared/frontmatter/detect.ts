/**
 * Finding the header block: which format, where exactly, and what surrounds it (BOM, blank lines
 * before the fence, line endings, where the body starts). See /FRONTMATTER.md "Finding the block".
 */
import { type Document, parseDocument, isScalar } from 'yaml'
import { headerRules, leadingBlankLinesMessage, siteRules } from '../sites'
import type { Generator, HeaderRules } from '../sites/types'
import type { Detection, DetectOptions, FrontMatterFormat } from './types'

export interface Line {
  /** Offset of the first character. */
  start: number
  /** Offset of the line break (or the end of the text); a `\r` before `\n` is excluded. */
  end: number
  /** Offset of the next line (after the line break). */
  next: number
}

export function lineAt(text: string, pos: number): Line {
  const nl = text.indexOf('\n', pos)
  if (nl === -1) return { start: pos, end: text.length, next: text.length }
  const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
  return { start: pos, end, next: nl + 1 }
}

export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0
  let lf = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++
    else lf++
  }
  return crlf > lf ? '\r\n' : '\n'
}

// Lines and columns are computed from error offsets, so the slower pretty errors are not needed.
// Duplicate keys are found by parse.ts in one pass: the package's own check compares every key
// with every earlier one (a 40,000-key header took over a minute).
export const YAML_OPTIONS = { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false } as const

/** The options that read YAML as the site's reader does (its YAML version). */
export function yamlOptions(rules: HeaderRules): typeof YAML_OPTIONS & { version: '1.1' | '1.2' } {
  return { ...YAML_OPTIONS, version: rules.yamlVersion }
}

/** What detect learns on the way, handed to parse so the YAML is read once. */
export interface DetectResult {
  detection: Detection
  /** The parsed YAML content, when detection had to parse it to decide. */
  yaml?: Document.Parsed
  /** Offset of an opening fence that is never closed, for parse to report. */
  unterminated?: number
  /** A header the site's generator would not read (the rule it breaks), for parse to report. */
  notRead?: { offset: number; message: string }
  /** No block Folio can read, though the generator's reader sees a header there: why, for parse to report. */
  refused?: { code: 'unterminated' | 'not-read'; offset: number; message: string }
}

/** The generator whose reader the options ask for: `site`, or Hexo for the older `hexo` flag. */
export function generatorOf(opts: DetectOptions): Generator {
  return opts.site ?? (opts.hexo ? 'hexo' : 'plain')
}

// gray-matter reads a language after the fence; which ones a generator accepts is its rule.
const FENCE = /^---[ \t]*(yaml|yml|toml|json|js|javascript)?[ \t]*$/i
const HEXO_FENCE = /^(-{3,}|;{3,})[ \t]*$/
// A first line that reads as `key:` (YAML) or `"key":` (Hexo's braceless JSON).
const KEY_LINE = /^(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s#:\-?[\]{},&*!|>'"%@`][^#]*?)[ \t]*:(?:[ \t]|$)/
const TOML_KEY_LINE = /^(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\.(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*[ \t]*=|^\[/

export function detect(text: string, opts: DetectOptions = {}): Detection {
  return detectWithDoc(text, opts).detection
}

export function detectWithDoc(text: string, opts: DetectOptions = {}): DetectResult {
  const generator = generatorOf(opts)
  const rules = headerRules(generator)
  const found = detectBlock(text, rules, generator)
  const notRead = found.notRead ?? (found.detection.block ? notReadRule(text, found.detection, generator, rules) : null)
  return notRead ? { ...found, notRead } : found
}

/** The rule of the generator's reader that this found header breaks, if any. */
function notReadRule(text: string, d: Detection, generator: Generator, rules: HeaderRules): DetectResult['notRead'] | null {
  const at = d.block?.from ?? 0
  // Fenceless headers swallow the blank lines before them (Hexo reads those however many there are).
  if (rules.leadingBlankLines !== null && d.openFence !== '') {
    let blank = 0
    for (let i = d.leading.from; i < d.leading.to; i++) if (text[i] === '\n') blank++
    // Hexo reads a blank line and `---` as YAML's own document marker; JSON has no such marker.
    const allowed = d.openFence?.startsWith(';') ? 0 : rules.leadingBlankLines
    if (blank > allowed) return { offset: at, message: leadingBlankLinesMessage(generator, allowed) }
  }
  if (d.format === 'toml' && !rules.toml) {
    return { offset: at, message: `${siteRules(generator).name} reads no +++ TOML header; write the header in YAML between --- lines` }
  }
  return null
}

function detectBlock(text: string, rules: HeaderRules, generator: Generator): DetectResult {
  const name = siteRules(generator).name
  const bom = text.charCodeAt(0) === 0xfeff
  const start = bom ? 1 : 0
  const eol = dominantEol(text)
  const finalNewline = text.endsWith('\n')
  const none: Detection = {
    format: 'none',
    bom,
    leading: { from: 0, to: start },
    block: null,
    content: null,
    openFence: null,
    closeFence: null,
    eol,
    bodyStart: start,
    finalNewline,
  }

  // Blank lines before the fence belong to the leading part (gray-matter misses these headers).
  let p = start
  for (;;) {
    const line = lineAt(text, p)
    if (line.next === line.end || text.slice(line.start, line.end).trim() !== '') break
    p = line.next
  }
  if (p >= text.length) return { detection: none }
  const first = lineAt(text, p)
  const firstText = text.slice(first.start, first.end).replace(/[ \t]+$/, '')

  const fenced = (format: FrontMatterFormat, closeTest: (s: string) => boolean, fence: string): DetectResult | null => {
    for (let q = first.next; q < text.length;) {
      const line = lineAt(text, q)
      const s = text.slice(line.start, line.end).replace(/[ \t]+$/, '')
      // Readers that find the closing fence by prefix end the header on `----` or `---x` too, and
      // read the rest of that line as body: a header Folio does not edit until the line is fixed.
      if (rules.closeOnPrefix && !closeTest(s) && s.startsWith(fence)) {
        const lineNo = text.slice(0, line.start).split('\n').length
        return {
          detection: none,
          refused: {
            code: 'not-read',
            offset: first.start,
            message: `${name} ends this header at line ${lineNo}, where "${s}" starts with "${fence}", and reads the rest of that line as body; make line ${lineNo} "${fence}" alone`,
          },
        }
      }
      if (closeTest(s)) {
        return {
          detection: {
            ...none,
            format,
            leading: { from: 0, to: first.start },
            block: { from: first.start, to: line.next },
            content: { from: first.next, to: line.start },
            openFence: firstText,
            closeFence: s,
            bodyStart: line.next,
          },
        }
      }
      q = line.next
    }
    return null
  }

  const fence = FENCE.exec(firstText) ?? (rules.semicolonJson ? HEXO_FENCE.exec(firstText) : null)
  if (fence && firstText.startsWith('-')) {
    const written = fence[1]?.toLowerCase()
    const lang = written ?? 'yaml'
    const format: FrontMatterFormat = lang === 'toml' ? 'toml' : lang === 'json' ? 'json' : 'yaml'
    const dashes = /^-+/.exec(firstText)?.[0] ?? '---'
    // Jekyll also ends a YAML header with YAML's document-end marker `...`.
    const found = fenced(format, (s) => s === dashes || (format === 'yaml' && rules.yamlDocumentEnd && s === '...'), dashes)
    if (!found) return { detection: none, unterminated: looksLikeHeaderAfter(text, first.next) ? first.start : undefined }
    if (found.refused) return found
    const rejected = fenceRule(text, first, firstText, written, rules, name, first.start === start)
    if (rejected) return { ...found, notRead: { offset: first.start, message: rejected } }
    return format === 'yaml' ? acceptYaml(text, found, none, rules) : found
  }
  if (firstText === '+++') {
    const found = fenced('toml', (s) => s === '+++', '+++')
    if (found) return found
    return { detection: none, unterminated: first.start }
  }
  if (rules.semicolonJson && /^;{3,}$/.test(firstText)) {
    const found = fenced('json', (s) => s === firstText, firstText)
    return found ?? { detection: none }
  }
  if (rules.commentedHeader && firstText === '<!--') {
    const next = lineAt(text, first.next)
    if (/^(?:---|\+\+\+)[ \t]*$/.test(text.slice(next.start, next.end))) {
      const message = `${name} reads the header inside this HTML comment, which Folio does not edit; edit it as text, or take the comment away to edit it here`
      return { detection: none, refused: { code: 'not-read', offset: first.start, message } }
    }
  }
  if (rules.orgMode && /^#\+\w+(?:\[\])?:/.test(firstText)) {
    const message = `${name} reads these #+ lines as an Org-mode header, which Folio does not read or edit; edit them as text`
    return { detection: none, refused: { code: 'not-read', offset: first.start, message } }
  }
  if (rules.jsonObject && /^\{[ \t]*(?:"|\}|$)/.test(firstText)) return jsonObject(text, first.start, none) ?? { detection: none }
  if (rules.fenceless) return hexoFenceless(text, first, none, rules) ?? { detection: none }
  return { detection: none }
}

/** The rule of the generator's reader that this opening fence breaks (a language, trailing spaces), if any. */
function fenceRule(text: string, first: Line, firstText: string, lang: string | undefined, rules: HeaderRules, name: string, atStart: boolean): string | null {
  if (lang !== undefined && rules.codeLanguages.includes(lang)) {
    return `${name} runs this "${firstText}" header as JavaScript; Folio does not run code from a site, so its values are not read (computed by code) and it is left as it is`
  }
  if (lang !== undefined && !rules.fenceLanguages.includes(lang)) {
    return `${name} reads no header that opens with "${firstText}" (no language after the fence); write the header in YAML between --- lines`
  }
  // After a blank line Hexo reads the fence as YAML's own `---` marker, where spaces may follow.
  if (!rules.openFenceTrailingSpace && atStart && text.slice(first.start, first.end) !== firstText) {
    return `${name} reads no header when spaces follow the opening fence; remove them after "${firstText}"`
  }
  return null
}

/**
 * Whether what follows an unclosed opening fence is a header: its first line that is neither
 * blank nor a comment reads as `key:` (or `key =`), or there is no such line at all. Prose there
 * makes the fence a horizontal rule.
 */
function looksLikeHeaderAfter(text: string, pos: number): boolean {
  for (let p = pos; p < text.length;) {
    const line = lineAt(text, p)
    const s = text.slice(line.start, line.end).trim()
    if (s !== '' && !s.startsWith('#')) return KEY_LINE.test(s) || TOML_KEY_LINE.test(s)
    p = line.next
  }
  return true
}

/**
 * Whether the first lines of a file without a header look like a broken one: a lone fence,
 * `key: value` lines ended by a fence, or two `key: value` lines (after comments) with no fences
 * around them. No edit adds a block there.
 */
export function looksLikeBrokenHeader(text: string, from: number): boolean {
  let keys = 0
  for (let p = from; p < text.length;) {
    const line = lineAt(text, p)
    const s = text.slice(line.start, line.end).replace(/[ \t]+$/, '')
    // A lone fence first, or `key:` lines that a fence ends (a header missing its opening fence).
    if (/^(?:-{3,}|\+{3}|;{3,})$/.test(s) || FENCE.test(s)) return true
    if (s.trim() !== '' && !s.trimStart().startsWith('#')) {
      if (!KEY_LINE.test(s)) return false
      if (++keys === 2) return true
    }
    p = line.next
  }
  return false
}

// A first line that makes the block a mapping, a list or an error: never prose.
const NOT_PROSE = /^(?:-(?:[ \t]|$)|[[{?&!%"'])/

/** A fenced YAML block that reads as prose (a plain scalar) is a horizontal rule, not a header. */
function acceptYaml(text: string, found: DetectResult, none: Detection, rules: HeaderRules): DetectResult {
  const content = found.detection.content
  if (!content) return found
  // Decide from the first line when it can (detect runs on every keystroke); parse only prose-like text.
  for (let p = content.from; p < content.to;) {
    const line = lineAt(text, p)
    const s = text.slice(line.start, line.end).trim()
    if (s !== '' && !s.startsWith('#')) {
      if (KEY_LINE.test(s) || NOT_PROSE.test(s)) return found
      break
    }
    p = line.next
  }
  const doc = parseDocument(text.slice(content.from, content.to), yamlOptions(rules))
  if (doc.errors.length === 0 && isScalar(doc.contents) && doc.contents.value !== null) {
    return { detection: none }
  }
  return { ...found, yaml: doc }
}

/** Hugo's JSON header: a leading object, found by matching braces outside strings. */
function jsonObject(text: string, open: number, none: Detection): DetectResult | null {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
    } else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) {
        const rest = lineAt(text, i + 1)
        if (text.slice(rest.start, rest.end).trim() !== '') return null
        return {
          detection: {
            ...none,
            format: 'json',
            leading: { from: 0, to: lineStart(text, open) },
            block: { from: open, to: rest.next },
            content: { from: open, to: i + 1 },
            openFence: '{',
            closeFence: '}',
            bodyStart: rest.next,
          },
        }
      }
    }
  }
  return null
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1
}

/**
 * Hexo reads `title: x\n---\nbody` (and `"title": "x"\n;;;`) as a header with no opening fence,
 * also when comment lines come first (`# note\ntitle: x\n---`).
 */
function hexoFenceless(text: string, first: Line, none: Detection, rules: HeaderRules): DetectResult | null {
  let keyLine = first
  for (;;) {
    const s = text.slice(keyLine.start, keyLine.end).trim()
    if (s !== '' && !s.startsWith('#')) break
    if (keyLine.next >= text.length) return null
    keyLine = lineAt(text, keyLine.next)
  }
  if (!KEY_LINE.test(text.slice(keyLine.start, keyLine.end))) return null
  for (let q = keyLine.start; q < text.length;) {
    const line = lineAt(text, q)
    const s = text.slice(line.start, line.end).replace(/[ \t]+$/, '')
    if (HEXO_FENCE.test(s)) {
      const found: DetectResult = {
        detection: {
          ...none,
          format: s.startsWith(';') ? 'json' : 'yaml',
          leading: { from: 0, to: first.start },
          block: { from: first.start, to: line.next },
          content: { from: first.start, to: line.start },
          openFence: '',
          closeFence: s,
          bodyStart: line.next,
        },
      }
      return s.startsWith(';') ? found : acceptYaml(text, found, none, rules)
    }
    q = line.next
  }
  return null
}
