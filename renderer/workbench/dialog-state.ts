import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MoveBuffer, MovePlan, RecoveredBuffers } from '../../shared/contract'
import type { Conflict } from '../buffers/buffer-store'
import type { UnsavedAnswer } from '../buffers/UnsavedQuestion'
import type { DialogHold } from '../dialogs/dialog-hold'
import type { MenuTarget } from '../library/ArticleMenu'
import type { LeafAnswer } from '../media/LeafBundleDialog'
import type { ImageSettingsAsk } from '../media/useMediaSettings'

/** The workbench's dialogs: one shown at a time, each with what it is about. */
export type Dialog =
  | { kind: 'quick-open' }
  | { kind: 'command-palette' }
  | { kind: 'new-article' }
  | { kind: 'export' }
  | { kind: 'publish' }
  | { kind: 'shortcuts' }
  | { kind: 'settings' }
  | { kind: 'bulk-edit'; paths: string[] }
  | { kind: 'article-menu'; target: MenuTarget }
  /** A rename or move of a file (article or image), previewed with the links it rewrites. */
  | { kind: 'move'; from: string; to: string }
  /** Unsaved work a crash left in the journal, offered back before anything else; it demands a choice. */
  | { kind: 'recovery'; recovered: RecoveredBuffers }
  /** A save found the shown article changed on disk with clashing changes (the buffer store holds the conflict). */
  | { kind: 'conflict'; conflict: Conflict }
  /** An article git left in conflict after a pull, merged from its versions. */
  | { kind: 'git-merge'; path: string }
  /** What happens to unsaved edits before their folder goes away; `answer` is told the choice. */
  | { kind: 'unsaved'; paths: readonly string[]; answer(choice: UnsavedAnswer): void }
  /** The image settings, before the first insert (which waits for the answer) or opened on their own. */
  | ImageSettingsAsk
  /** An image for a Hugo leaf page: make the page a bundle, or put the image in static/images/; the insert waits for `answer`. */
  | { kind: 'leaf-bundle'; from: string; to: string; planned?: { plan: MovePlan; sent: MoveBuffer[] }; answer(answer: LeafAnswer | null): void }

export type DialogKind = Dialog['kind']

/** The shown dialog and those waiting their turn behind it, first to show first. */
export interface DialogQueue {
  shown: Dialog | null
  waiting: readonly Dialog[]
}

export const NO_DIALOGS: DialogQueue = { shown: null, waiting: [] }

/** A change of the queue, and the dialogs it sent away unanswered (the caller cancels them, see `cancel`). */
export interface DialogStep {
  queue: DialogQueue
  dropped: readonly Dialog[]
}

/**
 * A dialog something waits on: a choice the work depends on (recovery, a conflict, unsaved edits,
 * the settings a first image insert waits for). It is never refused nor dropped: arriving while
 * another dialog is shown, it waits its turn; a newer one of its kind takes its place.
 */
export function waitsForAnswer(dialog: Dialog): boolean {
  switch (dialog.kind) {
    case 'recovery':
    case 'conflict':
    case 'unsaved':
    case 'leaf-bundle':
      return true
    case 'image-settings':
      return dialog.purpose === 'insert'
    default:
      return false
  }
}

/** A shown dialog that no shortcut or command replaces: one waited on, or a merge under way. */
export function keepsPlace(dialog: Dialog): boolean {
  return waitsForAnswer(dialog) || dialog.kind === 'git-merge'
}

/**
 * Opening `next`. `holding`: the shown dialog holds its place (work under way or its Undo, see
 * dialog-hold.ts). A dialog waited on goes in at once when none is shown, else in line; any other
 * replaces the shown one unless that one keeps its place or holds, and is refused then.
 */
export function opened(queue: DialogQueue, next: Dialog, holding: boolean): DialogStep {
  const { shown, waiting } = queue
  if (waitsForAnswer(next)) {
    if (shown?.kind === next.kind) return { queue: { shown: next, waiting }, dropped: [shown] }
    const same = waiting.findIndex((d) => d.kind === next.kind)
    if (same !== -1) return { queue: { shown, waiting: waiting.map((d, i) => (i === same ? next : d)) }, dropped: [waiting[same] as Dialog] }
    if (shown === null) return { queue: { shown: next, waiting }, dropped: [] }
    return { queue: { shown, waiting: [...waiting, next] }, dropped: [] }
  }
  if (shown !== null && (keepsPlace(shown) || holding)) return { queue, dropped: [next] }
  return { queue: { shown: next, waiting }, dropped: shown === null ? [] : [shown] }
}

/**
 * Closing the dialogs of `kind`. The shown one gives its place to the first waiting, whatever its
 * kind (image settings saved while an insert's settings question waits: the question shows next).
 * Closed while not shown, those of that kind still waiting go (their cause went away: a conflict
 * resolved elsewhere); a dialog of another kind shown since (a command run from the palette) stays.
 */
export function closed(queue: DialogQueue, kind: DialogKind): DialogStep {
  if (queue.shown?.kind === kind) return { queue: { shown: queue.waiting[0] ?? null, waiting: queue.waiting.slice(1) }, dropped: [] }
  const dropped = queue.waiting.filter((d) => d.kind === kind)
  if (dropped.length === 0) return { queue, dropped }
  return { queue: { shown: queue.shown, waiting: queue.waiting.filter((d) => d.kind !== kind) }, dropped }
}

/** Answers a dialog that went away unanswered the way its Cancel would. */
export function cancel(dialog: Dialog): void {
  if (dialog.kind === 'unsaved') dialog.answer('cancel')
  else if (dialog.kind === 'image-settings' || dialog.kind === 'leaf-bundle') dialog.answer(null)
}

export interface DialogState {
  dialog: Dialog | null
  /** Shows this dialog, or queues it, or refuses it (see `opened`). */
  open(next: Dialog): void
  /** Closes the dialog of this kind (see `closed`). */
  close(kind: DialogKind): void
  /** Asks what happens to unsaved edits; resolves with the choice ('cancel' when the question went away). */
  askUnsaved(paths: readonly string[]): Promise<UnsavedAnswer>
  /** What the shown dialogs hold with (WorkbenchDialogs provides it to them). */
  holder: DialogHold
}

/**
 * The workbench's dialog queue. Each dialog gives focus back to where it was when it opened; when
 * one dialog replaced another, that place was inside the first, so focus goes back to where it
 * was before the first opened.
 */
export function useDialogState(): DialogState {
  const [queue, setQueue] = useState<DialogQueue>(NO_DIALOGS)
  // The queue as last changed: open and close called together in one event each see the other's change.
  const latest = useRef(queue)
  const before = useRef<HTMLElement | null>(null)
  const holding = useRef(0)
  const holder = useMemo<DialogHold>(
    () => ({
      hold: () => {
        holding.current += 1
        return () => {
          holding.current -= 1
        }
      },
    }),
    [],
  )
  const apply = useCallback((step: DialogStep) => {
    latest.current = step.queue
    setQueue(step.queue)
    step.dropped.forEach(cancel)
  }, [])
  const open = useCallback(
    (next: Dialog) => {
      const step = opened(latest.current, next, holding.current > 0)
      if (step.queue.shown === next) {
        const active = document.activeElement
        if (active instanceof HTMLElement && active !== document.body && !active.closest('[aria-modal=true]')) before.current = active
      }
      apply(step)
    },
    [apply],
  )
  const close = useCallback((kind: DialogKind) => apply(closed(latest.current, kind)), [apply])
  const askUnsaved = useCallback((paths: readonly string[]) => new Promise<UnsavedAnswer>((answer) => open({ kind: 'unsaved', paths, answer })), [open])
  const dialog = queue.shown
  useEffect(() => {
    if (dialog !== null) return
    const back = before.current
    before.current = null
    const active = document.activeElement
    if (back?.isConnected && (active === null || active === document.body)) back.focus()
  }, [dialog])
  return useMemo(() => ({ dialog, open, close, askUnsaved, holder }), [dialog, open, close, askUnsaved, holder])
}
