import type { EditorView } from '@codemirror/view'
import { useEffect, useState } from 'react'

/** The 1-based line at the top of the editor's viewport, followed as the writer scrolls. */
export function useTopLine(view: EditorView | null): number {
  const [line, setLine] = useState(1)
  useEffect(() => {
    if (!view) return
    let frame = 0
    const measure = () => {
      frame = 0
      const block = view.lineBlockAtHeight(view.scrollDOM.scrollTop)
      setLine(view.state.doc.lineAt(block.from).number)
    }
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    view.scrollDOM.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      view.scrollDOM.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
    }
  }, [view])
  return line
}
