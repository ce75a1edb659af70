import { useEffect, useState } from 'react'

/** A text input that shows the document's value and reports every change as it is typed. */
export function TextWidget(props: { value: string; label: string; multiline: boolean; readOnly: boolean; onChange(next: string): void }) {
  const { value, label, multiline, readOnly, onChange } = props
  const [draft, setDraft] = useState(value)
  // The document is the truth: when it changes underneath (undo, typing in the editor), follow it.
  useEffect(() => setDraft(value), [value])
  const common = {
    'aria-label': label,
    value: draft,
    readOnly,
    onChange: (event: { currentTarget: { value: string } }) => {
      setDraft(event.currentTarget.value)
      onChange(event.currentTarget.value)
    },
  }
  return multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />
}

export function NumberWidget(props: { value: number; label: string; readOnly: boolean; onChange(next: number): void }) {
  const [draft, setDraft] = useState(String(props.value))
  useEffect(() => setDraft(String(props.value)), [props.value])
  return (
    <input
      type="number"
      aria-label={props.label}
      value={draft}
      readOnly={props.readOnly}
      onChange={(event) => {
        setDraft(event.currentTarget.value)
        const next = Number(event.currentTarget.value)
        if (event.currentTarget.value.trim() !== '' && Number.isFinite(next)) props.onChange(next)
      }}
    />
  )
}

export function BooleanWidget(props: { value: boolean; label: string; readOnly: boolean; onChange(next: boolean): void }) {
  return (
    <input
      type="checkbox"
      role="switch"
      aria-label={props.label}
      checked={props.value}
      disabled={props.readOnly}
      onChange={(event) => props.onChange(event.currentTarget.checked)}
    />
  )
}

/** Scalars of a list as chips; suggestions come from the values used across the folder. */
export function ChipsWidget(props: {
  items: string[]
  label: string
  removeLabel(item: string): string
  suggestions: string[]
  readOnly: boolean
  onAdd(item: string): void
  onRemove(index: number): void
}) {
  const [draft, setDraft] = useState('')
  const listId = `suggest-${props.label.replace(/\W+/g, '-')}`
  const add = () => {
    const item = draft.trim()
    if (item && !props.items.includes(item)) props.onAdd(item)
    setDraft('')
  }
  return (
    <div className="chips">
      {props.items.map((item, index) => (
        <span className="chip" key={`${index}:${item}`}>
          {item}
          {!props.readOnly && (
            <button type="button" className="chip-remove" aria-label={props.removeLabel(item)} onClick={() => props.onRemove(index)}>
              ×
            </button>
          )}
        </span>
      ))}
      {!props.readOnly && (
        <>
          <input
            type="text"
            className="chip-input"
            aria-label={props.label}
            list={listId}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault()
                add()
              }
            }}
            onBlur={add}
          />
          <datalist id={listId}>
            {props.suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      )}
    </div>
  )
}
