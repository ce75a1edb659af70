/**
 * Where two versions of an editor document differ, as one span, without copying either whole.
 *
 * CodeMirror's documents are trees that share every subtree an edit did not touch, so the parts
 * two versions have in common are skipped by identity, a subtree at a time; only the few lines
 * around the edit are compared as text. A keystroke in a 1 MB article costs a walk down the tree
 * and a few hundred characters, where `toString()` and a string comparison cost the whole text
 * twice. Versions that share nothing (another document) are still compared right, just slower.
 */
import type { Text } from '@codemirror/state'
import { commonPrefix, commonSuffix } from '../../shared/changed-span'

/** The span [fromA, toA) of `a` that, replaced by [fromB, toB) of `b`, makes `b`. */
export interface DocSpan {
  fromA: number
  toA: number
  fromB: number
  toB: number
}

/**
 * How far the two trees are the same objects from their start (or, `fromEnd`, from their end):
 * a length both begin (or end) with.
 */
function sharedRun(a: Text, b: Text, fromEnd: boolean): number {
  let pos = 0
  for (;;) {
    if (a === b) return pos + a.length
    const ac = a.children
    const bc = b.children
    if (!ac || !bc) return pos
    const at = (children: readonly Text[], i: number): Text => children[fromEnd ? children.length - 1 - i : i]!
    let i = 0
    while (i < ac.length && i < bc.length && at(ac, i) === at(bc, i)) pos += at(ac, i++).length + 1
    // The line break after the last same child is shared only when both go on past it.
    if (i === ac.length || i === bc.length) return i === 0 ? pos : pos - 1
    a = at(ac, i)
    b = at(bc, i)
  }
}

/**
 * The first position from `at` (before which both are the same) where the texts differ, or the
 * shorter one ends. Compared line by line, never as joined text: a CRLF file's lines may hold a
 * lone '\n', which joined text could not tell from a line break.
 */
function firstDifference(a: Text, b: Text, at: number): number {
  for (let n = a.lineAt(at).number; ; n++) {
    const la = a.line(n)
    const lb = b.line(n)
    const same = commonPrefix(la.text, lb.text)
    if (same < la.text.length || same < lb.text.length || n === a.lines || n === b.lines) return la.from + same
  }
}

/** How many characters the texts share at their end, from `known` already shared, at most `max`; line by line, as firstDifference. */
function lastDifference(a: Text, b: Text, known: number, max: number): number {
  for (let m = a.lines - a.lineAt(a.length - known).number; ; m++) {
    const la = a.line(a.lines - m)
    const lb = b.line(b.lines - m)
    const same = commonSuffix(la.text, lb.text, Math.min(la.text.length, lb.text.length))
    const shared = a.length - la.to + same
    if (shared >= max || same < la.text.length || same < lb.text.length || a.lines - m === 1 || b.lines - m === 1) return Math.min(max, shared)
  }
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff
const codeAt = (doc: Text, at: number): number => (at < doc.length ? doc.sliceString(at, at + 1).charCodeAt(0) : NaN)

/**
 * The one span that turns `a` into `b`, or null when they are the same text. It never cuts a
 * surrogate pair, so what it takes of `b` is well-formed text.
 */
export function docSpan(a: Text, b: Text): DocSpan | null {
  if (a === b) return null
  const max = Math.min(a.length, b.length)
  let prefix = firstDifference(a, b, Math.min(sharedRun(a, b, false), max))
  if (prefix === max && a.length === b.length) return null
  if (prefix > 0 && (isLowSurrogate(codeAt(a, prefix)) || isLowSurrogate(codeAt(b, prefix)))) prefix--
  const room = max - prefix
  let suffix = lastDifference(a, b, Math.min(sharedRun(a, b, true), room), room)
  if (suffix > 0 && isLowSurrogate(codeAt(a, a.length - suffix))) suffix--
  return { fromA: prefix, toA: a.length - suffix, fromB: prefix, toB: b.length - suffix }
}

/**
 * A position of `doc` in its text joined with `lineBreak` (a CRLF file's own text, as
 * `state.sliceDoc()` gives it): each line break before it counts `lineBreak.length`.
 */
export function joinedOffset(doc: Text, pos: number, lineBreak: string): number {
  return lineBreak.length === 1 ? pos : pos + (doc.lineAt(pos).number - 1) * (lineBreak.length - 1)
}

/** The length of `doc`'s text joined with `lineBreak`. */
export function joinedLength(doc: Text, lineBreak: string): number {
  return doc.length + (doc.lines - 1) * (lineBreak.length - 1)
}

/** A document and its text joined with '\n' (`doc.toString()`), kept to make the next version's text from. */
export interface JoinedText {
  doc: Text
  text: string
}

/**
 * `doc.toString()`, made from the text of an earlier version of the same document and the span
 * between them: after a keystroke in a 1 MB article, a few lines are read instead of every line
 * being joined again. Without an earlier version it joins the whole document.
 */
export function joinedText(last: JoinedText | null, doc: Text): string {
  if (!last) return doc.toString()
  const span = docSpan(last.doc, doc)
  if (!span) return last.text
  return last.text.slice(0, span.fromA) + doc.sliceString(span.fromB, span.toB) + last.text.slice(span.toA)
}
