import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { Modal } from '../../dialogs/Modal'
import type { RowsState } from './sliced-ranking'

interface Props<T> {
  title: string
  testId: string
  placeholder: string
  empty: string
  /** The rows for the text typed so far, best first. */
  rows(text: string): readonly T[]
  /** The rows for the text when `rows` may still be working them out (see SlicedRanking): Enter on the first row takes the first of these. */
  settled?(text: string): readonly T[]
  /**
   * What the rows `rows` gave are while a ranking goes on in slices: the text's first rows (more
   * to come) or still an earlier text's. The list is busy until they are the text's own, all of them.
   */
  ranking?(): RowsState
  keyOf(row: T): string
  render(row: T): ReactNode
  onChoose(row: T): void
  onClose(): void
}

const PAGE = 10
/**
 * Rows put in the page at first: the list shows about 15; more are added as it is scrolled or the
 * selection moves down. A hundred rows laid out on every keystroke cost more than ranking them.
 */
export const MOUNTED = 30

/**
 * A filter box over a list (quick open, command palette): arrows, Page Up/Down, Home/End move
 * the selection, which stays in view; Enter chooses, Escape closes. A combobox to assistive tech.
 */
export function Picker<T>({ title, testId, placeholder, empty, rows, settled, ranking, keyOf, render, onChoose, onClose }: Props<T>) {
  const [text, setText] = useState('')
  // The row the writer moved to, by key, so it stays selected when a ranking finishing in slices
  // reorders the list; null: the best row, whichever that is.
  const [selected, setSelected] = useState<{ index: number; key: string | null }>({ index: 0, key: null })
  const listId = useId()
  const list = useRef<HTMLUListElement>(null)
  // Ranked when the text (or the ranking) changes, not when the selection moves.
  const shown = useMemo(() => rows(text), [rows, text])
  const state = ranking?.() ?? 'done'
  const active = selectedIndex(shown, selected, keyOf)
  const [mounted, setMounted] = useState(MOUNTED)
  const reach = Math.max(mounted, active + PAGE + 1)
  // Whether the list is scrolled: a new text scrolls it back to the top only then, since asking
  // the list where it is lays the page out again on each keystroke.
  const scrolled = useRef(false)

  // The selection moved by the writer (keys, mouse), not by a new text: it is scrolled into view.
  const moved = useRef(false)
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    list.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active])

  const choose = (row: T | undefined) => {
    if (row === undefined) return
    onClose()
    onChoose(row)
  }
  const select = (index: number) => {
    const row = shown[index]
    if (row === undefined) return
    moved.current = true
    setSelected({ index, key: keyOf(row) })
  }
  const move = (to: number) => select(Math.min(shown.length - 1, Math.max(0, to)))

  return (
    <Modal title={title} testId={testId} onDismiss={onClose} showTitle={false} className="quick-open">
      <input
        autoFocus
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? `${listId}-${active}` : undefined}
        aria-label={title}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          setSelected({ index: 0, key: null })
          setMounted(MOUNTED)
          moved.current = false
          if (scrolled.current && list.current) list.current.scrollTop = 0
        }}
        onKeyDown={(e) => {
          const to: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + PAGE, PageUp: active - PAGE }
          if (e.key in to) move(to[e.key] as number)
          // Not moved: the best of what was typed (its ranking finished now if it still goes on); a
          // row the writer moved to is the one highlighted, even on rows not yet re-ranked.
          else if (e.key === 'Enter') choose(selected.key === null && settled ? settled(text)[0] : shown[active])
          else return
          e.preventDefault()
        }}
      />
      <ul
        role="listbox"
        id={listId}
        aria-label={title}
        aria-busy={state !== 'done'}
        data-rows={state}
        ref={list}
        onScroll={(e) => {
          const ul = e.currentTarget
          scrolled.current = ul.scrollTop > 0
          // Near the end of the rows put in the page: more of them.
          if (reach < shown.length && ul.scrollTop + 2 * ul.clientHeight >= ul.scrollHeight) setMounted(reach + MOUNTED)
        }}
      >
        {shown.slice(0, reach).map((row, i) => (
          <li
            key={keyOf(row)}
            id={`${listId}-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === active}
            aria-setsize={shown.length}
            aria-posinset={i + 1}
            className={i === active ? 'active' : ''}
            onMouseMove={() => i !== active && select(i)}
            onClick={() => choose(row)}
          >
            {render(row)}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="empty">{empty}</p>}
    </Modal>
  )
}

/** Where the selected row is now: found by its key when the rows changed under it, else its old place. */
function selectedIndex<T>(shown: readonly T[], selected: { index: number; key: string | null }, keyOf: (row: T) => string): number {
  const last = Math.max(0, shown.length - 1)
  if (selected.key === null) return Math.min(selected.index, last)
  const there = shown[selected.index]
  if (there !== undefined && keyOf(there) === selected.key) return selected.index
  const found = shown.findIndex((row) => keyOf(row) === selected.key)
  return found === -1 ? Math.min(selected.index, last) : found
}

/** The text with the characters at `positions` marked. */
export function Highlighted({ text, positions }: { text: string; positions: readonly number[] }) {
  if (positions.length === 0) return <>{text}</>
  const marked = new Set(positions)
  const parts: ReactNode[] = []
  let run = ''
  let inMark = false
  const flush = (key: number) => {
    if (run) parts.push(inMark ? <mark key={key}>{run}</mark> : run)
    run = ''
  }
  for (let i = 0; i < text.length; i++) {
    const m = marked.has(i)
    if (m !== inMark) {
      flush(i)
      inMark = m
    }
    run += text[i]
  }
  flush(text.length)
  return <>{parts}</>
}
