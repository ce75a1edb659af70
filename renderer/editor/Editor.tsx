import { EditorView } from '@codemirror/view'
import { useEffect, useRef } from 'react'

interface Props {
  onView(view: EditorView | null): void
}

/** Hosts the one EditorView; the article session swaps an EditorState in per article. */
export function Editor({ onView }: Props) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const view = new EditorView({ parent: host.current ?? undefined })
    onView(view)
    return () => {
      onView(null)
      view.destroy()
    }
  }, [onView])
  return <div className="editor-host" ref={host} />
}
