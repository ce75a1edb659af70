/**
 * The preview's render after an edit: only the blocks around the edit are parsed and rendered
 * again, the rest are kept from the render before, so a keystroke in a long article costs about
 * one paragraph of markdown-it, not the whole body. The result is the same as a whole render
 * (renderBlocks); where that cannot be shown cheaply, the whole body is rendered.
 *
 * Why the part is enough: markdown-it reads top-level blocks forward, and a block that started
 * after a blank line in the last render, on a line the edit did not touch, starts there again.
 * The parse runs from the block before the edit's (so an edit that joins it to the one above is
 * seen) to the block after the edit's, and must find that block starting where it did: else the
 * edit reached further (an opened fence, a list that now goes on) and the whole body is parsed.
 * What reaches backwards or across the whole body makes the edit's lines fall back to a whole
 * render: link, footnote and abbreviation definitions (anywhere in the part), footnotes at all (numbered across the
 * body), a generator's tags (a closing tag pairs with an opening one far above), `$$` math, and
 * braces where they are attribute lists or MDX expressions.
 */
import { commonPrefix, commonSuffix } from '../changed-span'
import { lastAtOrBefore } from '../last-at-or-before'
import { renderBlocksIn, renderEnv, type RenderedBlock, type RenderEnv, type RenderOptions } from '../markdown'

/** A render as a change to the one before: `head` blocks kept from its start, `tail` from its end, `blocks` between. */
export interface BlockUpdate {
  head: number
  tail: number
  blocks: RenderedBlock[]
  /** Every block's first line in the body (0-based), in order: blocks kept may have moved. */
  lines: (number | null)[]
  /** The sources of all the body's Mermaid fences. */
  diagrams: string[]
  /** The whole body was parsed: `head` and `tail` are 0. */
  whole: boolean
}

interface Held {
  html: string
  line: number | null
  /** Where its first line starts in the body. */
  offset: number
  diagrams?: string[]
}

interface Last {
  key: string
  body: string
  blocks: Held[]
  /** The whole render's env: its definitions (link references, abbreviations) hold for every part. */
  env: RenderEnv
  /** Whether a later edit may render only its part (every block has a line, no footnotes). */
  partial: boolean
}

/** Everything but the body that a render's HTML depends on (options, site data, the diagrams drawn), as a BlockRenderer key. */
export function renderKey(options: Omit<RenderOptions, 'mermaid'>, drawn: Record<string, string>): string {
  return JSON.stringify([options, Object.keys(drawn).sort()])
}

/** Tokens on an edited line that can change blocks far from it (see above). */
const REACHING = /\]:|\[\^|\{[{%]|[%}]\}|\$\$/
/**
 * A definition anywhere in the part parsed again: an edit around it can make it one or not (a
 * line above that now opens an HTML block takes it in), which changes links far from the edit.
 */
const DEFINITION = /\]:/
/** Braces: attribute lists (Hugo, Jekyll) and MDX expressions pair across blocks. */
const BRACES = /[{}]/

function reaching(text: string, options: RenderOptions): boolean {
  if (REACHING.test(text)) return true
  return (options.mdx === true || options.generator === 'hugo' || options.generator === 'jekyll') && BRACES.test(text)
}

function newlines(text: string, from: number, to: number): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** The start offsets of the given lines (ascending, 0-based) in `text`. */
function lineOffsets(text: string, lines: readonly (number | null)[]): number[] {
  const offsets: number[] = []
  let line = 0
  let offset = 0
  for (const wanted of lines) {
    if (wanted === null) {
      offsets.push(-1)
      continue
    }
    while (line < wanted) {
      const next = text.indexOf('\n', offset)
      if (next === -1) break
      offset = next + 1
      line++
    }
    offsets.push(offset)
  }
  return offsets
}

/** The last block starting at or before `line` (0 when none does). */
function blockAt(blocks: readonly Held[], line: number): number {
  return lastAtOrBefore(blocks, line, (block) => block.line as number)
}

/** The env of a part: the whole render's definitions (copied, a parse adds to them), this render's options. */
function partEnv(last: RenderEnv, options: RenderOptions): RenderEnv {
  const env: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(last)) env[key] = typeof value === 'object' && value !== null ? { ...value } : value
  return Object.assign(env, renderEnv(options))
}

/**
 * Renders a body's blocks, building on its last render: one instance per preview (or per client
 * of the render worker). `key` names everything but the body that the HTML depends on (options,
 * site data, drawn diagrams): a render under another key is a whole one.
 */
export class BlockRenderer {
  private last: Last | null = null

  render(body: string, options: RenderOptions, key: string): BlockUpdate {
    const last = this.last
    if (last && last.key === key && last.partial) {
      const update = this.renderPart(last, body, options)
      if (update) return update
    }
    return this.renderWhole(body, options, key)
  }

  /** Forgets the last render: the next one is whole (its reader no longer holds what it built on). */
  reset(): void {
    this.last = null
  }

  private renderWhole(body: string, options: RenderOptions, key: string): BlockUpdate {
    const env = renderEnv(options)
    const rendered = renderBlocksIn(body, options, env)
    const offsets = lineOffsets(
      body,
      rendered.map((block) => block.line),
    )
    const blocks = rendered.map((block, i): Held => ({ ...block, offset: offsets[i]! }))
    const partial = !('footnotes' in env) && blocks.every((block) => block.line !== null)
    this.last = { key, body, blocks, env, partial }
    return { head: 0, tail: 0, blocks: rendered, lines: rendered.map((block) => block.line), diagrams: diagramsOf(blocks), whole: true }
  }

  private renderPart(last: Last, body: string, options: RenderOptions): BlockUpdate | null {
    const old = last.body
    const blocks = last.blocks
    if (blocks.length === 0) return null
    const prefix = commonPrefix(old, body)
    const suffix = commonSuffix(old, body, Math.min(old.length, body.length) - prefix)
    if (prefix === old.length && prefix === body.length) {
      return { head: blocks.length, tail: 0, blocks: [], lines: blocks.map((block) => block.line), diagrams: diagramsOf(blocks), whole: false }
    }
    // The edited lines, before and after.
    const from = prefix === 0 ? 0 : old.lastIndexOf('\n', prefix - 1) + 1
    const oldTo = old.indexOf('\n', old.length - suffix)
    const newTo = body.indexOf('\n', body.length - suffix)
    const oldLines = old.slice(from, oldTo === -1 ? old.length : oldTo)
    const newLines = body.slice(from, newTo === -1 ? body.length : newTo)
    if (reaching(oldLines, options) || reaching(newLines, options)) return null
    const firstLine = newlines(old, 0, from)
    const oldLast = firstLine + newlines(oldLines, 0, oldLines.length)
    const lineShift = firstLine + newlines(newLines, 0, newLines.length) - oldLast
    const charShift = body.length - old.length

    // From the block before the edit's to the block after it (the one that must start where it did).
    const edited = blockAt(blocks, firstLine)
    const first = Math.max(0, edited - 1)
    const after = Math.max(edited, blockAt(blocks, oldLast)) + 1
    const end = Math.min(blocks.length, after + 1)
    const startLine = first === 0 ? 0 : blocks[first]!.line!
    const startOffset = first === 0 ? 0 : blocks[first]!.offset
    const endOffset = end === blocks.length ? body.length : blocks[end]!.offset + charShift
    const part = body.slice(startOffset, endOffset)
    if (DEFINITION.test(part) || DEFINITION.test(old.slice(startOffset, end === blocks.length ? old.length : blocks[end]!.offset))) return null
    const rendered = renderBlocksIn(part, options, partEnv(last.env, options))
    if (rendered.some((block) => block.line === null)) return null
    if (after < blocks.length) {
      // The block after the edit must start where it did, moved by the lines the edit added.
      const expected = blocks[after]!.line! + lineShift - startLine
      if (!rendered.some((block) => block.line === expected)) return null
    }
    const offsets = lineOffsets(
      part,
      rendered.map((block) => block.line),
    )
    const fresh = rendered.map((block, i): Held => ({ ...block, line: block.line! + startLine, offset: offsets[i]! + startOffset }))
    const moved = blocks.slice(end).map((block): Held => ({ ...block, line: block.line! + lineShift, offset: block.offset + charShift }))
    const next = [...blocks.slice(0, first), ...fresh, ...moved]
    this.last = { ...last, body, blocks: next }

    // Blocks rendered again to the same HTML at either end of the part are kept, not sent.
    let head = first
    let tail = blocks.length - end
    let a = 0
    let b = fresh.length
    while (a < b && head < end && fresh[a]!.html === blocks[head]!.html) {
      a++
      head++
    }
    while (b > a && blocks.length - tail - 1 >= head && fresh[b - 1]!.html === blocks[blocks.length - tail - 1]!.html) {
      b--
      tail++
    }
    const changed = fresh.slice(a, b).map(({ html, line, diagrams }): RenderedBlock => (diagrams ? { html, line, diagrams } : { html, line }))
    return { head, tail, blocks: changed, lines: next.map((block) => block.line), diagrams: diagramsOf(next), whole: false }
  }
}

function diagramsOf(blocks: readonly Held[]): string[] {
  const sources = new Set<string>()
  for (const block of blocks) for (const source of block.diagrams ?? []) sources.add(source)
  return [...sources]
}
