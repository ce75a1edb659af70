import { useEffect, useMemo, useRef, useState } from 'react'
import { LINE_ANCHOR } from '../../shared/markdown'
import { useI18n } from '../i18n/i18n'
import { previewBody, previewDocument, type PreviewOptions } from './render'

/** Bodies longer than this wait for a longer pause (twice their last refresh) before refreshing. */
const LARGE_BODY = 256 * 1024

interface Props {
  text: string
  /** Where the body starts: the header block's `bodyStart`, as the editor's header field found it. */
  bodyStart: number
  options: PreviewOptions
  title: string
  /** The editor's top visible line: the preview scrolls to the block that starts there or above. */
  topLine: number
  /** Allows (true) or blocks (false) remote content for the open folder, remembered in settings. */
  onRemoteContent(allowed: boolean): void
}

/** The last block starting at or before `line` (block start lines are ascending). */
function anchorFor(lines: number[], line: number): number | null {
  let found: number | null = null
  for (const start of lines) {
    if (start > line) break
    found = start
  }
  return found
}

/**
 * The live preview. `sandbox=""` grants nothing: no scripts, an opaque origin (so nothing in
 * the frame can reach window.folio), no forms, no popups, no top navigation. The document is a
 * blob URL rather than srcdoc so that scrolling needs no script and no access to the frame: the
 * parent navigates to a fragment (`#folio-line-12`), which scrolls without reloading.
 */
export function Preview({ text, bodyStart, options, title, topLine, onRemoteContent }: Props) {
  const { t } = useI18n()
  const { body, lineOffset } = useMemo(() => previewBody(text, bodyStart), [text, bodyStart])
  const [doc, setDoc] = useState('')
  const [remote, setRemote] = useState(0)
  const shown = useRef<{ body: string; lineOffset: number; options: PreviewOptions; cost: number } | null>(null)
  useEffect(() => {
    const last = shown.current
    // Keyed on the body, not the text: typing in the header (or the form) renders nothing again.
    if (last && last.body === body && last.lineOffset === lineOffset && last.options === options) return
    const render = () => {
      const start = performance.now()
      const next = previewDocument(body, lineOffset, options)
      setDoc(next.html)
      setRemote(next.remote)
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
  const url = useMemo(() => (doc ? URL.createObjectURL(new Blob([doc], { type: 'text/html' })) : null), [doc])
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url)
  }, [url])
  const lines = useMemo(() => Array.from(doc.matchAll(/ data-source-line="(\d+)"/g), (m) => Number(m[1])), [doc])
  const anchor = anchorFor(lines, topLine)
  const frame = useRef<HTMLIFrameElement>(null)
  useEffect(() => {
    if (frame.current && url) frame.current.src = anchor === null ? url : `${url}#${LINE_ANCHOR}${anchor}`
  }, [url, anchor])
  const allowed = options.remoteContent === true
  return (
    <div className="preview-stack">
      {remote > 0 && (
        <div className={'preview-remote ' + (allowed ? 'loading' : 'blocked')} data-testid="remote-bar" data-state={allowed ? 'loading' : 'blocked'} role="status">
          <span>{t(allowed ? 'remoteLoading' : 'remoteBlocked', { count: remote })}</span>
          <button
            type="button"
            data-testid={allowed ? 'remote-block' : 'remote-load'}
            title={allowed ? undefined : t('remoteLoadTitle')}
            onClick={() => onRemoteContent(!allowed)}
          >
            {t(allowed ? 'remoteBlock' : 'remoteLoad')}
          </button>
        </div>
      )}
      <iframe ref={frame} className="preview-frame" data-testid="preview" title={title} sandbox="" />
    </div>
  )
}
