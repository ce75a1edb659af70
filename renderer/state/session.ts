import { EditorState, type Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleFile, UnsavedBuffer } from '../../shared/contract'
import { FolioError } from '../../shared/errors'
import { detect } from '../../shared/frontmatter'
import { headerOf, readHeader, type HeaderBlock, type HeaderRules } from '../editor/header-block'
import { folio } from '../bridge'
import { foldHeader } from '../editor/frontmatter-fold'
import { folioSetup } from '../editor/setup'
import { reloadTransaction } from './reload'

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict'

/** What the open article's editor needs beyond its EditorState. */
interface Buffer {
  path: string
  state: EditorState
  /** Hash of the disk bytes this buffer is based on. */
  baseHash: string
  /** The document as last read or saved: equal to it means clean. */
  savedDoc: Text
  readOnly: string | null
  /** readOnly is only the file's missing write permission, which the writer may add. */
  canMakeWritable: boolean
}

/** The parts of a read that make an editor buffer. */
type Loaded = Pick<ArticleFile, 'path' | 'text' | 'eol' | 'hash' | 'readOnly' | 'canMakeWritable'>

/**
 * Body typing reaches `text` (and so the parse, the preview, the word count and the journal)
 * once typing pauses this long: joining a 1 MB document and re-deriving everything from it per
 * keystroke cost hundreds of milliseconds a key.
 */
const TEXT_DELAY_MS = 200

function cursorOf(state: EditorState): { line: number; column: number } {
  const head = state.selection.main.head
  const line = state.doc.lineAt(head)
  return { line: line.number, column: head - line.from + 1 }
}

export interface Conflict {
  path: string
  disk: { text: string; hash: string }
}

export interface Session {
  path: string | null
  /**
   * The current document with lines joined by '\n' whatever the file uses, so offsets equal
   * CodeMirror positions: parse, preview and form patches all work on this text. Changes to the
   * header arrive at once; body typing arrives when typing pauses (TEXT_DELAY_MS).
   */
  text: string
  /** The header block of `text`, as the editor's header field read it (form, preview, status). */
  header: HeaderBlock
  /** The open file's line ending: form patches must insert lines with it. */
  eol: '\n' | '\r\n'
  saveState: SaveState
  /**
   * How many writes this session has made. Our own writes raise no change event from the
   * watcher (the index already knows them), so whoever shows the folder refreshes on this.
   */
  writes: number
  message: string | null
  readOnly: string | null
  /** The read-only reason is the file's permission, which makeWritable can lift. */
  canMakeWritable: boolean
  cursor: { line: number; column: number }
  conflict: Conflict | null
  /** Paths with unsaved edits kept in memory while another article is open. */
  unsaved: string[]
  open(path: string): Promise<void>
  save(): Promise<void>
  /** Saves the open article and every unsaved one kept in memory. */
  saveAll(): Promise<void>
  /** Every unsaved buffer (open or kept in memory), for the crash journal. */
  unsavedBuffers(): UnsavedBuffer[]
  /** Counts document changes in any buffer: equal counts mean the buffers' texts are unchanged. */
  editCount(): number
  /**
   * Calls `listener` on every document change, at once: `text` lags behind while typing goes on,
   * and the crash journal must not wait for a pause that may never come. Returns the unsubscribe.
   */
  onEdit(listener: () => void): () => void
  /** The article went to the trash: drop its buffer, and close it if it is open. */
  forget(path: string): void
  /** The article was renamed: its buffer, unsaved edits and undo history follow it. */
  rename(from: string, to: string): void
  /** Another folder opens: every buffer of this one is dropped (callers save or ask first). */
  reset(): void
  /** Files changed on disk: a clean open article shows the new text; an edited one conflicts on save. */
  diskChanged(paths: readonly string[]): Promise<void>
  /** Puts journaled buffers back as unsaved edits on top of what is on disk now. */
  restore(buffers: UnsavedBuffer[]): Promise<void>
  reloadFromDisk(): void
  /** The writer's "make writable" choice: adds the write permission and reopens the article editable. */
  makeWritable(): Promise<void>
  keepMine(): Promise<void>
  dismissConflict(): void
}

/** Every path with unsaved edits: those kept in memory and the open one when it is not saved. */
export function unsavedPaths(session: Pick<Session, 'unsaved' | 'path' | 'saveState'>): string[] {
  const paths = new Set(session.unsaved)
  const open = session.saveState === 'dirty' || session.saveState === 'conflict' || session.saveState === 'error'
  if (session.path && open) paths.add(session.path)
  return [...paths].sort()
}

/** What a session shows before any article is open. */
const NO_HEADER = readHeader(EditorState.create({ doc: '' }).doc, { site: 'plain' })

/**
 * The open article's buffers. `rules` are the folder's header rules (which generator reads them):
 * every buffer's header block is read with them, once, by the editor's header field.
 */
export function useArticleSession(
  view: EditorView | null,
  editorLabel: string,
  describe: (error: unknown) => string,
  rules: HeaderRules,
): Session {
  const buffer = useRef<Buffer | null>(null)
  const stash = useRef(new Map<string, Buffer>())
  const [path, setPath] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [header, setHeader] = useState<HeaderBlock>(NO_HEADER)
  const [eol, setEol] = useState<'\n' | '\r\n'>('\n')
  const [saveState, setSaveState] = useState<SaveState>('saved')
  const [writes, setWrites] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const [readOnly, setReadOnly] = useState<string | null>(null)
  const [canMakeWritable, setCanMakeWritable] = useState(false)
  const [cursor, setCursor] = useState({ line: 1, column: 1 })
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [unsaved, setUnsaved] = useState<string[]>([])
  const saving = useRef(false)
  const edits = useRef(0)
  const editListeners = useRef(new Set<() => void>())
  const textTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  /**
   * The header's reach (see HeaderBlock.reach): changes before it reach `text` at once, because
   * the form computes its patches from `text` and must never see stale header offsets.
   */
  const reach = useRef(0)
  const cursorQueued = useRef(false)

  const publish = useCallback((state: EditorState) => {
    clearTimeout(textTimer.current)
    const block = headerOf(state)
    reach.current = block.reach
    setText(state.doc.toString())
    setHeader(block)
  }, [])

  const publishLater = useCallback(() => {
    clearTimeout(textTimer.current)
    textTimer.current = setTimeout(() => {
      if (buffer.current) publish(buffer.current.state)
    }, TEXT_DELAY_MS)
  }, [publish])

  // After the next paint, so a keystroke's frame carries CodeMirror's work and not a re-render.
  const showCursorLater = useCallback(() => {
    if (cursorQueued.current) return
    cursorQueued.current = true
    requestAnimationFrame(() =>
      setTimeout(() => {
        cursorQueued.current = false
        if (!buffer.current) return
        const next = cursorOf(buffer.current.state)
        setCursor((shown) => (shown.line === next.line && shown.column === next.column ? shown : next))
      }),
    )
  }, [])

  const refreshUnsaved = useCallback(() => setUnsaved([...stash.current.keys()]), [])

  const makeState = useCallback(
    (file: Loaded) => {
      const listener = EditorView.updateListener.of((update) => {
        const current = buffer.current
        if (!current) return
        current.state = update.state
        if (update.docChanged) {
          edits.current++
          for (const listener of editListeners.current) listener()
          let from = Infinity
          update.changes.iterChangedRanges((fromA) => (from = Math.min(from, fromA)))
          if (from < reach.current) publish(update.state)
          else publishLater()
          if (!saving.current) setSaveState(update.state.doc.eq(current.savedDoc) ? 'saved' : 'dirty')
        }
        if (update.docChanged || update.selectionSet) showCursorLater()
      })
      return EditorState.create({
        doc: file.text,
        extensions: [folioSetup({ eol: file.eol, readOnly: file.readOnly !== null, label: editorLabel, site: rules.site }), listener],
      })
    },
    [editorLabel, publish, publishLater, showCursorLater, rules.site],
  )

  const show = useCallback(
    (next: Buffer, fold: boolean) => {
      buffer.current = next
      if (view) {
        view.setState(next.state)
        if (fold) foldHeader(view)
        next.state = view.state
      }
      setCursor(cursorOf(next.state))
      setPath(next.path)
      publish(next.state)
      setEol(next.state.lineBreak === '\r\n' ? '\r\n' : '\n')
      setReadOnly(next.readOnly)
      setCanMakeWritable(next.canMakeWritable)
      setSaveState(next.state.doc.eq(next.savedDoc) ? 'saved' : 'dirty')
      setMessage(null)
      setConflict(null)
    },
    [view, publish],
  )

  const load = useCallback(
    (file: Loaded) => {
      const state = makeState(file)
      show({ path: file.path, state, baseHash: file.hash, savedDoc: state.doc, readOnly: file.readOnly, canMakeWritable: file.canMakeWritable }, true)
    },
    [makeState, show],
  )

  /**
   * Shows the file's newer text in the open buffer with the cursor, selections, folds and scroll
   * kept on the same lines (a reload that started over at offset 0 put the next keystrokes in
   * front of the header). Only the lines that differ change.
   */
  const reload = useCallback(
    (current: Buffer, file: Loaded) => {
      const spec = reloadTransaction(current.state, file.text)
      const sameSetup = current.state.lineBreak === file.eol && current.readOnly === file.readOnly
      if (!sameSetup) {
        // Another line ending or access: a fresh editor state, with the cursor carried over.
        const state = makeState(file)
        const next: Buffer = { path: file.path, state, baseHash: file.hash, savedDoc: state.doc, readOnly: file.readOnly, canMakeWritable: file.canMakeWritable }
        next.state = state.update({ selection: spec.selection }).state
        next.savedDoc = next.state.doc
        show(next, true)
        return
      }
      const target = current.state.update(spec)
      current.canMakeWritable = file.canMakeWritable
      setCanMakeWritable(file.canMakeWritable)
      // Set before the change reaches the update listener, so it counts as saved, not as an edit.
      current.baseHash = file.hash
      current.savedDoc = target.state.doc
      if (view && view.state === current.state) {
        const scroll = view.scrollSnapshot()
        view.dispatch(target)
        const kept = scroll.map(target.changes)
        if (kept) view.dispatch({ effects: kept })
      } else {
        current.state = target.state
        publish(current.state)
      }
      stash.current.delete(current.path)
      refreshUnsaved()
      setSaveState('saved')
      setMessage(null)
      setConflict(null)
    },
    [makeState, show, view, publish, refreshUnsaved],
  )

  const open = useCallback(
    async (target: string) => {
      const current = buffer.current
      if (current && current.path === target) return
      if (current && !current.state.doc.eq(current.savedDoc)) {
        // Unsaved edits stay in memory, undo history included, until the writer comes back.
        stash.current.set(current.path, current)
      } else if (current) {
        stash.current.delete(current.path)
      }
      refreshUnsaved()
      const kept = stash.current.get(target)
      if (kept) {
        show(kept, false)
        return
      }
      try {
        load(await folio.readArticle(target))
      } catch (error) {
        setMessage(describe(error))
        setSaveState('error')
      }
    },
    [load, show, refreshUnsaved, describe],
  )

  /** Writes a buffer; false when the save failed or conflicted (the status says which). */
  const write = useCallback(async (current: Buffer, baseHash: string): Promise<boolean> => {
    const doc = current.state.doc
    saving.current = true
    setSaveState('saving')
    try {
      // sliceDoc joins lines with the file's own separator; doc.toString() would turn CRLF into LF.
      const result = await folio.saveArticle(current.path, current.state.sliceDoc(), baseHash)
      current.baseHash = result.hash
      current.savedDoc = doc
      setWrites((n) => n + 1)
      stash.current.delete(current.path)
      setUnsaved([...stash.current.keys()])
      setMessage(null)
      setConflict(null)
      saving.current = false
      const shown = buffer.current
      setSaveState(!shown || shown.state.doc.eq(shown.savedDoc) ? 'saved' : 'dirty')
      return true
    } catch (error) {
      saving.current = false
      if (error instanceof FolioError && error.code === 'CONFLICT' && error.disk) {
        setConflict({ path: current.path, disk: error.disk })
        setSaveState('conflict')
      } else {
        setSaveState('error')
      }
      setMessage(describe(error))
      return false
    }
  }, [describe])

  const save = useCallback(async () => {
    const current = buffer.current
    if (!current || current.readOnly || saving.current) return
    if (current.state.doc.eq(current.savedDoc)) return
    await write(current, current.baseHash)
  }, [write])

  const replaceView = useCallback(() => {
    buffer.current = null
    view?.setState(EditorState.create({ doc: '' }))
    setPath(null)
    setText('')
    setHeader(NO_HEADER)
    setSaveState('saved')
    setMessage(null)
    setConflict(null)
  }, [view])

  const reloadFromDisk = useCallback(() => {
    const current = buffer.current
    if (!current || !conflict) return
    stash.current.delete(current.path)
    refreshUnsaved()
    load({
      path: current.path,
      text: conflict.disk.text,
      hash: conflict.disk.hash,
      // The disk version's own line ending: another program may have changed it too.
      eol: detect(conflict.disk.text).eol,
      readOnly: current.readOnly,
      canMakeWritable: current.canMakeWritable,
    })
  }, [conflict, load, refreshUnsaved])

  const makeWritable = useCallback(async () => {
    const current = buffer.current
    if (!current || !current.canMakeWritable) return
    let file: ArticleFile
    try {
      file = await folio.makeArticleWritable(current.path)
    } catch (error) {
      setMessage(describe(error))
      setSaveState('error')
      return
    }
    // The writer moved on to another article meanwhile: it opens editable when they come back.
    if (buffer.current !== current) return
    reload(current, file)
    // The button that was pressed is gone: typing goes on in the text.
    view?.focus()
  }, [describe, reload, view])

  const keepMine = useCallback(async () => {
    const current = buffer.current
    if (!current || !conflict) return
    await write(current, conflict.disk.hash)
  }, [conflict, write])

  const dismissConflict = useCallback(() => setConflict(null), [])

  const unsavedBuffers = useCallback((): UnsavedBuffer[] => {
    const all = new Map(stash.current)
    const current = buffer.current
    if (current && !current.state.doc.eq(current.savedDoc)) all.set(current.path, current)
    return [...all.values()].map((b) => ({ path: b.path, text: b.state.sliceDoc(), baseHash: b.baseHash }))
  }, [])

  const editCount = useCallback(() => edits.current, [])

  const onEdit = useCallback((listener: () => void) => {
    editListeners.current.add(listener)
    return () => void editListeners.current.delete(listener)
  }, [])

  const saveAll = useCallback(async () => {
    const home = buffer.current?.path ?? null
    for (const kept of [...stash.current.values()]) {
      if (kept === buffer.current) continue
      // Shown while it saves, so a conflict's dialog and the status belong to the article they name.
      show(kept, false)
      if (!(await write(kept, kept.baseHash))) return
    }
    if (home && buffer.current?.path !== home) await open(home)
    await save()
  }, [open, save, show, write])

  const forget = useCallback(
    (gone: string) => {
      stash.current.delete(gone)
      refreshUnsaved()
      if (buffer.current?.path === gone) replaceView()
    },
    [replaceView, refreshUnsaved],
  )

  const rename = useCallback(
    (from: string, to: string) => {
      const kept = stash.current.get(from)
      if (kept) {
        stash.current.delete(from)
        kept.path = to
        stash.current.set(to, kept)
      }
      if (buffer.current?.path === from) {
        buffer.current.path = to
        setPath(to)
      }
      refreshUnsaved()
    },
    [refreshUnsaved],
  )

  const reset = useCallback(() => {
    stash.current.clear()
    refreshUnsaved()
    replaceView()
  }, [replaceView, refreshUnsaved])

  const diskChanged = useCallback(
    async (paths: readonly string[]) => {
      const current = buffer.current
      if (!current || !paths.includes(current.path) || !current.state.doc.eq(current.savedDoc) || saving.current) return
      let file: ArticleFile
      try {
        file = await folio.readArticle(current.path)
      } catch {
        return // gone or unreadable: the list shows it; a save will say what happened
      }
      // Still the same clean buffer (no typing while reading), and really different bytes.
      if (buffer.current !== current || !current.state.doc.eq(current.savedDoc) || file.hash === current.baseHash) return
      reload(current, file)
    },
    [reload],
  )

  const restore = useCallback(
    async (buffers: UnsavedBuffer[]) => {
      let first: Buffer | null = null
      const failed: string[] = []
      for (const saved of buffers) {
        try {
          const disk = await folio.readArticle(saved.path)
          const state = makeState({ ...disk, text: saved.text })
          // Based on what the journal says was loaded: if the disk moved on since, saving conflicts.
          const kept: Buffer = { path: saved.path, state, baseHash: saved.baseHash, savedDoc: makeState(disk).doc, readOnly: disk.readOnly, canMakeWritable: disk.canMakeWritable }
          stash.current.set(saved.path, kept)
          first ??= kept
        } catch (error) {
          failed.push(`${saved.path}: ${describe(error)}`)
        }
      }
      refreshUnsaved()
      if (first) show(first, false)
      if (failed.length > 0) {
        // Shown after show(), which clears messages: a buffer that could not come back must be said.
        setMessage(failed.join('; '))
        setSaveState('error')
      }
    },
    [makeState, refreshUnsaved, show, describe],
  )

  // A view that appears after an article was chosen gets that article's state.
  useEffect(() => {
    if (view && buffer.current && view.state !== buffer.current.state) view.setState(buffer.current.state)
  }, [view])

  return {
    path,
    text,
    header,
    eol,
    saveState,
    writes,
    message,
    readOnly,
    canMakeWritable,
    cursor,
    conflict,
    unsaved,
    open,
    save,
    saveAll,
    unsavedBuffers,
    editCount,
    onEdit,
    forget,
    rename,
    reset,
    diskChanged,
    restore,
    reloadFromDisk,
    makeWritable,
    keepMine,
    dismissConflict,
  }
}
