import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { useLiveText, type EditorTextSource } from './live-text'
import { LARGE_BODY } from './refresh-timing'
import { blockAt, patchBlocks, type MountedBlock } from './patch'
import { frameShell, previewBody, PreviewRenderer, type PreviewBlock, type PreviewOptions } from './render'


interface Props {
  /** The open article's path; the preview reads its text from `source` as the writer pauses. */
  path: string
  source: EditorTextSource
  /** The buffer store's published text: a newer one (open, reload, header edit) shows at once. */
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

/** What the parent holds of the frame's current document. */
interface FrameView {
  root: Element
  window: Window
  mounted: MountedBlock[]
  /** The article whose blocks are mounted: another one starts at its own top line. */
  article: string | undefined
}

function scrollToElement(view: FrameView, element: Element | null): void {
  const top = element ? element.getBoundingClientRect().top + view.window.scrollY : 0
  // Not scrollIntoView: that would scroll the app around the frame too.
  view.window.scrollTo({ top, behavior: 'instant' })
}

/** In-page links (footnotes, a table of contents) scroll the frame; they have no document to go to. */
function followFragments(view: FrameView): void {
  view.root.ownerDocument.addEventListener('click', (event) => {
    const target = event.target as Node | null
    const link = target && target.nodeType === 1 ? (target as Element).closest('a[href^="#"]') : null
    if (!link) return
    event.preventDefault()
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1))
    const doc = view.root.ownerDocument
    scrollToElement(view, doc.getElementById(id) ?? doc.getElementsByName(id)[0] ?? null)
  })
}

/**
 * The live preview. The frame is sandboxed with allow-same-origin and nothing else: no script
 * of any kind runs in it (script elements, handlers, javascript: URLs), so nothing in it can reach
 * window.folio; there are no forms, popups or top navigation. Being same-origin, the parent
 * patches its <article> block by block as the writer types and scrolls it directly: the frame
 * loads once, and again only when its CSP must change (remote content, asset base).
 */
export function Preview({ path, source, text, bodyStart, options, title, topLine, onRemoteContent }: Props) {
  const { t } = useI18n()
  const live = useLiveText(source, path, text, bodyStart)
  const { body, lineOffset } = useMemo(() => previewBody(live.text, live.bodyStart), [live.text, live.bodyStart])
  const quietFor = useRef(live.quietFor)
  quietFor.current = live.quietFor
  const renderer = useMemo(() => new PreviewRenderer(options), [options])
  const shell = frameShell(options)
  const [rendered, setRendered] = useState<{ blocks: PreviewBlock[]; article: string | undefined } | null>(null)
  const [loads, setLoads] = useState(0)
  const view = useRef<FrameView | null>(null)
  const frame = useRef<HTMLIFrameElement>(null)
  const shown = useRef<{ body: string; lineOffset: number; renderer: PreviewRenderer; cost: number } | null>(null)
  useEffect(() => {
    const last = shown.current
    // Keyed on the body, not the text: typing in the header (or the form) renders nothing again.
    if (last && last.body === body && last.lineOffset === lineOffset && last.renderer === renderer) return
    const render = () => {
      const start = performance.now()
      setRendered({ blocks: renderer.render(body, lineOffset), article: renderer.options.articlePath })
      const cost = performance.now() - start
      // The first render of an article also pays for warming up: keep the lowest cost seen.
      shown.current = { body, lineOffset, renderer, cost: last?.renderer === renderer ? Math.min(last.cost, cost) : cost }
    }
    // The text comes on the writer's pause (live-text.ts): render it at once. A large body waits
    // until the writer has paused for twice its last refresh, so a short pause in typing is not
    // followed by a frozen editor; typing meanwhile pushes the refresh back.
    const slow = last !== null && last.renderer === renderer && body.length > LARGE_BODY ? last.cost : 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = () => {
      const wait = 2 * slow - quietFor.current()
      if (wait > 0) timer = setTimeout(attempt, wait)
      else render()
    }
    // Another article or other options: counted from the next paint, so an article being opened shows its editor first.
    const fresh = last === null || last.renderer !== renderer
    const frame = fresh ? requestAnimationFrame(() => (timer = setTimeout(attempt))) : 0
    if (!fresh) attempt()
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [body, lineOffset, renderer])

  const onLoad = () => {
    const element = frame.current
    const doc = element?.contentDocument
    const root = doc?.URL === 'about:srcdoc' ? doc.querySelector('article') : null
    if (!element || !doc?.defaultView || !root) {
      // A followed link took the frame elsewhere (the app hands links to the system browser, a
      // plain browser follows them): the preview loads its own document again.
      view.current = null
      element?.setAttribute('srcdoc', shell)
      return
    }
    view.current = { root, window: doc.defaultView, mounted: [], article: undefined }
    followFragments(view.current)
    setLoads((n) => n + 1)
  }
  useEffect(() => {
    view.current?.root.ownerDocument.documentElement.setAttribute('class', options.dark ? 'dark' : 'light')
  }, [options.dark, loads])

  const topLineNow = useRef(topLine)
  topLineNow.current = topLine
  useEffect(() => {
    const current = view.current
    // Between a new shell's start and its load, the old document is already going.
    if (!current?.root.isConnected || !rendered) return
    current.mounted = patchBlocks(current.root, current.mounted, rendered.blocks)
    if (current.article !== rendered.article) {
      current.article = rendered.article
      scrollToElement(current, blockAt(current.mounted, topLineNow.current))
    }
  }, [rendered, loads])
  useEffect(() => {
    if (view.current) scrollToElement(view.current, blockAt(view.current.mounted, topLine))
  }, [topLine])

  const remote = useMemo(() => new Set(rendered?.blocks.flatMap((block) => block.remote)).size, [rendered])
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
      <iframe ref={frame} className="preview-frame" data-testid="preview" title={title} sandbox="allow-same-origin" srcDoc={shell} onLoad={onLoad} />
    </div>
  )
}
