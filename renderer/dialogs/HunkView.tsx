/**
 * One hunk of a change preview (bulk field edit, replace, rename or move): the line it starts at,
 * the removed lines and the added ones. A one-line change marks the part that differs, so a
 * changed word in a long line is found at a glance.
 */
import type { DiffHunk } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'

/** The part of `a` and `b` that differs, for a one-line change: [common head length, common tail length]. */
function commonEnds(a: string, b: string): [number, number] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return [head, tail]
}

function Marked({ text, head, tail }: { text: string; head: number; tail: number }) {
  return (
    <>
      {text.slice(0, head)}
      <mark>{text.slice(head, text.length - tail)}</mark>
      {text.slice(text.length - tail)}
    </>
  )
}

/** `where` says more about the place than the line (the header field a replacement is in). */
export function HunkView({ hunk, where = null }: { hunk: DiffHunk; where?: string | null }) {
  const { t } = useI18n()
  const single = hunk.removed.length === 1 && hunk.added.length === 1
  const [head, tail] = single ? commonEnds(hunk.removed[0] as string, hunk.added[0] as string) : [0, 0]
  return (
    <pre className="bulk-hunk" data-line={hunk.line}>
      <span className="hunk-line">
        {t('bulkAtLine', { line: hunk.line })}
        {where && ` · ${where}`}
      </span>
      {hunk.removed.map((line, i) => (
        <del key={`-${i}`}>
          {'- '}
          {single ? <Marked text={line} head={head} tail={tail} /> : line}
        </del>
      ))}
      {hunk.added.map((line, i) => (
        <ins key={`+${i}`}>
          {'+ '}
          {single ? <Marked text={line} head={head} tail={tail} /> : line}
        </ins>
      ))}
    </pre>
  )
}
