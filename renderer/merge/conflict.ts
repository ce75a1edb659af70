import { dominantEol } from '../../shared/frontmatter/detect'
import type { Generator } from '../../shared/sites/types'
import { merge3, resolve, type MergeResult } from '../../shared/merge'

/** The three texts of a save that found the file changed on disk. */
export interface ConflictTexts {
  /** The text as last read or saved, lines joined by '\n'; null when not known (no three-way merge). */
  base: string | null
  /** The buffer now, lines joined by '\n'. */
  mine: string
  /** The disk's text with its own line endings. */
  disk: { text: string }
}

/**
 * The editor's texts are '\n'-joined while the disk keeps its own endings: the disk's text is
 * merged with '\n' too (or every line of a CRLF file would differ), and the result goes back to
 * the buffer in the disk's endings, which the buffer then writes.
 */
export function mergeConflict(conflict: ConflictTexts & { base: string }, site?: Generator): MergeResult {
  return merge3(conflict.base, conflict.mine, conflict.disk.text.replaceAll('\r\n', '\n'), { site })
}

/** `text` ('\n'-joined) with the line ending that dominates `disk`. */
export function diskLineEndings(text: string, disk: string): string {
  return dominantEol(disk) === '\r\n' ? text.replaceAll('\n', '\r\n') : text
}

/** The merged text of a conflict that merged by itself, in the disk's endings; null when a person must decide. */
export function cleanMerge(conflict: ConflictTexts, site?: Generator): { text: string; result: MergeResult } | null {
  const { base } = conflict
  if (base === null) return null
  const result = mergeConflict({ ...conflict, base }, site)
  return result.conflicts > 0 ? null : { text: diskLineEndings(resolve(result), conflict.disk.text), result }
}
