/**
 * Scroll sync between the editor and the preview frame, both ways, by the source lines the
 * frame's blocks carry. The frame runs no script: the parent reads its geometry and listens to
 * its scroll events through the same-origin access it already patches the frame with.
 */
import { EditorView } from '@codemirror/view'
import type { MountedBlock } from './patch'

/** What the parent holds of the frame's current document. */
export interface FrameView {
  root: Element
  window: Window
  mounted: MountedBlock[]
  /** The article whose blocks are mounted: another one starts at its own top line. */
  article: string | undefined
  /** The scroll position the parent set last: the scroll event it causes is not the writer's. */
  placed: number | null
}

interface Anchor {
  element: Element
  line: number
}

/** The blocks that carry a source line and show, in source order. */
function anchors(mounted: readonly MountedBlock[]): Anchor[] {
  const found: Anchor[] = []
  for (const block of mounted) {
    if (block.line === null) continue
    const element = block.nodes.find((node): node is Element => node.nodeType === 1)
    if (element) found.push({ element, line: block.line })
  }
  return found
}

function topOf(view: FrameView, element: Element): number {
  return element.getBoundingClientRect().top + view.window.scrollY
}

/** Scrolls the frame itself (not the app around it, as scrollIntoView would) and remembers it did. */
export function scrollFrameTo(view: FrameView, top: number): void {
  const max = view.window.document.documentElement.scrollHeight - view.window.innerHeight
  const y = Math.round(Math.max(0, Math.min(top, max)))
  if (Math.abs(view.window.scrollY - y) < 1) return
  view.placed = y
  view.window.scrollTo({ top: y, behavior: 'instant' })
}

/**
 * Scrolls the frame so that source `line` (1-based, may be fractional) is at its top: to the
 * block holding it, and as far into that block as the line is into the block's lines.
 */
export function scrollFrameToLine(view: FrameView, line: number): void {
  const list = anchors(view.mounted)
  let i = -1
  while (i + 1 < list.length && list[i + 1]!.line <= line) i++
  if (i === -1) {
    scrollFrameTo(view, 0)
    return
  }
  const here = list[i]!
  const next = list[i + 1]
  const top = topOf(view, here.element)
  if (!next || next.line <= here.line) {
    scrollFrameTo(view, top)
    return
  }
  const fraction = Math.min(1, (line - here.line) / (next.line - here.line))
  scrollFrameTo(view, top + fraction * (topOf(view, next.element) - top))
}

interface Placed {
  index: number
  top: number
}

/**
 * The first block from `start` towards `end` (not included) that shows a box, with its page top.
 * A block with no box (display:none or hidden in the author's HTML) reads top 0, which would
 * place it anywhere in the order: it has no place to go by, so it is passed over.
 */
function shownFrom(view: FrameView, list: readonly Anchor[], start: number, end: number): Placed | null {
  const step = end > start ? 1 : -1
  for (let index = start; index !== end; index += step) {
    const box = list[index]!.element.getBoundingClientRect()
    if (box.width !== 0 || box.height !== 0) return { index, top: box.top + view.window.scrollY }
  }
  return null
}

/** The source line (fractional) at the top of the frame's viewport: the inverse of scrollFrameToLine. */
export function frameTopLine(view: FrameView): number | null {
  const list = anchors(view.mounted)
  if (list.length === 0) return null
  const y = view.window.scrollY
  if (y <= 0) return 1
  // The last shown block starting at or above the top: blocks stand in source order, so a binary
  // search reads a dozen boxes of a long article on each scroll instead of every one above the top.
  let here: Placed | null = null
  let past = list.length
  while (past - (here?.index ?? -1) > 1) {
    const low: number = here?.index ?? -1
    const middle: number = (low + past) >> 1
    const probe: Placed | null = shownFrom(view, list, middle, past) ?? shownFrom(view, list, middle - 1, low)
    if (!probe) break
    if (probe.top <= y) here = probe
    else past = probe.index
  }
  if (!here) {
    const first = shownFrom(view, list, 0, list.length)
    return first ? list[first.index]!.line : null
  }
  // A floated or positioned block can read above the top while the blocks before it are below:
  // the search would jump ahead to it, so step back while the shown block before is below the top.
  for (let before = shownFrom(view, list, here.index - 1, -1); before && before.top > y;) {
    before = shownFrom(view, list, before.index - 1, -1)
    if (before && before.top <= y) here = before
  }
  const next = shownFrom(view, list, here.index + 1, list.length)
  const line = list[here.index]!.line
  if (!next) return line
  const span = next.top - here.top
  return line + (span > 0 ? ((y - here.top) / span) * (list[next.index]!.line - line) : 0)
}

/** Scrolls the editor so that `line` (1-based, may be fractional) is at its top, leaving the cursor where it is. */
export function scrollEditorToLine(view: EditorView, line: number): void {
  const { doc } = view.state
  const whole = Math.min(Math.max(1, Math.floor(line)), doc.lines)
  const block = view.lineBlockAt(doc.line(whole).from)
  view.scrollDOM.scrollTop = block.top + (line - whole) * block.height
}

/** Moves the cursor to the start of `line`, shows that line at the top of the editor and gives it the keyboard. */
export function jumpEditorToLine(view: EditorView, line: number): void {
  const { doc } = view.state
  const at = doc.line(Math.min(Math.max(1, line), doc.lines)).from
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'start' }) })
  view.focus()
}
