import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DialogHold } from '../dialogs/dialog-hold'
import type { MenuTarget } from '../library/ArticleMenu'

/** The workbench's dialogs: one at a time, each with what it is about. */
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

export type DialogKind = Dialog['kind']

export interface DialogState {
  dialog: Dialog | null
  /** Shows this dialog, closing the one that was open, unless that one holds (see dialog-hold.ts). */
  open(next: Dialog): void
  /** Closes the dialog of this kind; one opened since (a command run from the palette) stays open. */
  close(kind: DialogKind): void
  /** What the shown dialogs hold with (WorkbenchDialogs provides it to them). */
  holder: DialogHold
}

/**
 * The one open dialog. Each dialog gives focus back to where it was when it opened; when one
 * dialog replaced another, that place was inside the first, so focus goes back to where it was
 * before the first opened.
 */
export function useDialogState(): DialogState {
  const [dialog, setDialog] = useState<Dialog | null>(null)
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
  const open = useCallback((next: Dialog) => {
    if (holding.current > 0) return
    const active = document.activeElement
    if (active instanceof HTMLElement && active !== document.body && !active.closest('[aria-modal=true]')) before.current = active
    setDialog(next)
  }, [])
  const close = useCallback((kind: DialogKind) => setDialog((shown) => (shown?.kind === kind ? null : shown)), [])
  useEffect(() => {
    if (dialog !== null) return
    const back = before.current
    before.current = null
    const active = document.activeElement
    if (back?.isConnected && (active === null || active === document.body)) back.focus()
  }, [dialog])
  return useMemo(() => ({ dialog, open, close, holder }), [dialog, open, close, holder])
}
