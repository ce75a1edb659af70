/**
 * One field's edit, from focus to blur, as the editor's history sees it: every write is a whole
 * value computed from the document as it is when the write is made (never from a stale render),
 * in the quote style the value had when the edit began, and all writes of one edit are ONE undo
 * step. Writes go to the buffer store, which makes them after the keystroke's paint.
 */
import { isolateHistory } from '@codemirror/commands'
import { type EditorState, Transaction, type TransactionSpec } from '@codemirror/state'
import type { FormWrite } from '../buffers/form-writes'
import { setValue } from '../../shared/frontmatter'
import { headerOf } from '../editor/header-block'
import type { EditOptions, EditValue, TextPatch } from '../../shared/frontmatter/types'

/** A pause this long in one field starts a new undo step. */
export const PAUSE_MS = 1500
/**
 * The history joins events whose user event starts with `input.type` (its joinableUserEvent),
 * that touch each other and come within its group delay of the previous one.
 */
export const FORM_USER_EVENT = 'input.type.form'

type Quote = NonNullable<EditOptions['quote']>

/** Where the form writes: the buffer store (renderer/buffers/buffer-store.ts). */
export interface FormTarget {
  /** The shown article's state with every form write made; null when none is shown. */
  shownState(): EditorState | null
  /** Queues a write, made after the keystroke's paint. */
  formWrite(write: FormWrite): void
  /** Makes every queued write now. */
  flushFormWrites(): void
  /** Undo or redo in the shown article, queued writes made first. */
  history(which: 'undo' | 'redo'): boolean
}

export class FieldSession {
  /** Time stamped on every write of the current undo step, so the history's delay never splits it. */
  private groupTime = 0
  private lastWrite = 0
  private quote: Quote | undefined
  private started = false

  constructor(
    private readonly target: FormTarget,
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

  /** Blur: what was typed reaches the text now, and the next write, from here or anywhere, is a step of its own. */
  end(): void {
    this.target.flushFormWrites()
    this.started = false
    this.groupTime = 0
  }

  /**
   * Writes the whole value (after the paint; keys typed meanwhile make it once, with the last
   * value). `asDate`: the date widget's value, whose timestamp text is written plain so the site reads a date.
   */
  write(value: EditValue, asDate = false): void {
    if (!this.started) this.begin()
    const { key, quote } = this
    const options = { ...this.options(), quote, date: asDate }
    this.target.formWrite({
      merge: `value:${key}`,
      make: (state) => {
        try {
          return this.spec(setValue(headerText(state), key, value, options))
        } catch {
          return null // the header stopped parsing; the form shows why and is read-only
        }
      },
    })
  }

  /**
   * A change computed elsewhere (a chip, a raw edit) as part of this field's step, from the text
   * as it is when it is made. `merge` when it sets the whole value, so that only the last counts.
   */
  edit(make: (doc: string, options: EditOptions) => TextPatch[], merge = false): void {
    const options = this.options()
    this.target.formWrite({
      merge: merge ? `edit:${this.key}` : null,
      make: (state) => {
        try {
          return this.spec(make(headerText(state), options))
        } catch {
          return null // the header stopped parsing between keystroke and write; the banner explains it
        }
      },
    })
  }

  /** The transaction for patches of this field's step, stamped so the history joins them. */
  private spec(patches: readonly TextPatch[]): TransactionSpec | null {
    if (patches.length === 0) return null
    const now = Date.now()
    const fresh = this.groupTime === 0 || now - this.lastWrite > PAUSE_MS
    if (fresh) this.groupTime = now
    this.lastWrite = now
    return {
      changes: patches.map((p) => ({ from: p.from, to: p.to, insert: p.insert })),
      userEvent: FORM_USER_EVENT,
      annotations: [Transaction.time.of(this.groupTime), ...(fresh ? [isolateHistory.of('before')] : [])],
    }
  }

  /** Ctrl+Z / Ctrl+Shift+Z inside the field act on the document, like the editor's own. */
  undo(): boolean {
    return this.history('undo')
  }

  redo(): boolean {
    return this.history('redo')
  }

  private history(which: 'undo' | 'redo'): boolean {
    // What was typed is part of the step being undone: made before the step closes.
    this.target.flushFormWrites()
    this.groupTime = 0
    return this.target.history(which)
  }

  private originalQuote(): Quote | undefined {
    const state = this.target.shownState()
    if (!state) return undefined
    // The header as the editor read it: the same fields the form shows, not parsed again.
    const field = headerOf(state).parsed.fields.find((f) => f.key === this.key)
    if (!field || field.valueRange.from === field.valueRange.to) return undefined
    const first = state.doc.sliceString(field.valueRange.from, field.valueRange.from + 1)
    return first === "'" ? 'single' : first === '"' ? 'double' : 'plain'
  }
}

/**
 * The text a form edit is computed from: the header and nothing after it (patches are offsets from
 * the start, so they apply to the whole document alike). Joining and reading the whole article
 * on every keystroke was most of a write's work. Without a header, the whole text: a new block is
 * placed by what the first lines are. Lines are joined by '\n' as positions count them, never by
 * the file's own break (state.sliceDoc): in a CRLF file that shifted every offset one per line,
 * and a second edit landed past the closing fence.
 */
function headerText(state: EditorState): string {
  const header = headerOf(state)
  return header.block ? state.doc.sliceString(0, header.bodyStart) : state.doc.toString()
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
