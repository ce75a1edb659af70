/**
 * The preview of one file's change: the lines that differ between the text before and after,
 * found from both ends (a bulk edit changes one field, so one hunk says it all).
 */
import type { DiffHunk } from '../../shared/contract'

/** Lines with their line endings, so a changed line ending counts as a change. */
function split(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

const bare = (line: string): string => line.replace(/\r?\n$/, '')

/** The changed lines, or null when the texts are equal. */
export function diffHunk(before: string, after: string): DiffHunk | null {
  if (before === after) return null
  const a = split(before)
  const b = split(after)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return { line: head + 1, removed: a.slice(head, a.length - tail).map(bare), added: b.slice(head, b.length - tail).map(bare) }
}
