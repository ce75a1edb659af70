/**
 * Three-way merge of whole lines: what I changed and what the other side changed since the common
 * base both land when they touch different lines (different header fields, in the header), and a
 * place both changed differently is a conflict for a person to decide. Built on the line diff the
 * editor already uses (shared/line-diff.ts); every byte comes from one of the three texts.
 */
import type { DetectOptions } from '../frontmatter/types'
import { diffLines, type LineHunk } from '../line-diff'
import { headerUnits, type LineUnit } from './header-units'
import { splitLines } from './lines'

export type Side = 'mine' | 'theirs'

/** A stretch of the result: unchanged, changed on one side (or the same on both), or in conflict. */
export type MergeChunk =
  | { kind: 'same'; text: string }
  | {
      kind: 'merged'
      /** Which side changed it ('both': the same change on both sides, or different new header fields each side added there). */
      from: Side | 'both'
      text: string
      base: string
      /** Header keys this change touches (empty in the body). */
      keys: string[]
    }
  | {
      kind: 'conflict'
      /** The common base's lines here; null when there is no base (a two-text comparison). */
      base: string | null
      mine: string
      theirs: string
      keys: string[]
    }

export interface MergeResult {
  chunks: MergeChunk[]
  /** How many conflict chunks need a decision. */
  conflicts: number
}

/** How a conflict is settled: one side's lines, or mine followed by theirs. */
export type Decision = Side | 'both'

interface SideHunk extends LineHunk {
  side: Side
  /** The base range widened to whole header fields: what decides whether two changes meet. */
  lo: number
  hi: number
  keys: string[]
}

/** A line that goes on the field above it (an indented line or a block list item) rather than starting one. */
const CONTINUES = /^(?:[ \t]|-(?:[ \t]|\r?\n|$))/

/**
 * Widens lines [from, to) of the base to the whole units it touches. An insertion between two
 * units stays an insertion, unless its first line continues the unit above (an item appended to a
 * list changes that list).
 */
function widen(from: number, to: number, inserted: string | undefined, units: readonly LineUnit[]): { lo: number; hi: number; keys: string[] } {
  let lo = from
  let hi = to
  const keys: string[] = []
  const extends_ = from === to && inserted !== undefined && CONTINUES.test(inserted)
  for (const u of units) {
    const touches = from === to ? (u.from < from && from < u.to) || (extends_ && u.to === from) : u.from < to && from < u.to
    if (!touches) continue
    lo = Math.min(lo, u.from)
    hi = Math.max(hi, u.to)
    if (u.key !== null) keys.push(u.key)
  }
  return { lo, hi, keys }
}

/** A header line that starts a field: its key (YAML `key:`, TOML `key =`, JSON `"key":`). */
const FIELD = /^"?([^\s"#:=][^"#:=]*?)"?\s*[:=]/

/** The keys of header lines that are whole new top-level fields, or null when they are anything else. */
function addedKeys(text: string): string[] | null {
  const keys: string[] = []
  for (const line of splitLines(text)) {
    if (keys.length > 0 && CONTINUES.test(line)) continue
    const key = FIELD.exec(line)?.[1]
    if (key === undefined) return null
    keys.push(key)
  }
  return keys.length > 0 ? keys : null
}

/** Two insertions that each add new fields, no key on both sides. */
function newFields(mine: string, theirs: string): boolean {
  const a = addedKeys(mine)
  const b = addedKeys(theirs)
  return a !== null && b !== null && !a.some((key) => b.includes(key))
}

/** Two changes meet when their widened base ranges overlap, or both insert at the same place. */
function meets(a: { lo: number; hi: number }, b: { lo: number; hi: number }): boolean {
  if (a.lo === a.hi && b.lo === b.hi) return a.lo === b.lo
  return a.lo < b.hi && b.lo < a.hi
}

function join(lines: readonly string[], from: number, to: number): string {
  return lines.slice(from, to).join('')
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Conflicts keep all three versions of their
 * lines; `resolve` turns the result into text once each conflict has a decision.
 * `opts` names the site whose header rules find the header (default: a plain folder).
 */
export function merge3(base: string, mine: string, theirs: string, opts: DetectOptions = {}): MergeResult {
  const b = splitLines(base)
  const texts = { mine: splitLines(mine), theirs: splitLines(theirs) }
  const units = headerUnits(base, opts)
  const hunks: SideHunk[] = []
  for (const side of ['mine', 'theirs'] as const) {
    for (const h of diffLines(b, texts[side])) hunks.push({ ...h, side, ...widen(h.fromA, h.toA, texts[side][h.fromB], units) })
  }
  // In base order; at one place an insertion goes before a change that starts there.
  hunks.sort((x, y) => x.lo - y.lo || x.hi - y.hi)

  const chunks: MergeChunk[] = []
  let conflicts = 0
  // Lines each side has gained over the base before the current position (to map base lines to it).
  const shift = { mine: 0, theirs: 0 }
  let at = 0
  let i = 0
  while (i < hunks.length) {
    // A group: hunks that meet, directly or through each other.
    const group = [hunks[i] as SideHunk]
    // Hunks come in base order and a later group never meets an earlier one: lo >= at.
    const lo = (group[0] as SideHunk).lo
    let hi = (group[0] as SideHunk).hi
    for (i++; i < hunks.length && group.some((g) => meets(g, hunks[i] as SideHunk)); i++) {
      const h = hunks[i] as SideHunk
      group.push(h)
      hi = Math.max(hi, h.hi)
    }
    if (at < lo) chunks.push({ kind: 'same', text: join(b, at, lo) })
    const region = (side: Side): string => {
      const own = group.filter((g) => g.side === side)
      const from = lo + shift[side]
      const gained = own.reduce((n, g) => n + (g.toB - g.fromB) - (g.toA - g.fromA), 0)
      const text = join(texts[side], from, hi + shift[side] + gained)
      shift[side] += gained
      return text
    }
    const baseText = join(b, lo, hi)
    const mineText = region('mine')
    const theirsText = region('theirs')
    const keys = [...new Set(group.flatMap((g) => g.keys))]
    const changed = { mine: group.some((g) => g.side === 'mine'), theirs: group.some((g) => g.side === 'theirs') }
    if (!changed.theirs) chunks.push({ kind: 'merged', from: 'mine', text: mineText, base: baseText, keys })
    else if (!changed.mine) chunks.push({ kind: 'merged', from: 'theirs', text: theirsText, base: baseText, keys })
    else if (mineText === theirsText) chunks.push({ kind: 'merged', from: 'both', text: mineText, base: baseText, keys })
    else if (lo === hi && units.some((u) => u.from === lo || u.to === lo) && newFields(mineText, theirsText)) {
      // Both added fields at the same place in the header, under different keys: both go in, mine first.
      chunks.push({
        kind: 'merged',
        from: 'both',
        text: mineText + theirsText,
        base: '',
        keys: [...(addedKeys(mineText) ?? []), ...(addedKeys(theirsText) ?? [])],
      })
    } else {
      chunks.push({ kind: 'conflict', base: baseText, mine: mineText, theirs: theirsText, keys })
      conflicts++
    }
    at = hi
  }
  if (at < b.length) chunks.push({ kind: 'same', text: join(b, at, b.length) })
  return { chunks, conflicts }
}

/**
 * The chunks of two texts with no common base (a buffer against a saved or committed version):
 * every place they differ is a conflict whose decision says which text's lines to keep.
 */
export function compare2(mine: string, theirs: string): MergeResult {
  const a = splitLines(mine)
  const b = splitLines(theirs)
  const chunks: MergeChunk[] = []
  let at = 0
  const hunks = diffLines(a, b)
  for (const h of hunks) {
    if (at < h.fromA) chunks.push({ kind: 'same', text: join(a, at, h.fromA) })
    chunks.push({ kind: 'conflict', base: null, mine: join(a, h.fromA, h.toA), theirs: join(b, h.fromB, h.toB), keys: [] })
    at = h.toA
  }
  if (at < a.length) chunks.push({ kind: 'same', text: join(a, at, a.length) })
  return { chunks, conflicts: hunks.length }
}

/** The merged text: each conflict settled by its decision (in order); one missing keeps mine. */
export function resolve(result: MergeResult, decisions: readonly (Decision | null)[] = []): string {
  let n = 0
  let text = ''
  for (const chunk of result.chunks) {
    if (chunk.kind !== 'conflict') {
      text += chunk.text
      continue
    }
    const decision = decisions[n++] ?? 'mine'
    text += decision === 'mine' ? chunk.mine : decision === 'theirs' ? chunk.theirs : bothOf(chunk.mine, chunk.theirs)
  }
  return text
}

/** Mine then theirs; a last line of mine without a line break gets one, so the two never run together. */
function bothOf(mine: string, theirs: string): string {
  if (mine === '' || theirs === '' || mine.endsWith('\n')) return mine + theirs
  return mine + (theirs.includes('\r\n') || mine.includes('\r\n') ? '\r\n' : '\n') + theirs
}
