/**
 * The form's inputs. Each keeps the text on screen as its own draft while it has focus and
 * follows the document otherwise (undo, typing in the editor). None of them converts a value:
 * what does not fit the field's kind is shown as written, with a warning.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import type { FieldSession } from './field-session'
import { historyKey } from './field-session'
import { registerPending } from './pending'
import { suggest } from './suggest'
import type { ValueCount } from '../../shared/schema'
import { fromInputValue, readWallClock, toInputValue, writeWallClock } from './wall-clock'
import { writeTypedDate } from './typed-date'
import { shownPath, typedPath } from './category-path'

interface Common {
  label: string
  readOnly: boolean
  session: FieldSession
}

/** An input method is composing: the key or the text is not the writer's yet. */
function composingEvent(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229
}

/** Ctrl+Z / Ctrl+Shift+Z act on the document's history, so the file follows the field. */
function onHistoryKey(event: KeyboardEvent, session: FieldSession, before?: () => boolean): boolean {
  const which = historyKey(event)
  if (!which || composingEvent(event)) return false
  event.preventDefault()
  if (before?.()) return true
  if (which === 'undo') session.undo()
  else session.redo()
  return true
}

/**
 * The draft: what the field shows. It follows the document when the document changes, except
 * during a composition (the IME owns the text then).
 */
function useDraft(value: string, composing: { current: boolean }): [string, (next: string) => void] {
  const [draft, setDraft] = useState(value)
  useEffect(() => {
    if (!composing.current) setDraft(value)
  }, [value, composing])
  return [draft, setDraft]
}

/** Marks a composition and, when it ends, takes the committed text as the draft. */
function draftComposition(composing: { current: boolean }, setDraft: (next: string) => void) {
  return {
    onCompositionStart: () => (composing.current = true),
    onCompositionEnd: (event: { currentTarget: { value: string } }) => {
      composing.current = false
      setDraft(event.currentTarget.value)
    },
  }
}

export function Warning({ children }: { children: ReactNode }) {
  return (
    <span className="property-warning" role="note" data-testid="property-warning">
      {children}
    </span>
  )
}

/** Whether an input's text runs past its edge. */
function runsPast(field: HTMLInputElement): boolean {
  return field.scrollWidth > field.clientWidth + 1
}

/**
 * Text written as it is typed: one whole-value write per keystroke (none during a composition,
 * one when it commits), all of it one undo step. `wrapped` shows a one-line value wrapped over as
 * many rows as it takes (expanded): it stays one line, so Enter adds nothing and a pasted line
 * break becomes a space.
 */
export function TextField(
  props: Common & {
    value: string
    multiline: boolean
    wrapped?: boolean
    id?: string
    /** Told whether the one-line input's text runs past its edge, as the text or the input's width changes. */
    onOverflow?(overflow: boolean): void
    onWrite(next: string): void
  },
) {
  const { value, label, readOnly, multiline, wrapped = false, session, onOverflow, onWrite } = props
  const composing = useRef(false)
  const [draft, setDraft] = useDraft(value, composing)
  const input = useRef<HTMLInputElement | null>(null)
  useEffect(() => {
    const field = input.current
    if (!field || !onOverflow) return
    const observer = new ResizeObserver(() => onOverflow(runsPast(field)))
    observer.observe(field)
    return () => observer.disconnect()
  }, [onOverflow, wrapped, multiline])
  // The text's own width: read after React set it, in the layout the frame's paint needs anyway.
  useEffect(() => {
    const field = input.current
    if (field && onOverflow) onOverflow(runsPast(field))
  }, [draft, onOverflow, wrapped, multiline])
  const oneLine = (text: string) => (wrapped ? text.replace(/\r?\n/g, ' ') : text)
  const common = {
    id: props.id,
    'aria-label': label,
    value: draft,
    readOnly,
    spellCheck: multiline,
    onFocus: () => session.begin(),
    onBlur: () => session.end(),
    onChange: (event: { currentTarget: { value: string }; nativeEvent: Event }) => {
      const next = oneLine(event.currentTarget.value)
      setDraft(next)
      if (!composing.current && !(event.nativeEvent as InputEvent).isComposing) onWrite(next)
    },
    onCompositionStart: () => (composing.current = true),
    onCompositionEnd: (event: { currentTarget: { value: string } }) => {
      composing.current = false
      const next = oneLine(event.currentTarget.value)
      setDraft(next)
      onWrite(next)
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (wrapped && event.key === 'Enter' && !composingEvent(event)) event.preventDefault()
      else onHistoryKey(event, session)
    },
  }
  if (wrapped) return <textarea className="one-line-wrapped" rows={1} {...common} />
  return multiline ? <textarea rows={3} {...common} /> : <input type="text" ref={input} {...common} />
}

/**
 * A one-line value (a title, a URL, an image path). When it runs past the field's edge, a button
 * beside the field shows all of it wrapped over several rows, still editable and still one line,
 * and puts it back on one line. The button is in the tab order; its name says which field.
 */
export function OneLineField(props: Common & { value: string; expandLabel: string; collapseLabel: string; children?: ReactNode; onWrite(next: string): void }) {
  const [expanded, setExpanded] = useState(false)
  const [overflow, setOverflow] = useState(false)
  const id = useId()
  const name = expanded ? props.collapseLabel : props.expandLabel
  return (
    <div className="one-line">
      <TextField {...props} id={id} multiline={false} wrapped={expanded} onOverflow={expanded ? undefined : setOverflow} />
      {(expanded || overflow) && (
        <button
          type="button"
          className="one-line-expand"
          aria-label={name}
          title={name}
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? '⤡' : '⤢'}
        </button>
      )}
      {props.children}
    </div>
  )
}

/**
 * A date as text, read when committed (Enter, Tab, blur, Save) in any of the folder's forms and
 * written in the field's own form; a picker beside it for the forms it can show.
 */
export function DateField(
  props: Common & {
    text: string
    formats: readonly string[]
    pickLabel: string
    notDate: string
    /** What to say when the text names a weekday its day does not fall on (it is kept as written). */
    wrongWeekday: string | null
    onWrite(next: string): void
  },
) {
  const { text, label, readOnly, session, formats, onWrite } = props
  const composing = useRef(false)
  const [draft, setDraft] = useDraft(text, composing)
  const latest = useRef({ draft, text, formats, onWrite })
  latest.current = { draft, text, formats, onWrite }
  const commit = () => {
    const { draft: typed, text: current, formats: known, onWrite: write } = latest.current
    if (typed === current) return
    // Not a date: kept exactly as typed (the warning says so), never converted.
    const written = typed.trim() === '' ? typed : (writeTypedDate(typed, current, known) ?? typed)
    setDraft(written)
    if (written !== current) write(written)
  }
  useEffect(() => (draft !== text ? registerPending(commit) : undefined))
  const clock = readWallClock(text)
  // The picker's own value while it has focus: its write lands after the paint, and until then
  // the document's value would reset the segment being typed (a year typed 2, 0, 2, 2 stopped at 0002).
  const [picked, setPicked] = useState<string | null>(null)
  return (
    <div className="date-widget">
      <input
        type="text"
        aria-label={label}
        value={draft}
        readOnly={readOnly}
        spellCheck={false}
        onFocus={() => session.begin()}
        onBlur={() => {
          commit()
          session.end()
        }}
        onChange={(event) => setDraft(event.currentTarget.value)}
        {...draftComposition(composing, setDraft)}
        onKeyDown={(event) => {
          if (composingEvent(event)) return
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          } else if (event.key === 'Escape' && draft !== text) {
            event.preventDefault()
            setDraft(text)
          } else {
            // Undo first drops what was typed and not yet committed, then walks the history.
            onHistoryKey(event, session, () => {
              if (latest.current.draft === latest.current.text) return false
              setDraft(latest.current.text)
              return true
            })
          }
        }}
      />
      {clock && !readOnly && (
        <input
          type={clock.hasTime ? 'datetime-local' : 'date'}
          className="date-picker"
          step={1}
          aria-label={props.pickLabel}
          value={picked ?? toInputValue(clock)}
          onFocus={() => session.begin()}
          onBlur={() => {
            setPicked(null)
            session.end()
          }}
          onChange={(event) => {
            const value = event.currentTarget.value
            setPicked(value)
            const next = fromInputValue(value, clock.hasTime)
            const written = next && writeWallClock(text, next)
            if (written) onWrite(written)
          }}
        />
      )}
      {text.trim() !== '' && !clock && <Warning>{props.notDate}</Warning>}
      {props.wrongWeekday !== null && <Warning>{props.wrongWeekday}</Warning>}
    </div>
  )
}

/** A number, written when what is typed is one; anything else waits with a warning. */
export function NumberField(props: Common & { text: string; notNumber: string; onWrite(next: number): void }) {
  const { text, label, readOnly, session, onWrite } = props
  const composing = useRef(false)
  const [draft, setDraft] = useState(text)
  // The document wins unless the draft is the same number (`1.50` on screen, 1.5 written).
  useEffect(() => setDraft((d) => (d.trim() !== '' && Number(d) === Number(text) ? d : text)), [text])
  const valid = draft.trim() !== '' && Number.isFinite(Number(draft))
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={draft}
        readOnly={readOnly}
        onFocus={() => session.begin()}
        onBlur={() => {
          session.end()
          if (!valid) setDraft(text)
        }}
        onChange={(event) => {
          const next = event.currentTarget.value
          setDraft(next)
          if (!composing.current && next.trim() !== '' && Number.isFinite(Number(next))) onWrite(Number(next))
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        onKeyDown={(event) => void onHistoryKey(event, session)}
      />
      {!valid && <Warning>{props.notNumber}</Warning>}
    </>
  )
}

export function BooleanField(props: { value: boolean; label: string; readOnly: boolean; onChange(next: boolean): void }) {
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

/**
 * A list as chips. Enter or a comma adds the typed text as a chip (not the Enter that ends a
 * composition); suggestions come from the folder's values, best match and most used first,
 * chosen with the arrow keys.
 */
export function ChipsField(props: {
  items: string[]
  /** Hexo categories: the items are one path, shown as A › B. */
  path: boolean
  /** Hexo categories: `A > B` (or A › B) typed is a new category path of its own. */
  paths: boolean
  placeholder?: string
  label: string
  removeLabel(item: string): string
  values: readonly ValueCount[]
  choices: readonly string[]
  readOnly: boolean
  session: FieldSession
  /** Plain values, and paths (of two or more levels) when `paths` is set. */
  onAdd(items: (string | string[])[]): void
  onRemove(index: number): void
}) {
  const { items, label, readOnly, session } = props
  const [draft, setDraft] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const composing = useRef(false)
  const listId = useId()
  const shown = open ? suggest(props.values, props.choices, draft, items) : []
  const add = (texts: string[]) => {
    const seen = new Set(items)
    const fresh: (string | string[])[] = []
    for (const text of texts) {
      const item = props.paths ? typedPath(text) : text.trim()
      const shown = typeof item === 'string' ? item : shownPath(item)
      if (shown === '' || seen.has(shown)) continue
      seen.add(shown)
      fresh.push(item)
    }
    if (fresh.length) props.onAdd(fresh)
    setDraft('')
    setActive(-1)
  }
  return (
    <div className={'chips' + (props.path ? ' chips-path' : '')}>
      {items.map((item, index) => (
        <span className="chip" data-testid="chip" key={`${index}:${item}`}>
          {item}
          {!readOnly && (
            <button type="button" className="chip-remove" aria-label={props.removeLabel(item)} onClick={() => props.onRemove(index)}>
              ×
            </button>
          )}
        </span>
      ))}
      {!readOnly && (
        <span className="chip-entry">
          <input
            type="text"
            className="chip-input"
            role="combobox"
            aria-label={label}
            aria-expanded={shown.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 && shown[active] ? `${listId}-${active}` : undefined}
            placeholder={props.placeholder}
            value={draft}
            onFocus={() => {
              session.begin()
              setOpen(true)
            }}
            onBlur={() => {
              if (draft.trim()) add([draft])
              setOpen(false)
              session.end()
            }}
            onChange={(event) => {
              const next = event.currentTarget.value
              setOpen(true)
              setActive(-1)
              // A pasted `js, 前端` is two chips; what follows the last comma is still being typed.
              if (!composing.current && next.includes(',')) {
                const parts = next.split(/[,，]/)
                add(parts.slice(0, -1))
                setDraft(parts[parts.length - 1] ?? '')
              } else setDraft(next)
            }}
            {...draftComposition(composing, setDraft)}
            onKeyDown={(event) => {
              if (composingEvent(event)) return
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault()
                setOpen(true)
                const n = shown.length
                if (n) setActive((a) => (event.key === 'ArrowDown' ? (a + 1) % n : (a <= 0 ? n : a) - 1))
              } else if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault()
                const picked = active >= 0 ? shown[active] : undefined
                add([picked ?? draft])
              } else if (event.key === 'Escape' && (shown.length || draft)) {
                // First the suggestions go, then what was typed: leaving the field would add it as a chip.
                event.preventDefault()
                if (shown.length) setOpen(false)
                else setDraft('')
              } else onHistoryKey(event, session)
            }}
          />
          {shown.length > 0 && (
            <ul className="suggestions" role="listbox" id={listId} aria-label={label} data-testid="suggestions">
              {shown.map((s, i) => (
                <li
                  key={s}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // Keep focus in the input: a click picks, it does not blur.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => add([s])}
                >
                  {s}
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
    </div>
  )
}

/** An image path, with its thumbnail and a list of the images kept with the article to pick from. */
export function ImageField(
  props: Common & {
    value: string
    expandLabel: string
    collapseLabel: string
    thumbnail: string | null
    chooseLabel: string
    noImages: string
    listImages(): Promise<string[]>
    onWrite(next: string): void
  },
) {
  const [images, setImages] = useState<string[] | null>(null)
  const [open, setOpen] = useState(false)
  const listId = useId()
  const toggle = () => {
    if (open) return setOpen(false)
    setOpen(true)
    props.listImages().then(setImages, () => setImages([]))
  }
  return (
    <div className="image-field">
      <OneLineField {...props}>
        {!props.readOnly && (
          <button type="button" className="image-choose" aria-expanded={open} aria-controls={listId} onClick={toggle}>
            {props.chooseLabel}
          </button>
        )}
      </OneLineField>
      {open && (
        <ul className="suggestions image-choices" id={listId} aria-label={props.chooseLabel} data-testid="image-choices">
          {images === null ? null : images.length === 0 ? (
            <li className="empty">{props.noImages}</li>
          ) : (
            images.map((image) => (
              <li key={image}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false)
                    props.session.begin()
                    props.onWrite(image)
                    props.session.end()
                  }}
                >
                  {image}
                </button>
              </li>
            ))
          )}
        </ul>
      )}
      {props.thumbnail && <img className="property-thumb" data-testid="property-thumb" src={props.thumbnail} alt="" loading="lazy" />}
    </div>
  )
}
