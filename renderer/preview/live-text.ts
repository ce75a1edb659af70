import type { EditorState, Text } from '@codemirror/state'
import { useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { joinedText, type JoinedText } from '../editor/doc-span'
import { headerOf } from '../editor/header-block'
import { LARGE_BODY, PREVIEW_REFRESH_MARK, refreshPause } from './refresh-timing'

/** What the preview reads the open article from: the buffers (renderer/buffers/buffer-store.ts). */
export interface EditorTextSource {
  /** Called on every document change, at once. */
  onEdit(listener: () => void): () => void
  /** The article's state as it is: a form write still waiting is not made for the preview (it comes as an edit once made). */
  liveState(path: string): EditorState | null
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
 * The article's text for the preview, taken from the editor on the preview's own short pause (longer for a large article: refreshPause)
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
    // The text taken last and the document it was: the next is made from it and the edit between
    // (doc-span.ts), not by joining every line of the document again at each pause.
    let taken: JoinedText | null = null
    const textOf = (doc: Text): string => {
      const text = joinedText(taken, doc)
      taken = { doc, text }
      return text
    }
    const take = () => {
      // The pause is decided: the refresh starts here (the renderer bench counts from this mark).
      performance.clearMarks(PREVIEW_REFRESH_MARK)
      performance.mark(PREVIEW_REFRESH_MARK)
      const state = source.liveState(path)
      if (!state) return
      const next = { text: { text: textOf(state.doc), bodyStart: headerOf(state).bodyStart }, after: after.current, path }
      // Rendered now, in this task, with the preview's effects: its text goes to the render worker
      // at once rather than after React's next scheduled render a task or two later (a large body
      // waits for a longer pause anyway, see Preview.tsx).
      if (state.doc.length > LARGE_BODY) setLive(next)
      else flushSync(() => setLive(next))
    }
    const stop = source.onEdit(() => {
      lastEdit.current = performance.now()
      clearTimeout(timer)
      // A large article is taken only after a longer pause: even taking its text (and what the
      // preview does with it at once) is in the way of a key that comes meanwhile.
      timer = setTimeout(take, refreshPause(source.liveState(path)?.doc.length ?? 0))
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
