/**
 * A line of context around a match, cut so the match stays in view: a few columns before it, the
 * rest after, measured in display columns (a Chinese character is two), never splitting a
 * surrogate pair. A list row clips the end of a snippet, never its start.
 */

export interface Snippet {
  text: string
  /** Where the match sits inside `text`, for highlighting. */
  matchStart: number
  matchEnd: number
}

const BEFORE_COLUMNS = 16
const AFTER_COLUMNS = 80
const MATCH_COLUMNS = 120

function columns(char: string): number {
  const code = char.codePointAt(0) ?? 0
  // East Asian wide and fullwidth ranges: CJK, kana, Hangul, fullwidth forms.
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
    ? 2
    : 1
}

/**
 * Code points of `text` taken from its end until `budget` columns are used. Walked back from the
 * end, not spread into characters: the text before a match can be a whole line of HTML.
 */
function tail(text: string, budget: number): string {
  let used = 0
  let i = text.length
  while (i > 0) {
    let start = i - 1
    const code = text.charCodeAt(start)
    if (code >= 0xdc00 && code <= 0xdfff && start > 0) {
      const high = text.charCodeAt(start - 1)
      if (high >= 0xd800 && high <= 0xdbff) start--
    }
    const width = columns(text.slice(start, i))
    if (used + width > budget) break
    used += width
    i = start
  }
  return text.slice(i)
}

/** Code points of `text` taken from its start until `budget` columns are used. */
function head(text: string, budget: number): string {
  let used = 0
  let out = ''
  for (const char of text) {
    used += columns(char)
    if (used > budget) break
    out += char
  }
  return out
}

/** The snippet for a match at text[start, end) on the line [lineStart, lineEnd). */
export function snippetAt(text: string, lineStart: number, lineEnd: number, start: number, end: number): Snippet {
  const before = text.slice(lineStart, start).replace(/^\s+/, '')
  const matchEndOnLine = Math.min(end, lineEnd)
  const match = text.slice(start, matchEndOnLine)
  const after = text.slice(matchEndOnLine, lineEnd)
  const shownBefore = tail(before, BEFORE_COLUMNS)
  const shownMatch = head(match, MATCH_COLUMNS)
  const shownAfter = shownMatch.length < match.length ? '' : head(after, AFTER_COLUMNS)
  const prefix = shownBefore.length < before.length ? '…' : ''
  const suffix = shownMatch.length < match.length || shownAfter.length < after.length || end > lineEnd ? '…' : ''
  const matchStart = prefix.length + shownBefore.length
  return { text: prefix + shownBefore + shownMatch + shownAfter + suffix, matchStart, matchEnd: matchStart + shownMatch.length }
}
