import { useId, type ReactNode } from 'react'

interface Props {
  title: string
  testId: string
  /** Clicking outside or pressing Escape calls this; without it the dialog demands a choice. */
  onDismiss?: () => void
  role?: 'dialog' | 'alertdialog'
  /** Show the title as a heading (default) or only name the dialog with it. */
  showTitle?: boolean
  className?: string
  children: ReactNode
}

/** Every dialog's frame: backdrop, accessible name, Escape and outside click to dismiss. */
export function Modal({ title, testId, onDismiss, role = 'dialog', showTitle = true, className, children }: Props) {
  const id = useId()
  return (
    <div className="modal-backdrop" onClick={onDismiss} onKeyDown={(e) => e.key === 'Escape' && onDismiss?.()}>
      <div
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
