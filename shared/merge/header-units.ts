import { parse } from '../frontmatter/parse'
import type { DetectOptions } from '../frontmatter/types'
import { LineIndex } from '../line-index'

/** Lines [from, to) of the base text that belong together (0-based). */
export interface LineUnit {
  from: number
  to: number
  /** The header key the lines hold, when they are a field. */
  key: string | null
}

/**
 * The header's fields as line ranges of `text`: a field written over several lines (a block list,
 * a folded string, a nested map) is one unit, so two edits inside the same field are one change
 * to that field, while edits to two fields on neighbouring lines stay two changes. A header that
 * does not parse has no units: the merge then works line by line, which is still correct.
 */
export function headerUnits(text: string, opts: DetectOptions = {}): LineUnit[] {
  // The parser skips a leading BOM itself; offsets stay those of `text`.
  const parsed = parse(text, opts)
  if (!parsed.ok) return []
  const lines = new LineIndex(text)
  return parsed.fields.flatMap((field) => {
    const { from, to } = field.range
    if (to <= from) return []
    const first = lines.at(from).line - 1
    const last = lines.at(to - 1).line - 1
    return [{ from: first, to: last + 1, key: field.key }]
  })
}
