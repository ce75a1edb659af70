/**
 * Paste, drop and "Insert image…" for the open article: the images are copied where the site keeps
 * them (main process, electron/media) and their links go in at the cursor (or where they were
 * dropped) as one ordinary edit, so a single undo takes them out again. The links come back as
 * soon as their names are decided; a photo is scaled and written afterwards, and if that fails its
 * links are taken out again (when still there as inserted) and the reason is shown.
 */
import type { EditorState, TransactionSpec } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useRef } from 'react'
import type { InsertSettings } from '../../shared/assets'
import type { ImageUpload, InsertedImage } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import { folio } from '../bridge'
import { imagesFrom, mayHoldImages } from './image-transfer'
import { endLanding, followLanding } from './landing-links'
import type { PlaceFor } from './leaf-bundle'

/** Puts the links in at `at` (the selection when absent), one per line when several, and selects nothing. */
export function insertLinks(
  view: EditorView,
  inserted: readonly InsertedImage[],
  userEvent: 'input.paste' | 'input.drop',
  at?: number,
  /** Also followed under this id (the Hugo page made a bundle for them: its undo takes them out). */
  follow?: string,
): void {
  if (!inserted.length) return
  const text = inserted.map((image) => image.link).join('\n')
  const range = at === undefined ? view.state.selection.main : { from: at, to: at }
  const landing = landingOf(inserted)
  const follows = [landing, follow].filter((id): id is string => id !== undefined)
  view.dispatch({
    changes: { from: range.from, to: range.to, insert: text },
    selection: { anchor: range.from + text.length },
    // One appendConfig at most: the second follow is made from the state the first one's field is in.
    effects: follows.flatMap((id, i) =>
      i === 0 ? followLanding(view.state, id, range.from, text) : followLanding(view.state, id, range.from, text).slice(-1),
    ),
    userEvent,
    scrollIntoView: true,
  })
  view.focus()
}

/** The background insert the links wait for, if any (one per insert). */
const landingOf = (inserted: readonly InsertedImage[]): string | undefined => inserted.find((image) => image.landing)?.landing

/** Changes the kept buffer `make` builds a change for, whatever it is called now (BufferStore.editAny): its path, or null. */
export type EditAny = (make: (state: EditorState) => TransactionSpec | null) => string | null

/**
 * A photo failed after its link went in and no open buffer holds that link any more: the article
 * was saved and closed (or another folder opened) meanwhile. Its file is left as the writer saved
 * it, rather than written behind their back; the message names the file that holds a link to nothing.
 */
export function linkLeft(articlePath: string, inserted: readonly InsertedImage[], landing: string, why: string): FolioError {
  const names = inserted.filter((image) => image.landing === landing).map((image) => image.path.slice(image.path.lastIndexOf('/') + 1))
  const problem = said('image-link-left', { name: names.join(', '), path: articlePath, detail: why })
  return new FolioError({ code: 'IO', path: articlePath, ...problem })
}

export interface ImageInsert {
  /** "Insert image…": the native open dialog, then the links at the cursor. */
  choose(): Promise<void>
}

interface Options {
  view: EditorView | null
  /** The article shown now (read when needed: a Hugo leaf page made a bundle is shown under its new path before React renders again). */
  shownPath(): string | null
  settingsFor(): Promise<InsertSettings | null>
  /** Where the images are inserted for: the article itself, its bundle once made, or null (cancelled); see leaf-bundle.ts. */
  placeFor: PlaceFor
  /** The images inserted for `path`; an id returned follows their links (leaf-bundle.ts: the bundle just made for them). */
  placed(path: string, inserted: readonly InsertedImage[]): string | undefined
  onError(error: unknown): void
  onInserted(inserted: readonly InsertedImage[]): void
  edit: EditAny
  describe(error: unknown): string
}

export function useImageInsert(options: Options): ImageInsert {
  const { view } = options
  const latest = useRef(options)
  latest.current = options

  /** Puts the links in, then waits for their files: landed, they stay; failed, they go again and the reason is shown. */
  const place = useCallback(
    (path: string, inserted: readonly InsertedImage[], userEvent: 'input.paste' | 'input.drop', at?: number): void => {
      if (!view) return
      // The writer may have switched articles meanwhile: the links belong to the one they were copied for.
      const follow = latest.current.placed(path, inserted)
      if (latest.current.shownPath() === path) insertLinks(view, inserted, userEvent, at, follow)
      const landing = landingOf(inserted)
      if (!landing) {
        latest.current.onInserted(inserted)
        return
      }
      // The buffer is found by the link it follows: the article may have been renamed meanwhile.
      folio.imagesLanded(landing).then(
        () => {
          latest.current.edit((state) => endLanding(state, landing, false))
          latest.current.onInserted(inserted)
        },
        (error: unknown) => {
          const where = latest.current.edit((state) => endLanding(state, landing, true))
          latest.current.onError(where === null ? linkLeft(path, inserted, landing, latest.current.describe(error)) : error)
        },
      )
    },
    [view],
  )

  useEffect(() => {
    if (!view) return
    const send = async (images: ImageUpload[], userEvent: 'input.paste' | 'input.drop', at?: number): Promise<void> => {
      const shown = latest.current.shownPath()
      if (!shown || !images.length) return
      try {
        const settings = await latest.current.settingsFor()
        if (!settings) return
        // What came before the drop point, to find it again if making a bundle rewrote the article's own links.
        const before = at === undefined ? '' : view.state.sliceDoc(0, at)
        const path = await latest.current.placeFor(shown)
        if (!path) return
        const still = at !== undefined && view.state.sliceDoc(0, at) === before ? at : undefined
        place(path, await folio.insertImages(path, images, settings, { background: true }), userEvent, still)
      } catch (error) {
        latest.current.onError(error)
      }
    }
    const onPaste = (event: ClipboardEvent): void => {
      const data = event.clipboardData
      if (!data || !latest.current.shownPath() || view.state.readOnly || !mayHoldImages(data, true)) return
      event.preventDefault()
      event.stopPropagation()
      void imagesFrom(data, true).then((images) => send(images, 'input.paste'))
    }
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer && latest.current.shownPath() && mayHoldImages(event.dataTransfer, false)) event.preventDefault()
    }
    const onDrop = (event: DragEvent): void => {
      const data = event.dataTransfer
      if (!data || !latest.current.shownPath() || view.state.readOnly || !mayHoldImages(data, false)) return
      event.preventDefault()
      event.stopPropagation()
      const at = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head
      void imagesFrom(data, false).then((images) => send(images, 'input.drop', at))
    }
    // Capture: CodeMirror's own paste and drop handlers would insert the file name or HTML as text.
    view.dom.addEventListener('paste', onPaste, true)
    view.dom.addEventListener('dragover', onDragOver, true)
    view.dom.addEventListener('drop', onDrop, true)
    return () => {
      view.dom.removeEventListener('paste', onPaste, true)
      view.dom.removeEventListener('dragover', onDragOver, true)
      view.dom.removeEventListener('drop', onDrop, true)
    }
  }, [view, place])

  const choose = useCallback(async () => {
    const shown = latest.current.shownPath()
    if (!view || !shown) return
    try {
      const settings = await latest.current.settingsFor()
      if (!settings) return
      const files = await folio.pickImages()
      if (!files?.length) return
      // Asked once the files are chosen: cancelling the open dialog leaves a leaf page as it is.
      const path = await latest.current.placeFor(shown)
      if (!path) return
      const images = files.map((file) => ({ name: '', file }))
      place(path, await folio.insertImages(path, images, settings, { background: true }), 'input.paste')
    } catch (error) {
      latest.current.onError(error)
    }
  }, [view, place])

  return { choose }
}
