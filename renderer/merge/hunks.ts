import { splitLines, type MergeChunk, type MergeResult } from '../../shared/merge'

/** One place a person decides, with a few unchanged lines around it so they can tell where it is. */
export interface DecisionHunk {
  /** Index among the result's conflicts (the decision's index). */
  index: number
  /** 1-based line in mine where the hunk's own lines begin. */
  line: number
  /** Context lines before and after (the same in every version). */
  before: string
  after: string
  base: string | null
  mine: string
  theirs: string
  keys: string[]
}

/** Lines of context shown around each hunk. */
const CONTEXT = 2

/** The text a chunk contributes on mine's side (what the context lines are cut from). */
function mineText(chunk: MergeChunk): string {
  return chunk.kind === 'conflict' ? chunk.mine : chunk.text
}

/** The decisions of a merge or comparison, each with its context and line. */
export function decisionHunks(result: MergeResult): DecisionHunk[] {
  const hunks: DecisionHunk[] = []
  let line = 1
  result.chunks.forEach((chunk, i) => {
    if (chunk.kind === 'conflict') {
      const prev = result.chunks[i - 1]
      const next = result.chunks[i + 1]
      // Context comes from shared neighbours; a conflict right after another has none between them.
      const before = prev && prev.kind !== 'conflict' ? splitLines(prev.text).slice(-CONTEXT).join('') : ''
      const after = next && next.kind !== 'conflict' ? splitLines(next.text).slice(0, CONTEXT).join('') : ''
      hunks.push({ index: hunks.length, line, before, after, base: chunk.base, mine: chunk.mine, theirs: chunk.theirs, keys: chunk.keys })
    }
    line += mineText(chunk).split('\n').length - 1
  })
  return hunks
}

/** What merged by itself, for the announcement: how many changes came from each side and which header keys. */
export function mergedSummary(result: MergeResult): { mine: number; theirs: number; keys: string[] } {
  const summary = { mine: 0, theirs: 0, keys: new Set<string>() }
  for (const chunk of result.chunks) {
    if (chunk.kind !== 'merged') continue
    if (chunk.from !== 'mine') summary.theirs++
    if (chunk.from !== 'theirs') summary.mine++
    if (chunk.from === 'theirs') chunk.keys.forEach((k) => summary.keys.add(k))
  }
  return { mine: summary.mine, theirs: summary.theirs, keys: [...summary.keys] }
}
