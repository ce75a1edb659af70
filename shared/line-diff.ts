/**
 * Which lines changed between two versions of a text, as hunks of whole lines. Used to carry a
 * cursor and scroll position through a reload: a line that did not change keeps its place, even
 * when other lines above it were added, removed or edited in several places.
 */

import type { DiffHunk } from './contract'

/** Lines [fromA, toA) of the old text became lines [fromB, toB) of the new one (0-based). */
export interface LineHunk {
  fromA: number
  toA: number
  fromB: number
  toB: number
}

/**
 * Myers' O((N+M)·D) shortest edit script on the lines between the common head and tail. Past
 * `maxEdits` differences (a rewritten file) the whole middle is one hunk: still correct, only
 * coarser, and the cost stays bounded whatever the file.
 */
export function diffLines(a: readonly string[], b: readonly string[], maxEdits = 2000): LineHunk[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  if (n === 0 && m === 0) return []
  const whole = [{ fromA: head, toA: head + n, fromB: head, toB: head + m }]
  if (n === 0 || m === 0) return whole
  const path = shortestPath(a.slice(head, head + n), b.slice(head, head + m), maxEdits)
  return path === null ? whole : hunksOf(path, head)
}

/** One step of the edit script: delete line a[x], or insert line b[y] before a[x]. */
interface Move {
  x: number
  y: number
  insert: boolean
}

function furthest(v: Int32Array, offset: number, k: number, d: number): { down: boolean; x: number } {
  const left = v[offset + k - 1] ?? 0
  const right = v[offset + k + 1] ?? 0
  const down = k === -d || (k !== d && left < right)
  return { down, x: down ? right : left + 1 }
}

function shortestPath(a: readonly string[], b: readonly string[], maxEdits: number): Move[] | null {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, maxEdits)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  // v as it was before each step d, so the path can be walked back from the end.
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let { x } = furthest(v, offset, k, d)
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return walkBack(trace, offset, n, m, d)
    }
  }
  return null
}

function walkBack(trace: Int32Array[], offset: number, n: number, m: number, depth: number): Move[] {
  const moves: Move[] = []
  let x = n
  let y = m
  for (let d = depth; d > 0; d--) {
    const k = x - y
    const { down } = furthest(trace[d] as Int32Array, offset, k, d)
    const prevK = down ? k + 1 : k - 1
    const prevX = (trace[d] as Int32Array)[offset + prevK] ?? 0
    const prevY = prevX - prevK
    moves.push({ x: prevX, y: prevY, insert: down })
    x = prevX
    y = prevY
  }
  return moves.reverse()
}

/** Adjacent moves make one hunk. */
function hunksOf(moves: readonly Move[], base: number): LineHunk[] {
  const hunks: LineHunk[] = []
  for (const { x, y, insert } of moves) {
    const last = hunks.at(-1)
    const from = { fromA: base + x, fromB: base + y }
    if (!last || last.toA !== from.fromA || last.toB !== from.fromB) hunks.push({ ...from, toA: from.fromA, toB: from.fromB })
    const hunk = hunks.at(-1) as LineHunk
    if (insert) hunk.toB++
    else hunk.toA++
  }
  return hunks
}

/** Lines with their endings, so a changed line ending counts as a change. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? []
const bare = (line: string): string => line.replace(/\r?\n$/, '')

/** Each run of changed lines, as a preview shows them: an edit here and there is shown where it is. */
export function textHunks(before: string, after: string): DiffHunk[] {
  const a = linesOf(before)
  const b = linesOf(after)
  return diffLines(a, b).map((h) => ({ line: h.fromA + 1, removed: a.slice(h.fromA, h.toA).map(bare), added: b.slice(h.fromB, h.toB).map(bare) }))
}

/**
 * All changed lines as one hunk, found from both ends: for a preview that shows one change as one
 * piece (a field edit, one replacement). `firstLine` is the line `before` starts at in its file.
 */
export function spanHunk(before: string, after: string, firstLine = 1): DiffHunk {
  const a = linesOf(before)
  const b = linesOf(after)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return { line: firstLine + head, removed: a.slice(head, a.length - tail).map(bare), added: b.slice(head, b.length - tail).map(bare) }
}
