/**
 * What a folder search asks for and how it becomes one regular expression: the literal text or a
 * pattern, case, whole words, and where in an article to look. Pure: the workspace searches with
 * it, the editor finds the same match again with it.
 */

import type { SearchQuery } from '../contract'

// The query's shape is part of the IPC contract (a schema there); imported from here as before.
export type { SearchQuery, SearchScope } from '../contract'

export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; message: string }

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// A word character in any script: letters, marks, digits and the underscore.
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])'
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])'

/** The query as a global Unicode RegExp, or why the pattern is not valid. Empty text: not ok. */
export function compileQuery(query: SearchQuery): CompiledQuery {
  const text = query.text.normalize('NFC')
  if (text.trim() === '') return { ok: false, message: 'empty' }
  const source = query.regex ? text : escapeRegExp(text)
  const wrapped = query.wholeWord ? `${WORD_BEFORE}(?:${source})${WORD_AFTER}` : source
  try {
    return { ok: true, pattern: new RegExp(wrapped, query.caseSensitive ? 'gu' : 'giu') }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Every match of `pattern` in text[from, to) as [start, end) pairs. Empty matches (`^`, `a*`) are
 * skipped: there is nothing to show or select.
 */
export function matchesIn(text: string, pattern: RegExp, from = 0, to = text.length): [number, number][] {
  const found: [number, number][] = []
  const slice = from === 0 && to === text.length ? text : text.slice(from, to)
  pattern.lastIndex = 0
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    if (m[0].length === 0) {
      // Step over a whole code point, so the next try does not start inside a surrogate pair.
      pattern.lastIndex += (slice.codePointAt(pattern.lastIndex) ?? 0) > 0xffff ? 2 : 1
      continue
    }
    found.push([from + m.index, from + m.index + m[0].length])
  }
  return found
}
