import { useEffect, useMemo, useRef, useState } from 'react'
import { previewBody, previewDocument, type PreviewOptions } from './render'

/** Bodies longer than this wait for a longer pause (twice their last refresh) before refreshing. */
const LARGE_BODY = 256 * 1024

interface Props {
  text: string
  options: PreviewOptions
  title: string
}

/**
 * The live preview. `sandbox=""` grants nothing: no scripts, an opaque origin (so nothing in
 * the frame can reach window.folio), no forms, no popups, no top navigation.
 */
export function Preview({ text, options, title }: Props) {
  const { body, lineOffset } = useMemo(() => previewBody(text), [text])
  const [doc, setDoc] = useState('')
  const shown = useRef<{ body: string; lineOffset: number; options: PreviewOptions; cost: number } | null>(null)
  useEffect(() => {
    const last = shown.current
    // Keyed on the body, not the text: typing in the header (or the form) renders nothing again.
    if (last && last.body === body && last.lineOffset === lineOffset && last.options === options) return
    const render = () => {
      const start = performance.now()
      setDoc(previewDocument(body, lineOffset, options))
      const cost = performance.now() - start
      // The first render of an article also pays for warming up: keep the lowest cost seen.
      shown.current = { body, lineOffset, options, cost: last?.options === options ? Math.min(last.cost, cost) : cost }
    }
    // A refresh blocks the window while it runs (about a second for a 1 MB article): for a large
    // article, wait until the writer has paused for twice as long, so a short pause in typing is
    // not followed by a frozen editor. Another article or other options show at once.
    const slow = last !== null && last.options === options && body.length > LARGE_BODY
    // Counted from the next paint, so an article being opened shows its editor first.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(render, slow ? 2 * last.cost : 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [body, lineOffset, options])
  return <iframe className="preview-frame" data-testid="preview" title={title} sandbox="" srcDoc={doc} />
}
