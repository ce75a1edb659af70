import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { useEffect, useRef } from 'react'

interface Props {
  onView(view: EditorView | null): void
  /** The editor's accessible name before an article's state (which names it too) is swapped in. */
  label: string
}

/** Hosts the one EditorView; the article session swaps an EditorState in per article. */
export function Editor({ onView, label }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const firstLabel = useRef(label)
  useEffect(() => {
    const state = EditorState.create({ extensions: EditorView.contentAttributes.of({ 'aria-label': firstLabel.current }) })
    const view = new EditorView({ state, parent: host.current ?? undefined })
    onView(view)
    return () => {
      onView(null)
      view.destroy()
    }
  }, [onView])
  return <div className="editor-host" ref={host} />
}
