/**
 * The open articles' buffers, outside React: each article's EditorState, the text and hash it is
 * based on (as last read or saved), and its state (see transitions.ts, the one table of moves).
 * React reads it through useSyncExternalStore (use-buffers.ts); everything else calls its methods.
 *
 * One EditorView shows one buffer at a time. Buffers with unsaved edits stay in memory, undo
 * history included, while another article is shown; clean ones are dropped when the writer
 * moves on. Without a view (unit tests) `dispatch` applies transactions to the shown state.
 */
import { EditorState, Transaction, type ChangeSpec, type Extension, type Text, type TransactionSpec } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { isolateHistory, redo, undo } from '@codemirror/commands'
import type { ArticleFile, ContentChange, InvokeApi, SaveResult, UnsavedBuffer } from '../../shared/contract'
import { FolioError, type Said } from '../../shared/errors'
import { detect } from '../../shared/frontmatter'
import { joinedText, type JoinedText } from '../editor/doc-span'
import { foldHeader } from '../editor/frontmatter-fold'
import { headerOf, readHeader, type HeaderBlock, type HeaderRules } from '../editor/header-block'
import { folioSetup } from '../editor/setup'
import { reloadTransaction } from '../workbench/reload'
import { cleanMerge } from '../merge/conflict'
import { mergedSummary } from '../merge/hunks'
import { FORM_IDLE_TIMEOUT_MS, FORM_PAUSE_MS, FormWriteQueue, idleEnough, typedLongEnough, type FormWrite } from './form-writes'
import { commitPendingEdits } from '../properties/pending'
import { nextState, type BufferEvent, type BufferState } from './transitions'

/** What the store asks of the main process. */
export type BufferApi = Pick<InvokeApi, 'readArticle' | 'saveArticle' | 'saveArticleAs' | 'makeArticleWritable'>

/** A save that found the file changed on disk: the three texts a merge needs. */
export interface Conflict {
  path: string
  /**
   * The text as last read or saved (lines joined by '\n'): the common ancestor. Null when it is
   * not known (restored from the journal after the disk moved on): the merge compares two texts.
   */
  base: string | null
  /** The buffer's text now (lines joined by '\n'). */
  mine: string
  /** What the disk holds now, as read (its own line endings), and its hash. */
  disk: { text: string; hash: string }
}

/** What an 'error' state comes from: a save, opening an article, or bringing journaled edits back. */
export type FailedStep = 'save' | 'open' | 'restore'

/** A failure that is not the shown buffer's own save: shown until another article is shown. */
interface Notice {
  step: 'open' | 'restore'
  /** One message a file. */
  messages: readonly string[]
}

/** Changes on disk merged with mine without asking, to be announced. */
export interface MergedNotice {
  path: string
  /** Header keys the disk's changes touched (empty: body only). */
  keys: readonly string[]
}

export interface Cursor {
  line: number
  column: number
}

/** What React shows: replaced as a whole on every change, so equal snapshots mean nothing changed. */
export interface BufferSnapshot {
  /** The shown article, or null. */
  path: string | null
  /**
   * The shown document with lines joined by '\n' whatever the file uses, so offsets equal
   * CodeMirror positions. Header changes arrive after the keystroke's paint; body typing when
   * typing pauses.
   */
  text: string
  /** The header block of `text`, as the editor's header field read it. */
  header: HeaderBlock
  /** The shown file's line ending: form patches insert lines with it. */
  eol: '\n' | '\r\n'
  /** The shown buffer's state ('clean' when none is shown); 'error' also when opening failed. */
  state: BufferState
  /** Why the last action on the shown article failed, or what happened to it on disk. */
  message: string | null
  /** What failed when `state` is 'error': the label the status bar puts before `failures`. */
  failed: FailedStep | null
  /** Each failure's own message (one per file when several restores failed), each shown apart. */
  failures: readonly string[]
  readOnly: string | null
  /** The read-only reason named, for the UI's language. */
  readOnlyReason: Said | null
  /** The read-only reason is the file's permission, which makeWritable can lift. */
  canMakeWritable: boolean
  /** The shown buffer's conflict while its dialog is open. */
  conflict: Conflict | null
  /** Every path with unsaved edits (shown or kept in memory), sorted. */
  unsaved: readonly string[]
  /** How many writes the store made: our own writes raise no change event, so views refresh on it. */
  writes: number
  /** The shown article's last save merged changes made on disk by themselves (until dismissed). */
  merged: MergedNotice | null
}

export interface BufferStoreOptions {
  /** Turns an error into the sentence the writer reads (the UI language). */
  describe(error: unknown): string
  /** The editor's accessible name (the UI language). */
  label: string
  /** The folder's header rules: every buffer's header is read with them. */
  rules: HeaderRules
  /** Body typing reaches `text` once typing pauses this long (a 1 MB join per key is too slow). */
  textDelayMs?: number
  /** Runs the cursor's and a header change's update after the keystroke's frame (tests run them at once). */
  later?(run: () => void): void
  /** The editor's words in the UI language (renderer/editor/phrases.ts): each state is made with them. */
  phrases?: Extension
  /** More of each buffer's editor, given its path as it is now (it follows renames): the link lint. */
  extensions?(path: () => string): Extension[]
}

interface Buffer {
  path: string
  state: EditorState
  status: BufferState
  /** Hash of the disk bytes the buffer is based on. */
  baseHash: string
  /** The text as last read or saved: equal to it means no unsaved edits; the base of a merge. */
  base: Text
  /** The file began with a UTF-8 byte order mark: a recreated file gets it back. */
  bom: boolean
  readOnly: string | null
  /** Why it is read-only, named for the UI's language. */
  readOnlyReason: Said | null
  canMakeWritable: boolean
  /** What the disk held when a save conflicted. */
  disk: { text: string; hash: string } | null
  message: string | null
}

type Loaded = Pick<ArticleFile, 'path' | 'text' | 'bom' | 'eol' | 'hash' | 'readOnly' | 'readOnlyReason' | 'canMakeWritable'>

/** One empty list for every snapshot without a failure: a new [] each time would re-render the memoised status bar on every keystroke. */
const NO_FAILURES: readonly string[] = []
const NO_HEADER = readHeader(EditorState.create({ doc: '' }).doc, { site: 'plain' })

const TEXT_DELAY_MS = 200

function cursorOf(state: EditorState): Cursor {
  const head = state.selection.main.head
  const line = state.doc.lineAt(head)
  return { line: line.number, column: head - line.from + 1 }
}

function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run))
}

/** An unsaved buffer as the crash journal reads it (BufferStore.unsavedDocs). */
export interface UnsavedDoc {
  path: string
  baseHash: string
  /** The editor's document: the same object while the text is unchanged. */
  doc: Text
  /** The file's own line break, which `text()` joins the document's lines with. */
  lineBreak: string
  text(): string
}

function edited(buffer: Buffer): boolean {
  return !buffer.state.doc.eq(buffer.base)
}

function isCode(error: unknown, code: FolioError['code']): error is FolioError {
  return error instanceof FolioError && error.code === code
}

export class BufferStore {
  readonly #api: BufferApi
  #options: BufferStoreOptions
  #view: EditorView | null = null
  /** Every buffer kept: the shown one, and those with unsaved edits. */
  readonly #buffers = new Map<string, Buffer>()
  #shown: Buffer | null = null
  /** Opening or restoring failed: shown until another article is shown. */
  #notice: Notice | null = null
  #conflictOpen = false
  #merged: MergedNotice | null = null
  /** Buffers whose base text is not the text of this base hash (restored after the disk moved on). */
  readonly #baseUnknown = new WeakMap<Buffer, string>()
  #text = ''
  /** The shown buffer's document #text was made from: the next text is made from it and the edit between. */
  #joined: (JoinedText & { buffer: Buffer }) | null = null
  #header: HeaderBlock = NO_HEADER
  #cursor: Cursor = { line: 1, column: 1 }
  #cursorQueued = false
  #textQueued = false
  #textTimer: ReturnType<typeof setTimeout> | undefined
  readonly #formWrites = new FormWriteQueue<Buffer>()
  #formQueued = false
  /** When the first queued form write was asked for (performance.now()). */
  #formFirst = 0
  #formTimer: ReturnType<typeof setTimeout> | undefined
  /** The idle callback that will make the queued form writes, when one is asked for. */
  #formIdle: number | undefined
  /** When the queued form writes were first asked of the idle time (performance.now()). */
  #formDue: number | undefined
  #writes = 0
  #edits = 0
  /** Counts opens, so a slow read never replaces an article opened after it. */
  #opening = 0
  readonly #listeners = new Set<() => void>()
  readonly #cursorListeners = new Set<() => void>()
  readonly #editListeners = new Set<() => void>()
  #snapshot: BufferSnapshot

  constructor(api: BufferApi, options: BufferStoreOptions) {
    this.#api = api
    this.#options = options
    this.#snapshot = this.#build()
  }

  // ---- reading (stable functions: safe as useSyncExternalStore's arguments and effect deps) ----

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  readonly getSnapshot = (): BufferSnapshot => this.#snapshot

  /**
   * The cursor's line and column, apart from the snapshot: every keystroke moves it, and only the
   * status bar shows it, so a move re-renders that and not the whole workbench.
   */
  readonly subscribeCursor = (listener: () => void): (() => void) => {
    this.#cursorListeners.add(listener)
    return () => void this.#cursorListeners.delete(listener)
  }

  readonly getCursor = (): Cursor => this.#cursor

  /** The state of the buffer at `path`, or null when none is kept. */
  stateOf(path: string): BufferState | null {
    return this.#buffers.get(path)?.status ?? null
  }

  /** The EditorState of the buffer at `path` (tests and the merge view read it), form writes made. */
  editorState(path: string): EditorState | null {
    this.flushFormWrites()
    return this.#buffers.get(path)?.state ?? null
  }

  /**
   * The EditorState of the buffer at `path` as it is, form writes still waiting left to wait: for a
   * view that follows the text on a timer of its own (the preview), which must not make them in
   * its task, just as a key may come (they reach it once made, as any other edit does).
   */
  readonly liveState = (path: string): EditorState | null => this.#buffers.get(path)?.state ?? null

  /** The shown buffer's EditorState, form writes made; null when none is shown. */
  readonly shownState = (): EditorState | null => {
    this.flushFormWrites()
    return this.#shown?.state ?? null
  }

  /** The conflict of the shown buffer, whether or not its dialog is open. */
  conflict(): Conflict | null {
    const shown = this.#shown
    if (!shown?.disk || shown.status !== 'conflict') return null
    return { path: shown.path, base: this.#baseText(shown), mine: shown.state.doc.toString(), disk: shown.disk }
  }

  /** The text the buffer's base hash belongs to, or null when it is not known. */
  #baseText(buffer: Buffer): string | null {
    return this.#baseUnknown.get(buffer) === buffer.baseHash ? null : buffer.base.toString()
  }

  /** Every unsaved buffer, with the file's own line endings. */
  readonly unsavedBuffers = (): UnsavedBuffer[] => {
    this.flushFormWrites()
    return this.unsavedDocs().map(({ path, text, baseHash }) => ({ path, text: text(), baseHash }))
  }

  /**
   * Every unsaved buffer's document, for the crash journal: `text()` (with the file's own line
   * endings) copies the whole text, so the journal asks for it only when `doc` is another one.
   * Form writes still waiting are left to wait: the journal's timer can fire just as a key comes,
   * and making them there put a header write in that key's way. Once made, they are edits the
   * journal is told of like any other.
   */
  readonly unsavedDocs = (): UnsavedDoc[] =>
    [...this.#buffers.values()].filter(edited).map((b) => {
      const state = b.state
      return { path: b.path, baseHash: b.baseHash, doc: state.doc, lineBreak: state.lineBreak, text: () => state.sliceDoc() }
    })

  /** Counts document changes in any buffer: equal counts mean the texts are unchanged. */
  readonly editCount = (): number => this.#edits

  /** Calls `listener` on every document change, at once (`text` lags while typing goes on). */
  readonly onEdit = (listener: () => void): (() => void) => {
    this.#editListeners.add(listener)
    return () => void this.#editListeners.delete(listener)
  }

  // ---- set-up ----

  /** The UI language or the folder's rules changed: buffers made from now on use them. */
  configure(options: Partial<BufferStoreOptions>): void {
    this.#options = { ...this.#options, ...options }
  }

  /** The one EditorView (null when it goes): it shows the shown buffer's state. */
  readonly attachView = (view: EditorView | null): void => {
    this.#view = view
    const shown = this.#shown
    if (view && shown && view.state !== shown.state) view.setState(shown.state)
  }

  /** Applies a transaction to the shown buffer (through the view when there is one). */
  dispatch(spec: TransactionSpec): void {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown) return
    if (this.#view && this.#view.state === shown.state) {
      this.#view.dispatch(spec)
      return
    }
    this.#commit(shown, shown.state.update(spec))
  }

  /** A transaction made on a buffer's state without the view (no view, or not the shown buffer). */
  #commit(buffer: Buffer, tr: Transaction): void {
    buffer.state = tr.state
    this.#updated(buffer, tr.docChanged, tr.docChanged && touchesHeader(tr.startState, firstChange(tr)), tr.docChanged || tr.selection !== undefined)
  }

  // ---- the form's writes ----

  /**
   * A form edit: made in the window's idle time once typing pauses (or has gone on for the
   * longest wait), from the buffer's state as it is then; consecutive writes of one value are made
   * once (see form-writes.ts). Everything that reads, saves, replaces or leaves the text makes the
   * waiting writes first (flushFormWrites).
   */
  readonly formWrite = (write: FormWrite): void => {
    const shown = this.#shown
    if (!shown) return
    this.#formWrites.add(shown, write)
    const { later } = this.#options
    if (later) {
      if (this.#formQueued) return
      this.#formQueued = true
      later(this.flushFormWrites)
      return
    }
    const now = performance.now()
    if (!this.#formQueued) {
      this.#formQueued = true
      this.#formFirst = now
    }
    clearTimeout(this.#formTimer)
    // Typing that goes on: in the idle time after this key's paint. Else when it pauses.
    if (typedLongEnough(now, this.#formFirst)) this.#flushWhenIdle()
    else this.#formTimer = setTimeout(this.#flushWhenIdle, FORM_PAUSE_MS)
  }

  /**
   * The writes are made in an idle period long enough for them, never in a key's own task nor in
   * a timer that may fire just as the next key comes (the header patch, the editor's update and
   * the form's render cost a loaded window a frame or more).
   */
  readonly #flushWhenIdle = (): void => {
    if (this.#formIdle !== undefined) return
    // Asked again after an idle period too short: the timeout counts from when they were first due, not anew.
    const due = (this.#formDue ??= performance.now())
    this.#formIdle = requestIdleCallback(this.#flushIdle, { timeout: Math.max(1, due + FORM_IDLE_TIMEOUT_MS - performance.now()) })
  }

  readonly #flushIdle = (deadline: IdleDeadline): void => {
    this.#formIdle = undefined
    if (idleEnough(deadline)) this.flushFormWrites()
    else this.#flushWhenIdle()
  }

  /**
   * Every edit still on its way, made now: a date typed in the form and not yet committed (it
   * commits as on Enter), then the form's waiting writes. For what decides on the text as the
   * writer sees it: save, opening another folder, a window about to close.
   */
  readonly settle = (): void => {
    commitPendingEdits()
    this.flushFormWrites()
  }

  /** The unsaved paths with every edit on its way made (see settle). */
  readonly unsavedNow = (): readonly string[] => {
    this.settle()
    return this.#snapshot.unsaved
  }

  /** Makes every waiting form write, in the order asked, each into the buffer it was asked for. */
  readonly flushFormWrites = (): void => {
    // Whoever makes them (the idle time, a save, a blur), nothing is left waiting for them.
    this.#formQueued = false
    clearTimeout(this.#formTimer)
    if (this.#formIdle !== undefined) cancelIdleCallback(this.#formIdle)
    this.#formIdle = undefined
    this.#formDue = undefined
    const entries = this.#formWrites.take()
    let shownChanged = false
    for (const { target, write } of entries) {
      // Dropped meanwhile (closed, trashed, another folder opened): the writer let it go.
      if (this.#buffers.get(target.path) !== target) continue
      const spec = write.make(target.state)
      if (!spec) continue
      this.#apply(target, spec)
      shownChanged ||= target === this.#shown
    }
    // Already between keys: the form and the preview get the text now, not a frame later.
    if (shownChanged) this.#publishText()
  }

  /** Undo or redo in the shown buffer, form writes made first (Ctrl+Z in a form field). */
  readonly history = (which: 'undo' | 'redo'): boolean => {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown) return false
    const command = which === 'undo' ? undo : redo
    if (this.#view && this.#view.state === shown.state) return command(this.#view)
    return command({ state: shown.state, dispatch: (tr) => this.#commit(shown, tr) })
  }

  // ---- opening and showing ----

  /** Shows the article at `path`: its kept buffer, or a fresh read. */
  readonly open = async (path: string): Promise<void> => {
    this.flushFormWrites()
    const ticket = ++this.#opening
    if (this.#shown?.path === path) return
    const kept = this.#buffers.get(path)
    if (kept) {
      this.#show(kept, false)
      return
    }
    try {
      const file = await this.#api.readArticle(path)
      if (ticket !== this.#opening) return
      // Opened elsewhere meanwhile (restored from the journal): that buffer wins.
      this.#show(this.#buffers.get(path) ?? this.#load(file), true)
    } catch (error) {
      if (ticket !== this.#opening) return
      this.#notice = { step: 'open', messages: [this.#options.describe(error)] }
      this.#emit()
    }
  }

  #load(file: Loaded): Buffer {
    const buffer: Buffer = {
      path: file.path,
      state: EditorState.create(),
      status: file.readOnly ? 'read-only' : 'clean',
      baseHash: file.hash,
      base: EditorState.create().doc,
      bom: file.bom,
      readOnly: file.readOnly,
      readOnlyReason: file.readOnlyReason ?? null,
      canMakeWritable: file.canMakeWritable,
      disk: null,
      message: null,
    }
    buffer.state = this.#makeState(buffer, file.text, file.eol, file.readOnly !== null)
    buffer.base = buffer.state.doc
    return buffer
  }

  #makeState(buffer: Buffer, text: string, eol: '\n' | '\r\n', readOnly: boolean): EditorState {
    const { label, rules, phrases } = this.#options
    const listener = EditorView.updateListener.of((update) => {
      buffer.state = update.state
      let from = Infinity
      if (update.docChanged) update.changes.iterChangedRanges((fromA) => (from = Math.min(from, fromA)))
      this.#updated(buffer, update.docChanged, update.docChanged && touchesHeader(update.startState, from), update.docChanged || update.selectionSet)
    })
    const more = this.#options.extensions?.(() => buffer.path) ?? []
    return EditorState.create({ doc: text, extensions: [folioSetup({ eol, readOnly, label, site: rules.site, phrases }), listener, ...more] })
  }

  /** After any transaction on a buffer: its state, the edit listeners, and what the UI shows. */
  #updated(buffer: Buffer, docChanged: boolean, header: boolean, cursorMoved: boolean): void {
    const shown = buffer === this.#shown
    if (docChanged) {
      this.#edits++
      for (const listener of this.#editListeners) listener()
      const before = buffer.status
      const isEdited = edited(buffer)
      this.#follow(buffer, isEdited ? 'edit' : 'revert')
      this.#keep(buffer)
      if (shown && header) this.#publishTextSoon()
      else if (shown) this.#publishTextLater()
      if (buffer.status !== before || this.#snapshot.unsaved.includes(buffer.path) !== isEdited) this.#emit()
    }
    if (shown && cursorMoved) this.#showCursorLater()
  }

  #show(buffer: Buffer, fold: boolean): void {
    const leaving = this.#shown
    this.#shown = buffer
    this.#buffers.set(buffer.path, buffer)
    if (leaving && leaving !== buffer) this.#keep(leaving)
    const view = this.#view
    if (view) {
      view.setState(buffer.state)
      if (fold) foldHeader(view)
      buffer.state = view.state
    }
    this.#notice = null
    if (this.#merged?.path !== buffer.path) this.#merged = null
    this.#conflictOpen = buffer.status === 'conflict'
    this.#moveCursor(cursorOf(buffer.state))
    this.#publishText()
  }

  /** A buffer stays in memory while shown or while it holds something the disk does not. */
  #keep(buffer: Buffer): void {
    const worth = buffer === this.#shown || edited(buffer) || buffer.status === 'saving'
    if (worth) this.#buffers.set(buffer.path, buffer)
    else if (this.#buffers.get(buffer.path) === buffer) this.#buffers.delete(buffer.path)
  }

  // ---- moves ----

  /** An explicit move: refused (false, nothing changes) when the table does not list it. */
  #move(buffer: Buffer, event: BufferEvent): boolean {
    const next = nextState(buffer.status, event)
    if (next === null) return false
    buffer.status = next
    return true
  }

  /** A move that follows from typing: where the table lists none, the state already says it. */
  #follow(buffer: Buffer, event: 'edit' | 'revert'): void {
    this.#move(buffer, event)
  }

  // ---- saving ----

  /**
   * Saves the shown article; false when nothing was written (nothing to save, or it failed).
   * One deleted on disk is written again, edited or not: the writer asked to keep it.
   */
  readonly save = async (): Promise<boolean> => {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown || (!edited(shown) && shown.status !== 'deleted')) return false
    return this.#write(shown, shown.baseHash)
  }

  /**
   * Writes the shown article under another name where no file is (EXISTS otherwise); the buffer
   * follows it there, and the file at the old name, if any, stays as it is.
   */
  readonly saveAs = async (path: string): Promise<boolean> => {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown) return false
    return this.#write(shown, shown.baseHash, path)
  }

  /** Saves every buffer with unsaved edits; stops at the first that fails and shows it. */
  readonly saveAll = async (): Promise<boolean> => {
    this.flushFormWrites()
    for (const buffer of [...this.#buffers.values()]) {
      if (!edited(buffer) || buffer.status === 'saving') continue
      if (!(await this.#write(buffer, buffer.baseHash))) {
        if (this.#buffers.get(buffer.path) === buffer && buffer !== this.#shown) this.#show(buffer, false)
        this.#emit()
        return false
      }
    }
    return this.unsavedBuffers().length === 0
  }

  async #write(buffer: Buffer, baseHash: string, target?: string): Promise<boolean> {
    if (buffer.readOnly) return false
    const recreate = buffer.status === 'deleted'
    if (!this.#move(buffer, 'save')) return false
    const doc = buffer.state.doc
    // sliceDoc joins lines with the file's own separator; doc.toString() would turn CRLF into LF.
    const text = buffer.state.sliceDoc()
    if (buffer === this.#shown) this.#notice = null
    this.#emit()
    try {
      const result =
        target !== undefined || recreate ? await this.#api.saveArticleAs(target ?? buffer.path, text, buffer.bom) : await this.#saveAt(buffer, text, baseHash)
      if (result.path !== buffer.path) this.#rekey(buffer, result.path)
      buffer.baseHash = result.hash
      buffer.base = doc
      buffer.disk = null
      buffer.message = null
      this.#writes++
      this.#move(buffer, 'saved')
      this.#follow(buffer, edited(buffer) ? 'edit' : 'revert')
      if (buffer === this.#shown) this.#conflictOpen = false
      this.#keep(buffer)
      this.#emit()
      return true
    } catch (error) {
      buffer.message = this.#options.describe(error)
      if (isCode(error, 'CONFLICT') && error.disk) {
        // Keys typed into the form while the save was under way are part of "mine": made before
        // the merge by itself or the dialog's texts are computed, or the merge would leave them out.
        this.flushFormWrites()
        buffer.disk = error.disk
        this.#move(buffer, 'conflict')
        if (this.#mergeByItself(buffer, error.disk)) return this.#write(buffer, buffer.baseHash)
        if (buffer === this.#shown) this.#conflictOpen = true
      } else if (recreate) {
        // Still not on disk: the buffer says so and offers the same choices again. A save that
        // finds no file fails instead: the folder itself may be gone, and only the watcher's
        // report (diskChanged) says the file was deleted, which offers writing it again.
        this.#move(buffer, 'delete')
      } else {
        this.#move(buffer, 'fail')
      }
      this.#emit()
      return false
    }
  }

  /** Writes at the buffer's path; renamed while the write was under way, it writes at the new name. */
  async #saveAt(buffer: Buffer, text: string, baseHash: string): Promise<SaveResult> {
    for (;;) {
      const path = buffer.path
      try {
        return await this.#api.saveArticle(path, text, baseHash)
      } catch (error) {
        if (!isCode(error, 'NOT_FOUND') || buffer.path === path) throw error
      }
    }
  }

  // ---- conflicts ----

  /** "Keep mine": writes the buffer over what is on disk now (and only over that). */
  readonly keepMine = async (): Promise<boolean> => {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown?.disk || shown.status !== 'conflict') return false
    return this.#write(shown, shown.disk.hash)
  }

  /** "Take theirs": the disk's text replaces mine, as an edit that undo can take back. */
  readonly reloadFromDisk = (): void => {
    this.flushFormWrites()
    const shown = this.#shown
    if (!shown?.disk || shown.status !== 'conflict') return
    this.#rebase(shown, shown.disk, 'reload')
  }

  /**
   * A merge of base, mine and disk becomes the text (undoable); it is based on the disk from now.
   * The merge was computed from the texts the dialog showed: a form write still waiting came after
   * them, so it is made on the merged text (by #rebase), never before it, where the merge would undo it.
   */
  readonly acceptMerge = (text: string): void => {
    const shown = this.#shown
    if (!shown?.disk || shown.status !== 'conflict') return
    this.#rebase(shown, shown.disk, 'merge', text)
  }

  /**
   * Changes on disk that do not clash with mine (other lines, other header fields) are merged
   * without asking, as an undoable edit, and announced; true when they were.
   */
  #mergeByItself(buffer: Buffer, disk: { text: string; hash: string }): boolean {
    const merged = cleanMerge({ base: this.#baseText(buffer), mine: buffer.state.doc.toString(), disk }, this.#options.rules.site)
    if (!merged) return false
    this.#rebase(buffer, disk, 'merge', merged.text)
    this.#merged = { path: buffer.path, keys: mergedSummary(merged.result).keys }
    return true
  }

  /** The writer read the merge's announcement. */
  readonly dismissMerged = (): void => {
    this.#merged = null
    this.#emit()
  }

  /** Bases the buffer on `disk` and puts `text` (default: the disk's) in it as one undoable edit. */
  #rebase(buffer: Buffer, disk: { text: string; hash: string }, event: 'reload' | 'merge', text = disk.text): void {
    const eol = detect(disk.text).eol
    if (buffer.state.lineBreak !== eol) {
      // Another line ending: a fresh state, with the cursor carried over.
      const spec = reloadTransaction(buffer.state, text)
      buffer.state = this.#makeState(buffer, text, eol, buffer.readOnly !== null)
      buffer.state = buffer.state.update({ selection: spec.selection }).state
    }
    buffer.base = buffer.state.toText(disk.text)
    buffer.baseHash = disk.hash
    buffer.disk = null
    buffer.message = null
    this.#move(buffer, event)
    if (buffer === this.#shown) this.#conflictOpen = false
    const spec = reloadTransaction(buffer.state, text)
    if (buffer === this.#shown && this.#view && this.#view.state !== buffer.state) this.#view.setState(buffer.state)
    // Its own undo step: never joined with the typing just before it.
    this.#apply(buffer, {
      ...spec,
      annotations: [Transaction.addToHistory.of(true), isolateHistory.of('full')],
      userEvent: event === 'merge' ? 'input.merge' : 'input.reload',
    })
    this.#keep(buffer)
    this.#publishText()
  }

  /** Closes the conflict dialog; the buffer stays in conflict and saving asks again. */
  readonly dismissConflict = (): void => {
    this.#conflictOpen = false
    this.#emit()
  }

  // ---- the disk ----

  /** Files changed, appeared or went away on disk (the watcher's batch). */
  readonly diskChanged = async (change: ContentChange): Promise<void> => {
    // A form write still waiting makes its buffer edited: a change on disk must not reload over it.
    this.flushFormWrites()
    for (const buffer of [...this.#buffers.values()]) {
      if (change.removed.includes(buffer.path)) await this.#gone(buffer, change.added)
      else if (change.changed.includes(buffer.path) || change.added.includes(buffer.path)) await this.#changedOnDisk(buffer)
    }
  }

  async #changedOnDisk(buffer: Buffer): Promise<void> {
    if (buffer.status === 'deleted') return this.#reappeared(buffer)
    // Edited buffers keep their base: saving finds the new bytes and offers the merge.
    if ((buffer.status !== 'clean' && buffer.status !== 'read-only') || edited(buffer)) return
    let file: ArticleFile
    try {
      file = await this.#api.readArticle(buffer.path)
    } catch (error) {
      if (isCode(error, 'NOT_FOUND')) await this.#gone(buffer, [])
      return
    }
    // Still the same clean buffer (no typing while reading), and really different bytes.
    if (this.#buffers.get(buffer.path) !== buffer || edited(buffer) || file.hash === buffer.baseHash) return
    this.#reload(buffer, file)
  }

  async #reappeared(buffer: Buffer): Promise<void> {
    let file: ArticleFile
    try {
      file = await this.#api.readArticle(buffer.path)
    } catch {
      return // still gone
    }
    if (buffer.status !== 'deleted') return
    if (edited(buffer)) {
      // Saving checks against the text it was based on, and offers the merge if the new file differs.
      this.#move(buffer, 'reappear')
      buffer.message = null
      this.#emit()
    } else {
      this.#move(buffer, 'reappear')
      this.#reload(buffer, file)
    }
  }

  async #gone(buffer: Buffer, added: readonly string[]): Promise<void> {
    try {
      await this.#api.readArticle(buffer.path)
      return this.#changedOnDisk(buffer) // replaced in one go (another editor's atomic save)
    } catch (error) {
      if (!isCode(error, 'NOT_FOUND')) return
    }
    const moved = await this.#movedTo(buffer, added)
    if (moved) {
      this.rename(buffer.path, moved)
      return
    }
    if (!this.#move(buffer, 'delete')) return
    buffer.message = null
    this.#emit()
  }

  /** A file that appeared with exactly the bytes the buffer is based on: the same article, renamed. */
  async #movedTo(buffer: Buffer, added: readonly string[]): Promise<string | null> {
    const candidates = added.filter((path) => !this.#buffers.has(path)).slice(0, 20)
    for (const path of candidates) {
      try {
        if ((await this.#api.readArticle(path)).hash === buffer.baseHash) return path
      } catch {
        // Gone again or unreadable: not the one.
      }
    }
    return null
  }

  /** Shows the file's newer text with the cursor, selections, folds and scroll on the same lines. */
  #reload(buffer: Buffer, file: Loaded): void {
    const sameSetup = buffer.state.lineBreak === file.eol && buffer.readOnly === file.readOnly
    buffer.canMakeWritable = file.canMakeWritable
    buffer.readOnlyReason = file.readOnlyReason ?? null
    buffer.message = null
    buffer.disk = null
    if (!sameSetup) {
      const spec = reloadTransaction(buffer.state, file.text)
      buffer.readOnly = file.readOnly
      buffer.state = this.#makeState(buffer, file.text, file.eol, file.readOnly !== null)
      buffer.state = buffer.state.update({ selection: spec.selection }).state
      buffer.base = buffer.state.doc
      buffer.baseHash = file.hash
      this.#move(buffer, file.readOnly ? 'lock' : buffer.status === 'read-only' ? 'writable' : 'reload')
      if (buffer === this.#shown) this.#show(buffer, true)
      this.#emit()
      return
    }
    const spec = reloadTransaction(buffer.state, file.text)
    // Based on the new text before the change arrives, so it counts as clean, not as an edit.
    buffer.baseHash = file.hash
    buffer.base = buffer.state.toText(file.text)
    this.#move(buffer, 'reload')
    this.#apply(buffer, spec)
    this.#keep(buffer)
    this.#publishText()
  }

  /** Applies a transaction to a buffer, through the view when it shows it (scroll kept). */
  #apply(buffer: Buffer, spec: TransactionSpec): void {
    const view = this.#view
    if (view && buffer === this.#shown && view.state === buffer.state) {
      const scroll = view.scrollSnapshot()
      const tr = buffer.state.update(spec)
      const kept = scroll.map(tr.changes)
      // The edit and the kept scroll in one view update: a second dispatch ran every plugin, the
      // gutters and the listeners again in the same idle task, in the way of the next key.
      view.dispatch(kept ? [tr, tr.state.update({ effects: kept })] : [tr])
      return
    }
    this.#commit(buffer, buffer.state.update(spec))
  }

  /** The writer's "make writable": adds the write permission and reopens the article editable. */
  readonly makeWritable = async (): Promise<void> => {
    const shown = this.#shown
    if (!shown?.canMakeWritable) return
    let file: ArticleFile
    try {
      file = await this.#api.makeArticleWritable(shown.path)
    } catch (error) {
      shown.message = this.#options.describe(error)
      this.#emit()
      return
    }
    if (shown.status !== 'read-only') return
    this.#reload(shown, file)
    if (shown === this.#shown) this.#view?.focus()
  }

  // ---- the folder's files ----

  /**
   * Applies `changes` to the kept buffer at `path` as an undoable edit of its own when its text
   * ('\n'-joined) is still `expected`: a rename rewriting the links of an article with unsaved
   * edits. False, and nothing changes, when there is no such buffer or its text moved on.
   */
  readonly editKept = (path: string, expected: string, changes: ChangeSpec, userEvent: string): boolean => {
    const buffer = this.#buffers.get(path)
    if (!buffer || buffer.readOnly !== null || buffer.state.doc.toString() !== expected) return false
    this.#apply(buffer, { changes, userEvent, annotations: [Transaction.addToHistory.of(true), isolateHistory.of('full')] })
    this.#keep(buffer)
    return true
  }

  /**
   * Applies what `make` builds to the first kept buffer it builds something for, whatever the
   * buffer is called now (renamed since, shown or not): an image insert that failed afterwards
   * finds its link by what the buffer holds, not by the path it was inserted under. The path of
   * the buffer changed, or null when none took it (closed since).
   */
  readonly editAny = (make: (state: EditorState) => TransactionSpec | null): string | null => {
    this.flushFormWrites()
    for (const buffer of this.#buffers.values()) {
      const spec = make(buffer.state)
      if (!spec) continue
      this.#apply(buffer, spec)
      this.#keep(buffer)
      return buffer.path
    }
    return null
  }

  /** The article was renamed (by us, or seen on disk): its buffer, edits and undo history follow. */
  readonly rename = (from: string, to: string): void => {
    const buffer = this.#buffers.get(from)
    if (!buffer) return
    this.#rekey(buffer, to)
    this.#emit()
  }

  #rekey(buffer: Buffer, to: string): void {
    if (this.#buffers.get(buffer.path) === buffer) this.#buffers.delete(buffer.path)
    // The merge's announcement names the article: it follows the new name.
    if (this.#merged?.path === buffer.path) this.#merged = { ...this.#merged, path: to }
    buffer.path = to
    this.#buffers.set(to, buffer)
  }

  /** The article went to the trash, or the writer closed it: its buffer is dropped. */
  readonly forget = (path: string): void => {
    const buffer = this.#buffers.get(path)
    if (!buffer) return
    this.#buffers.delete(path)
    if (buffer === this.#shown) this.#hide()
    this.#emit()
  }

  /** Another folder opens: every buffer is dropped (callers save or ask first). */
  readonly reset = (): void => {
    this.#buffers.clear()
    this.#hide()
    this.#emit()
  }

  #hide(): void {
    this.#shown = null
    this.#conflictOpen = false
    this.#notice = null
    this.#merged = null
    this.#view?.setState(EditorState.create({ doc: '' }))
    clearTimeout(this.#textTimer)
    this.#text = ''
    this.#joined = null
    this.#header = NO_HEADER
    this.#moveCursor({ line: 1, column: 1 })
  }

  /** Puts journaled buffers back as unsaved edits on top of what is on disk now. */
  readonly restore = async (buffers: readonly UnsavedBuffer[]): Promise<void> => {
    let first: Buffer | null = null
    const failed: string[] = []
    for (const saved of buffers) {
      try {
        const { disk, gone } = await this.#readOrGone(saved)
        const buffer = this.#load(disk)
        if (gone) this.#move(buffer, 'delete')
        // Based on what the journal says was loaded: if the disk moved on since, saving conflicts.
        buffer.baseHash = saved.baseHash
        if (disk.hash !== saved.baseHash) this.#baseUnknown.set(buffer, saved.baseHash)
        this.#apply(buffer, { changes: { from: 0, to: buffer.state.doc.length, insert: buffer.state.toText(saved.text) } })
        this.#buffers.set(saved.path, buffer)
        first ??= buffer
      } catch (error) {
        failed.push(`${saved.path}: ${this.#options.describe(error)}`)
      }
    }
    if (first) this.#show(first, false)
    // After show(), which clears the notice: a buffer that could not come back must be said.
    if (failed.length > 0) this.#notice = { step: 'restore', messages: failed }
    this.#emit()
  }

  /**
   * The article as on disk, or, when its file is gone, the journaled buffer itself: then the
   * restored buffer is a deleted one, and its text still comes back for the writer to save.
   */
  async #readOrGone(saved: UnsavedBuffer): Promise<{ disk: Loaded; gone: boolean }> {
    try {
      return { disk: await this.#api.readArticle(saved.path), gone: false }
    } catch (error) {
      if (!isCode(error, 'NOT_FOUND')) throw error
      // Nothing to be based on: an empty text whose hash is not the journaled one.
      const eol = detect(saved.text).eol
      return { disk: { path: saved.path, text: '', bom: false, eol, hash: '', readOnly: null, canMakeWritable: false }, gone: true }
    }
  }

  // ---- what React sees ----

  #publishText(): void {
    // Never a text without a write the form already shows: the field would jump back to it.
    this.flushFormWrites()
    clearTimeout(this.#textTimer)
    // Published now: a publish still queued for after a paint has nothing new to show.
    this.#textQueued = false
    const shown = this.#shown
    if (shown) {
      this.#header = headerOf(shown.state)
      // At each pause of typing: the text since the last one is the edit's lines, not a 1 MB join.
      const { doc } = shown.state
      this.#text = joinedText(this.#joined?.buffer === shown ? this.#joined : null, doc)
      this.#joined = { buffer: shown, doc, text: this.#text }
    }
    this.#emit()
  }

  /**
   * A header change (a form field or the editor's header typed into) shows in the form and the
   * preview after the keystroke's frame is painted: re-rendering the workbench inside that frame
   * made typing into the form miss it. The field typed into shows its own text at once.
   */
  #publishTextSoon(): void {
    clearTimeout(this.#textTimer)
    if (this.#textQueued) return
    this.#textQueued = true
    ;(this.#options.later ?? afterPaint)(() => {
      if (this.#textQueued) this.#publishText()
    })
  }

  #publishTextLater(): void {
    clearTimeout(this.#textTimer)
    this.#textTimer = setTimeout(() => this.#publishText(), this.#options.textDelayMs ?? TEXT_DELAY_MS)
  }

  // After the next paint, so a keystroke's frame carries CodeMirror's work and not a re-render.
  #showCursorLater(): void {
    if (this.#cursorQueued) return
    this.#cursorQueued = true
    ;(this.#options.later ?? afterPaint)(() => {
      this.#cursorQueued = false
      const shown = this.#shown
      if (!shown) return
      this.#moveCursor(cursorOf(shown.state))
    })
  }

  #moveCursor(next: Cursor): void {
    if (next.line === this.#cursor.line && next.column === this.#cursor.column) return
    this.#cursor = next
    for (const listener of [...this.#cursorListeners]) listener()
  }

  #build(): BufferSnapshot {
    const shown = this.#shown
    return {
      path: shown?.path ?? null,
      text: shown ? this.#text : '',
      header: shown ? this.#header : NO_HEADER,
      eol: shown?.state.lineBreak === '\r\n' ? '\r\n' : '\n',
      state: this.#notice ? 'error' : (shown?.status ?? 'clean'),
      message: this.#notice ? this.#notice.messages.join('\n') : (shown?.message ?? null),
      failed: this.#notice?.step ?? (shown?.status === 'error' ? 'save' : null),
      failures: this.#notice?.messages ?? (shown?.status === 'error' && shown.message ? [shown.message] : NO_FAILURES),
      readOnly: shown?.readOnly ?? null,
      readOnlyReason: shown?.readOnlyReason ?? null,
      canMakeWritable: shown?.canMakeWritable ?? false,
      conflict: this.#conflictOpen ? this.conflict() : null,
      unsaved: [...this.#buffers.values()]
        .filter(edited)
        .map((b) => b.path)
        .sort(),
      writes: this.#writes,
      merged: this.#merged?.path === shown?.path ? this.#merged : null,
    }
  }

  #emit(): void {
    const next = this.#build()
    const last = this.#snapshot
    if (sameSnapshot(last, next)) return
    this.#snapshot = next
    for (const listener of [...this.#listeners]) listener()
  }
}

/** Whether a change starting at `from` can alter the header `before` had (its own, not the one last shown). */
function touchesHeader(before: EditorState, from: number): boolean {
  return from < headerOf(before).reach
}

function firstChange(tr: Transaction): number {
  let from = Infinity
  tr.changes.iterChangedRanges((fromA) => (from = Math.min(from, fromA)))
  return from
}

/** Field by field; the unsaved list by its contents, so typing in a dirty buffer re-renders nothing. */
function sameSnapshot(a: BufferSnapshot, b: BufferSnapshot): boolean {
  for (const key of Object.keys(a) as (keyof BufferSnapshot)[]) {
    if (key === 'unsaved' || key === 'conflict') continue
    if (a[key] !== b[key]) return false
  }
  if (a.unsaved.length !== b.unsaved.length || a.unsaved.some((p, i) => p !== b.unsaved[i])) return false
  if ((a.conflict === null) !== (b.conflict === null)) return false
  return a.conflict === null || (a.conflict.path === b.conflict?.path && a.conflict.disk === b.conflict.disk && a.conflict.mine === b.conflict.mine)
}
