import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { Modal } from './Modal'

interface Props {
  title: string
  testId: string
  /** The input's accessible name, and its placeholder while it is empty. */
  label: string
  /** What the input starts with: a path starts with its name selected (not the folder or the extension), as file managers do. */
  initial?: string
  submitLabel: string
  /** The line typed, trimmed; never empty (the button is disabled and Enter does nothing then). */
  onSubmit(value: string): void
  onCancel(): void
  /** Controls between the input and the buttons (the new article's draft box). */
  children?: ReactNode
}

/** Asks for one line, a path or a title: Enter or the button submits it, Escape cancels. */
export function PathPromptDialog({ title, testId, label, initial = '', submitLabel, onSubmit, onCancel, children }: Props) {
  const { t } = useI18n()
  const [value, setValue] = useState(initial)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const start = initial.lastIndexOf('/') + 1
    const dot = initial.lastIndexOf('.')
    input.current?.focus()
    input.current?.setSelectionRange(start, dot > start ? dot : initial.length)
  }, [initial])

  const submit = () => {
    const line = value.trim()
    if (line) onSubmit(line)
  }

  return (
    <Modal title={title} testId={testId} onDismiss={onCancel}>
      <input
        ref={input}
        type="text"
        aria-label={label}
        placeholder={initial ? undefined : label}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          // The dialog closes at once and focus goes back to where it was (a button, the list):
          // left to its default, this Enter would then press or open that too.
          e.preventDefault()
          submit()
        }}
      />
      {children}
      <div className="actions">
        <button onClick={submit} disabled={!value.trim()}>
          {submitLabel}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
