/**
 * An image dropped onto an image field of the properties form (`cover:`, `thumbnail:`, whatever
 * the folder's schema reads as an image): copied and processed exactly as a body insert, then the
 * field gets the path the site reads from the header (or the host's URL) as one undoable edit of
 * the header, a minimal patch like any form edit. The form's rows say which key and kind they
 * are (data-key, data-kind), so this listens on the page and needs nothing from the form itself.
 */
import { useEffect, useRef } from 'react'
import { placementFor, PLAIN_RULES, type AssetRules, type InsertSettings } from '../../shared/assets'
import type { InsertedImage } from '../../shared/contract'
import { setValue } from '../../shared/frontmatter'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import { imagesFrom, mayHoldImages } from './image-transfer'
import type { PlaceFor } from './leaf-bundle'

interface Options {
  buffers: Pick<BufferStore, 'getSnapshot' | 'editorState' | 'dispatch'>
  rules: AssetRules | undefined
  hexo: boolean
  settingsFor(): Promise<InsertSettings | null>
  /** A Hugo leaf page may become a bundle first (leaf-bundle.ts). */
  placeFor: PlaceFor
  onError(error: unknown): void
  onInserted?(inserted: readonly InsertedImage[]): void
}

/** The image field row under a drag, when it can take a value. */
function imageField(target: EventTarget | null): HTMLElement | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-testid=property][data-kind=image]') : null
  return row?.dataset['key'] && !row.querySelector('input:disabled, input[readonly]') ? row : null
}

export function useImageFieldDrop(options: Options): void {
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    const onDragOver = (event: DragEvent): void => {
      if (event.dataTransfer && imageField(event.target) && mayHoldImages(event.dataTransfer, false)) {
        event.preventDefault()
        event.stopPropagation()
      }
    }
    const onDrop = (event: DragEvent): void => {
      const row = imageField(event.target)
      const data = event.dataTransfer
      const { buffers } = latest.current
      const shown = buffers.getSnapshot().path
      if (!row || !data || !shown || buffers.getSnapshot().readOnly !== null || !mayHoldImages(data, false)) return
      // The text input would take the file's name as typed text.
      event.preventDefault()
      event.stopPropagation()
      const key = row.dataset['key'] as string
      void (async () => {
        const { settingsFor, placeFor, onError, onInserted, rules, hexo } = latest.current
        try {
          // A field holds one image: the first of the drop.
          const [first] = await imagesFrom(data, false)
          if (!first) return
          const settings = await settingsFor()
          if (!settings) return
          const path = await placeFor(shown)
          if (!path) return
          const inserted = await folio.insertImages(path, [first], settings)
          onInserted?.(inserted)
          const image = inserted[0]
          const state = buffers.editorState(path)
          // Written only into the article it was copied for, while it is the one shown.
          if (!image || !state || buffers.getSnapshot().path !== path) return
          const value = image.url ?? placementFor(path, rules ?? PLAIN_RULES, settings).field(image.path.slice(image.path.lastIndexOf('/') + 1))
          const changes = setValue(state.doc.toString(), key, value, { hexo, eol: buffers.getSnapshot().eol })
          buffers.dispatch({ changes, userEvent: 'input.drop' })
        } catch (error) {
          onError(error)
        }
      })()
    }
    // Capture: the field's input would otherwise insert the file name as text.
    document.addEventListener('dragover', onDragOver, true)
    document.addEventListener('drop', onDrop, true)
    return () => {
      document.removeEventListener('dragover', onDragOver, true)
      document.removeEventListener('drop', onDrop, true)
    }
  }, [])
}
