/**
 * Full-text search over whole files (titles, header values, bodies). Substring matching, not
 * word matching: Chinese and Japanese have no spaces, so "阿里" must match inside "阿里云的".
 * Every word of the query must occur in the file; titles that match rank first.
 */
import type { SearchHit } from '../../shared/contract'

export interface SearchDoc {
  path: string
  title: string | null
  /** The file's text; a function so texts not yet in memory are read only when reached. */
  text(): string
}

const DEFAULT_LIMIT = 100
const HITS_PER_FILE = 3
const BEFORE = 40
const AFTER = 80

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1
}

function lineNumber(text: string, index: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++
  return line
}

function hitAt(doc: SearchDoc, text: string, index: number, length: number): SearchHit {
  const start = lineStart(text, index)
  let end = text.indexOf('\n', index)
  if (end === -1) end = text.length
  if (text.charCodeAt(end - 1) === 13) end--
  const from = Math.max(start, index - BEFORE)
  const to = Math.min(end, index + length + AFTER)
  const prefix = from > start ? '…' : ''
  const snippet = prefix + text.slice(from, to) + (to < end ? '…' : '')
  const matchStart = prefix.length + index - from
  return { path: doc.path, title: doc.title, line: lineNumber(text, index), snippet, matchStart, matchEnd: matchStart + length }
}

/** Up to HITS_PER_FILE hits for the first term, one per line. */
function hitsIn(doc: SearchDoc, text: string, first: RegExp): SearchHit[] {
  const hits: SearchHit[] = []
  first.lastIndex = 0
  for (let m = first.exec(text); m && hits.length < HITS_PER_FILE; m = first.exec(text)) {
    const hit = hitAt(doc, text, m.index, m[0].length)
    if (hits.at(-1)?.line !== hit.line) hits.push(hit)
  }
  return hits
}

/**
 * Docs come in display order (newest first); that order is kept within each rank. Titles are
 * checked first (short strings, and a title is part of its file's text), then whole texts until
 * the limit is reached, so a common word returns as soon as a page of results is found.
 */
export function search(docs: readonly SearchDoc[], query: string, limit = DEFAULT_LIMIT): SearchHit[] {
  const terms = [...new Set(query.normalize('NFC').trim().split(/\s+/).filter(Boolean))]
  if (terms.length === 0) return []
  const tests = terms.map((t) => new RegExp(escapeRegExp(t), 'iu'))
  const first = new RegExp(escapeRegExp(terms[0] as string), 'giu')
  const matches = (text: string): boolean => tests.every((re) => re.test(text))
  const hits: SearchHit[] = []
  const titled = new Set<SearchDoc>()
  for (const doc of docs) {
    if (hits.length >= limit) break
    if (doc.title === null || !matches(doc.title)) continue
    titled.add(doc)
    hits.push(...hitsIn(doc, doc.text(), first))
  }
  for (const doc of docs) {
    if (hits.length >= limit) break
    if (titled.has(doc)) continue
    const text = doc.text()
    if (matches(text)) hits.push(...hitsIn(doc, text, first))
  }
  return hits.slice(0, limit)
}
