/**
 * One field's edit, from focus to blur, as the editor's history sees it: every write is a whole
 * value computed from the document as it is now (never from a stale render), in the quote
 * style the value had when the edit began, and all writes of one edit are ONE undo step.
 */
import { isolateHistory, redo, undo } from '@codemirror/commands'
import { Transaction } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { parse, setValue } from '../../shared/frontmatter'
import type { EditOptions, EditValue, TextPatch } from '../../shared/frontmatter/types'

/** A pause this long in one field starts a new undo step. */
export const PAUSE_MS = 1500
/**
 * The history joins events whose user event starts with `input.type` (its joinableUserEvent),
 * that touch each other and come within its group delay of the previous one.
 */
export const FORM_USER_EVENT = 'input.type.form'

type Quote = NonNullable<EditOptions['quote']>

export class FieldSession {
  /** Time stamped on every write of the current undo step, so the history's delay never splits it. */
  private groupTime = 0
  private lastWrite = 0
  private quote: Quote | undefined
  private started = false

  constructor(
    private readonly view: () => EditorView | null,
    readonly key: string,
    private readonly options: () => EditOptions,
  ) {}

  /** Focus: remembers how the value is quoted now, before any keystroke changes it. */
  begin(): void {
    if (this.started) return
    this.started = true
    this.quote = this.originalQuote()
    this.groupTime = 0
  }

  /** Blur: the next write, from here or anywhere, is a step of its own. */
  end(): void {
    this.started = false
    this.groupTime = 0
  }

  /** Writes the whole value; false when the header cannot be edited right now. */
  write(value: EditValue): boolean {
    const view = this.view()
    if (!view) return false
    if (!this.started) this.begin()
    let patches: TextPatch[]
    try {
      patches = setValue(view.state.doc.toString(), this.key, value, { ...this.options(), quote: this.quote })
    } catch {
      return false // the header stopped parsing; the form shows why and is read-only
    }
    this.dispatch(patches)
    return true
  }

  /** A patch computed elsewhere (a chip, a raw edit) dispatched as part of this field's step. */
  dispatch(patches: readonly TextPatch[]): void {
    const view = this.view()
    if (!view || patches.length === 0) return
    const now = Date.now()
    const fresh = this.groupTime === 0 || now - this.lastWrite > PAUSE_MS
    if (fresh) this.groupTime = now
    this.lastWrite = now
    view.dispatch({
      changes: patches.map((p) => ({ from: p.from, to: p.to, insert: p.insert })),
      userEvent: FORM_USER_EVENT,
      annotations: [Transaction.time.of(this.groupTime), ...(fresh ? [isolateHistory.of('before')] : [])],
    })
  }

  /** Ctrl+Z / Ctrl+Shift+Z inside the field act on the document, like the editor's own. */
  undo(): boolean {
    const view = this.view()
    this.groupTime = 0
    return view ? undo(view) : false
  }

  redo(): boolean {
    const view = this.view()
    this.groupTime = 0
    return view ? redo(view) : false
  }

  private originalQuote(): Quote | undefined {
    const view = this.view()
    if (!view) return undefined
    const text = view.state.doc.toString()
    const field = parse(text, this.options()).fields.find((f) => f.key === this.key)
    if (!field || field.valueRange.from === field.valueRange.to) return undefined
    const first = text[field.valueRange.from]
    return first === "'" ? 'single' : first === '"' ? 'double' : 'plain'
  }
}

/** Whether a key event is the platform's undo or redo. */
export function historyKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): 'undo' | 'redo' | null {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform)
  const mod = mac ? event.metaKey : event.ctrlKey
  if (!mod || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !mac && !event.shiftKey) return 'redo'
  return null
}
