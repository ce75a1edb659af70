/**
 * The header block of the open article, found once per change that can alter it and read by
 * everything that needs it: folding, header styling, the lint marker, the session (and through
 * it the form and the preview). The site's rules come in through the `headerRules` facet, so
 * Hexo's fenceless header is a header only inside a Hexo site.
 *
 * Detection reads the first 256 KB of whole lines: joining a 1 MB document on every keystroke is
 * too slow, and a header is never that long. Changes after the header cannot alter it, so they
 * only map the value.
 */
import { Facet, StateField, type EditorState, type Text, type Transaction } from '@codemirror/state'
import { parse } from '../../shared/frontmatter'
import type { FrontMatterFormat, HeaderError, ParsedFrontMatter } from '../../shared/frontmatter/types'
import type { Generator } from '../../shared/sites/types'

export interface HeaderRules {
  /**
   * The generator whose reader decides which headers count (shared/sites): Hexo's fenceless and
   * `;;;` headers only inside a Hexo site, and so on. The same value the index parses with.
   */
  site: Generator
}

export const headerRules = Facet.define<HeaderRules, HeaderRules>({
  combine: (values) => values[0] ?? { site: 'plain' },
})

export interface Range {
  from: number
  to: number
}

export interface HeaderBlock {
  format: FrontMatterFormat
  /** The whole header with its fences and the line break after the closing one; null without one. */
  block: Range | null
  /** The header's source between its fences (a JSON object's braces included). */
  content: Range | null
  /** Where the body begins. */
  bodyStart: number
  /** The first reason the header does not parse (1-based line in the document), or null. */
  error: HeaderError | null
  /** The header as read: fields for the form, errors, detection. Offsets are editor positions. */
  parsed: ParsedFrontMatter
  /**
   * The offset from which a change cannot alter the header: the body start when there is a
   * header; without one, the end of the first line, unless that line could open a header (a
   * fence, a brace, a `key:` line), when any change may (Infinity).
   */
  reach: number
}

const HEAD_LIMIT = 256 * 1024

/** The first 256 KB of whole lines: a block found there is the block of the whole text. */
function headOf(doc: Text): string {
  if (doc.length <= HEAD_LIMIT) return doc.toString()
  const head = doc.sliceString(0, HEAD_LIMIT)
  return head.slice(0, head.lastIndexOf('\n') + 1)
}

export function readHeader(doc: Text, rules: HeaderRules): HeaderBlock {
  const head = headOf(doc)
  const parsed = parse(head, { site: rules.site })
  const { detection } = parsed
  let reach: number
  if (detection.block) reach = detection.bodyStart
  else {
    const first = /\S[^\n]*/.exec(head)
    reach = !first || /^[-+;{]|:/.test(first[0]) ? Infinity : first.index + first[0].length + 1
  }
  return {
    format: detection.format,
    block: detection.block,
    content: detection.content,
    bodyStart: detection.bodyStart,
    error: parsed.errors[0] ?? null,
    parsed,
    reach,
  }
}

/** Whether every change in `tr` starts at or after `reach`, so the header stays as it was. */
function untouched(value: HeaderBlock, tr: Transaction): boolean {
  if (value.reach === Infinity) return false
  let after = true
  tr.changes.iterChangedRanges((fromA) => (after &&= fromA >= value.reach))
  return after
}

export const headerBlock = StateField.define<HeaderBlock>({
  create: (state) => readHeader(state.doc, state.facet(headerRules)),
  update(value, tr) {
    const rules = tr.state.facet(headerRules)
    if (rules !== tr.startState.facet(headerRules)) return readHeader(tr.state.doc, rules)
    if (!tr.docChanged || untouched(value, tr)) return value
    return readHeader(tr.state.doc, rules)
  },
})

/** The header block of `state`, also for a state made without the field (it is then read once). */
export function headerOf(state: EditorState): HeaderBlock {
  return state.field(headerBlock, false) ?? readHeader(state.doc, state.facet(headerRules))
}
