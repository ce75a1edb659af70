import { useId, useRef, type ReactNode } from 'react'
import { useDialogHold } from './dialog-hold'
import { useFocusTrap } from './focus-trap'

interface Props {
  title: string
  testId: string
  /** Clicking outside or pressing Escape calls this; without it the dialog demands a choice. */
  onDismiss?: () => void
  /**
   * Another dialog must not take this one's place (its result offers an Undo). A dialog that
   * cannot be dismissed (no onDismiss: work under way, or a choice it demands) holds as well.
   */
  holds?: boolean
  role?: 'dialog' | 'alertdialog'
  /** Show the title as a heading (default) or only name the dialog with it. */
  showTitle?: boolean
  className?: string
  children: ReactNode
}

/** Every dialog's frame: backdrop, accessible name, focus kept inside, Escape and outside click to dismiss. */
export function Modal({ title, testId, onDismiss, holds = false, role = 'dialog', showTitle = true, className, children }: Props) {
  const id = useId()
  useDialogHold(holds || !onDismiss)
  const dialog = useRef<HTMLDivElement>(null)
  useFocusTrap(dialog)
  return (
    <div
      className="modal-backdrop"
      onClick={onDismiss}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onDismiss) return
        e.stopPropagation()
        onDismiss()
      }}
    >
      <div
        ref={dialog}
        tabIndex={-1}
        className={'modal' + (className ? ` ${className}` : '')}
        role={role}
        aria-modal="true"
        {...(showTitle ? { 'aria-labelledby': id } : { 'aria-label': title })}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        {showTitle && <h2 id={id}>{title}</h2>}
        {children}
      </div>
    </div>
  )
}
