import { EditorState, type Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { MergeView, unifiedMergeView } from '@codemirror/merge'
import { useEffect, useRef } from 'react'

export type MergeLayout = 'split' | 'unified'

interface Props {
  /** The texts compared: `a` is shown as the old side (left, or struck out when unified). */
  a: string
  b: string
  labels: { a: string; b: string }
  layout: MergeLayout
}

/** Read-only, not focusable: the keyboard moves between the decisions, not through the texts. */
function viewer(label: string): Extension {
  return [
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label }),
    theme,
  ]
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', backgroundColor: 'var(--editor-bg)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-gutters': { backgroundColor: 'var(--editor-bg)', border: 'none' },
})

/** Two texts with their differences marked, side by side or in one column, on @codemirror/merge. */
export function HunkDiff({ a, b, labels, layout }: Props) {
  const parent = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = parent.current
    if (!el) return
    if (layout === 'split') {
      const view = new MergeView({
        a: { doc: a, extensions: viewer(labels.a) },
        b: { doc: b, extensions: viewer(labels.b) },
        parent: el,
        gutter: true,
        highlightChanges: true,
      })
      return () => view.destroy()
    }
    const view = new EditorView({
      doc: b,
      extensions: [viewer(`${labels.a} → ${labels.b}`), unifiedMergeView({ original: a, mergeControls: false, gutter: true, highlightChanges: true })],
      parent: el,
    })
    return () => view.destroy()
  }, [a, b, labels.a, labels.b, layout])
  return (
    <div className="merge-diff" data-layout={layout}>
      {layout === 'split' && (
        <div className="merge-diff-labels" aria-hidden="true">
          <span>{labels.a}</span>
          <span>{labels.b}</span>
        </div>
      )}
      <div ref={parent} />
    </div>
  )
}
