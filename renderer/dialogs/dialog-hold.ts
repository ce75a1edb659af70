import { createContext, useContext, useEffect } from 'react'

/**
 * How a dialog keeps the workbench from putting another dialog in its place while it holds work
 * the user would lose with it: a move or bulk edit under way, or the Undo it offers afterwards.
 * Shortcuts and menu commands still arrive while a dialog is open; the workbench refuses to open
 * another dialog while any shown dialog holds. Dialogs outside the workbench hold nothing.
 */
export interface DialogHold {
  /** Counts one more dialog that holds; the function it gives back lets go. */
  hold(): () => void
}

export const DialogHoldContext = createContext<DialogHold>({ hold: () => () => undefined })

/** Holds the workbench's dialog place while `holding` is true and the dialog is shown. */
export function useDialogHold(holding: boolean): void {
  const { hold } = useContext(DialogHoldContext)
  useEffect(() => (holding ? hold() : undefined), [holding, hold])
}
