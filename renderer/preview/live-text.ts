import type { EditorState } from '@codemirror/state'
import { useEffect, useRef, useState } from 'react'
import { headerOf } from '../editor/header-block'
import { PREVIEW_PAUSE_MS } from './refresh-timing'

/** What the preview reads the open article from: the buffers (renderer/buffers/buffer-store.ts). */
export interface EditorTextSource {
  /** Called on every document change, at once. */
  onEdit(listener: () => void): () => void
  editorState(path: string): EditorState | null
}

export interface LiveText {
  text: string
  bodyStart: number
}

export interface LiveTextView extends LiveText {
  /** Milliseconds since the last edit of the article (Infinity before any): a slow refresh waits for a longer pause. */
  quietFor(): number
}

/**
 * The article's text for the preview, taken from the editor on the preview's own short pause
 * instead of the buffer store's published text (which waits longer, for the form and the status
 * bar). `published` is that text: a newer one (another article, a reload, a header edit) shows at once.
 */
export function useLiveText(source: EditorTextSource, path: string, published: string, publishedBodyStart: number): LiveTextView {
  // Kept with the published text it was taken after: once that changes, the published one is newer.
  const [live, setLive] = useState<{ text: LiveText; after: string; path: string } | null>(null)
  const lastEdit = useRef(-Infinity)
  const after = useRef(published)
  after.current = published
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const take = () => {
      const state = source.editorState(path)
      if (state) setLive({ text: { text: state.doc.toString(), bodyStart: headerOf(state).bodyStart }, after: after.current, path })
    }
    const stop = source.onEdit(() => {
      lastEdit.current = performance.now()
      clearTimeout(timer)
      timer = setTimeout(take, PREVIEW_PAUSE_MS)
    })
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [source, path])
  const quietFor = () => performance.now() - lastEdit.current
  if (live && live.after === published && live.path === path) return { ...live.text, quietFor }
  return { text: published, bodyStart: publishedBodyStart, quietFor }
}
