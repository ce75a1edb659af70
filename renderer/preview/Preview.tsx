import type { EditorView } from '@codemirror/view'
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { saidText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import './preview.css'
import { useLiveText, type EditorTextSource } from './live-text'
import { Outline } from './Outline'
import { currentHeading, headingsOf } from './outline'
import { Diagrams } from './diagrams'
import { EmbedPlayers } from './embeds'
import { patchBlocks } from './patch'
import { LARGE_BODY, refreshPause, WINDOW_BODY } from './refresh-timing'
import { useSiteData } from './site-data'
import type { SiteData } from '../../shared/render/site-refs'
import { frameShell, previewBody, PreviewRenderer, type PreviewBlock, type PreviewOptions } from './render'
import { frameTopLine, jumpEditorToLine, scrollEditorToLine, scrollFrameTo, scrollFrameToLine, type FrameView } from './scroll-sync'

/** Blocks mounted at a time when an article opens, and the longest the window mounts at a stretch before it lets keys in. */
const MOUNT_SLICE = 100
const SLICE_MS = 8

/** How long after the writer scrolls one side the other side's scrolling is taken as following, not leading. */
const LEAD_MS = 300

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
  /** The editor: scrolling the preview scrolls it, and the outline jumps in it. */
  editor: EditorView | null
  /** Allows (true) or blocks (false) remote content for the open folder, remembered in settings. */
  onRemoteContent(allowed: boolean): void
}

/** Where the outline's open or closed state is kept between sessions (this computer only). */
const OUTLINE_KEY = 'folio.preview.outline'

/** In-page links (footnotes, a table of contents) scroll the frame; they have no document to go to. */
function followFragments(view: FrameView): void {
  view.root.ownerDocument.addEventListener('click', (event) => {
    const target = event.target as Node | null
    const link = target && target.nodeType === 1 ? (target as Element).closest('a[href^="#"]') : null
    if (!link) return
    event.preventDefault()
    const id = decodeURIComponent(link.getAttribute('href')!.slice(1))
    const doc = view.root.ownerDocument
    const element = doc.getElementById(id) ?? doc.getElementsByName(id)[0] ?? null
    scrollFrameTo(view, element ? element.getBoundingClientRect().top + view.window.scrollY : 0)
  })
}

/**
 * The live preview. The frame is sandboxed with allow-same-origin and nothing else: no script
 * of any kind runs in it (script elements, handlers, javascript: URLs), so nothing in it can reach
 * window.folio; there are no forms, popups or top navigation. Being same-origin, the parent
 * patches its <article> block by block as the writer types and scrolls it directly: the frame
 * loads once and serves every article (switching articles patches it like an edit), loading
 * again only when its CSP must change (remote content, asset base).
 */
export const Preview = memo(function Preview({ path, source, text, bodyStart, options, title, topLine, editor, onRemoteContent }: Props) {
  const { t, locale } = useI18n()
  const live = useLiveText(source, path, text, bodyStart)
  const { body, lineOffset } = useMemo(() => previewBody(live.text, live.bodyStart), [live.text, live.bodyStart])
  const quietFor = useRef(live.quietFor)
  quietFor.current = live.quietFor
  // Each diagram drawn renders the preview again, with the drawing in place of its source.
  const [drawn, setDrawn] = useState(0)
  const diagrams = useMemo(
    () =>
      new Diagrams(options.dark === true, () => setDrawn((n) => n + 1), { failed: t('diagramFailed'), empty: t('diagramEmpty'), output: t('outputOfMermaid') }),
    [options.dark, t],
  )
  // A tag the generator would stop at is said in the UI's language.
  const renderer = useMemo(() => new PreviewRenderer(options, diagrams.markup, (said) => saidText(said, locale)), [options, diagrams, locale])
  // Another article (the frame stays for it) or other options: the old renderer's work in progress stops.
  useEffect(() => () => renderer.dispose(), [renderer])
  const site = useSiteData(path, body, live.text.slice(0, live.bodyStart), options.generator)
  const shell = useMemo(() => frameShell(options), [options])
  const [rendered, setRendered] = useState<{ blocks: PreviewBlock[]; article: string | undefined } | null>(null)
  const [loads, setLoads] = useState(0)
  // The article the frame shows in full (null before any): until it is this one, the frame still
  // holds the last article (the frame is kept across a switch) or part of this one.
  const [framed, setFramed] = useState<string | undefined | null>(null)
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  if (failure) throw failure.error
  const view = useRef<FrameView | null>(null)
  const frame = useRef<HTMLIFrameElement>(null)
  const rendering = useRef<Promise<void> | null>(null)
  const shown = useRef<{ body: string; lineOffset: number; renderer: PreviewRenderer; drawn: number; site: SiteData; cost: number } | null>(null)
  useEffect(() => {
    const last = shown.current
    // Keyed on the body, not the text: typing in the header (or the form) renders nothing again.
    if (last && last.body === body && last.lineOffset === lineOffset && last.renderer === renderer && last.drawn === drawn && last.site === site) return
    let cancelled = false
    const render = async () => {
      // One render in the worker at a time: a newer body waits for it, older ones are dropped.
      while (rendering.current) {
        await rendering.current
        if (cancelled) return
      }
      const start = performance.now()
      const job = renderer.renderOffThread(body, lineOffset, site)
      const done = job.then(
        () => undefined,
        () => undefined,
      )
      rendering.current = done
      void done.then(() => {
        if (rendering.current === done) rendering.current = null
      })
      let blocks: PreviewBlock[]
      try {
        blocks = await job
      } catch (error) {
        // Thrown again while rendering, so the preview's error boundary shows it.
        if (!cancelled) setFailure({ error })
        return
      }
      if (cancelled) return
      const next = { blocks, article: renderer.options.articlePath }
      // Patched into the frame in this task (the mount effect runs within flushSync), so it shows
      // in the next frame instead of after React's scheduled render. A large body's result goes
      // the scheduled way: its render, outline and mount are split over tasks the keys can get between.
      if (body.length > LARGE_BODY) setRendered(next)
      else flushSync(() => setRendered(next))
      const cost = performance.now() - start
      // The first render of an article also pays for warming up: keep the lowest cost seen.
      shown.current = { body, lineOffset, renderer, drawn, site, cost: last?.renderer === renderer ? Math.min(last.cost, cost) : cost }
    }
    // The text comes on the writer's pause (live-text.ts): render it at once, off the window's
    // thread (render-worker.ts), so typing goes on meanwhile. A large body still waits until the
    // writer has paused for its refreshPause (at least twice its last refresh): taking in its
    // result (sanitizing, patching) and the worker's own work on a busy machine are still in the
    // way of keys typed meanwhile.
    const pause = last !== null && last.renderer === renderer && body.length > LARGE_BODY ? refreshPause(body.length, last.cost) : 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = () => {
      const wait = pause - quietFor.current()
      if (wait > 0) timer = setTimeout(attempt, wait)
      else void render()
    }
    // Another article or other options: counted from the next paint, so an article being opened shows its editor first.
    const fresh = last === null || last.renderer !== renderer
    if (!fresh && body.length <= WINDOW_BODY) {
      // After the effects of the pause's render (a microtask of the same task), so the patch shows in the next frame.
      queueMicrotask(() => {
        if (cancelled) return
        const start = performance.now()
        let blocks: PreviewBlock[]
        try {
          blocks = renderer.render(body, lineOffset, site)
        } catch (error) {
          setFailure({ error })
          return
        }
        flushSync(() => setRendered({ blocks, article: renderer.options.articlePath }))
        shown.current = { body, lineOffset, renderer, drawn, site, cost: Math.min(last.cost, performance.now() - start) }
      })
      return () => {
        cancelled = true
      }
    }
    const frame = fresh ? requestAnimationFrame(() => (timer = setTimeout(attempt))) : 0
    if (!fresh) attempt()
    return () => {
      cancelled = true
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [body, lineOffset, renderer, drawn, site])

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
    const current: FrameView = { root, window: doc.defaultView, mounted: [], article: undefined, placed: null }
    view.current = current
    followFragments(current)
    players.current?.attach(current)
    // The writer scrolling the preview scrolls the editor along (a listener of the parent's: the frame runs no script).
    let queued = 0
    const followPreview = () => {
      queued = 0
      const line = view.current === current ? frameTopLine(current) : null
      if (line !== null && editorNow.current) scrollEditorToLine(editorNow.current, line)
    }
    current.window.addEventListener(
      'scroll',
      () => {
        // The parent's own scrolling (following the editor) is not the writer leading.
        if (current.placed !== null && Math.abs(current.window.scrollY - current.placed) < 2) return
        current.placed = null
        previewLed.current = performance.now()
        if (!queued) queued = requestAnimationFrame(followPreview)
      },
      { passive: true },
    )
    setLoads((n) => n + 1)
  }
  useEffect(() => {
    view.current?.root.ownerDocument.documentElement.setAttribute('class', options.dark ? 'dark' : 'light')
  }, [options.dark, loads])
  // Embeds play on click in frames of the parent's own, laid over their cards (embeds.ts).
  const layer = useRef<HTMLDivElement>(null)
  const players = useRef<EmbedPlayers | null>(null)
  useEffect(() => {
    if (!layer.current || !frame.current) return
    const current = new EmbedPlayers(layer.current, frame.current)
    players.current = current
    if (view.current) current.attach(view.current)
    const resized = new ResizeObserver(() => current.layout())
    resized.observe(frame.current)
    return () => {
      resized.disconnect()
      current.clear()
      players.current = null
    }
  }, [])
  useEffect(() => players.current?.configure(options.remoteContent === true, t('embedBlocked')), [options.remoteContent, t])

  const topLineNow = useRef(topLine)
  topLineNow.current = topLine
  const editorNow = useRef(editor)
  editorNow.current = editor
  const previewLed = useRef(-Infinity)
  useEffect(() => {
    const current = view.current
    // Between a new shell's start and its load, the old document is already going.
    if (!current?.root.isConnected || !rendered) return
    const all = rendered.blocks
    let timer: ReturnType<typeof setTimeout> | undefined
    // Many more blocks than the frame holds (a long article opened) go in a slice at a time, letting keys in between.
    const mount = () => {
      const started = performance.now()
      do {
        const upTo = all.length - current.mounted.length > MOUNT_SLICE ? current.mounted.length + MOUNT_SLICE : all.length
        current.mounted = patchBlocks(current.root, current.mounted, upTo === all.length ? all : all.slice(0, upTo))
      } while (current.mounted.length < all.length && performance.now() - started < SLICE_MS)
      if (current.mounted.length < all.length) {
        timer = setTimeout(mount)
        return
      }
      if (current.article !== rendered.article) {
        current.article = rendered.article
        players.current?.clear()
        scrollFrameToLine(current, topLineNow.current)
      }
      setFramed(rendered.article)
      players.current?.layout()
    }
    mount()
    return () => clearTimeout(timer)
  }, [rendered, loads])
  useEffect(() => {
    // The editor follows the preview's scrolling: its new top line is not a reason to move the preview back.
    if (view.current && performance.now() - previewLed.current > LEAD_MS) scrollFrameToLine(view.current, topLine)
  }, [topLine])

  // Another article is being opened: what is rendered (the outline, the remote-content bar) or in
  // the frame is still the last article's until its render lands. The outline and bar say nothing
  // meanwhile; the frame is dimmed and marked busy, so the old page is not read as the new one.
  const ownRender = rendered !== null && rendered.article === options.articlePath
  const busy = !ownRender || framed !== options.articlePath
  const [outlineOpen, setOutlineOpen] = useState(() => localStorage.getItem(OUTLINE_KEY) === 'open')
  // Read only while the outline shows: otherwise a refresh would go through every block for nothing.
  const headings = useMemo(() => (rendered && ownRender && outlineOpen ? headingsOf(rendered.blocks) : []), [rendered, ownRender, outlineOpen])
  const toggleOutline = () => {
    localStorage.setItem(OUTLINE_KEY, outlineOpen ? 'closed' : 'open')
    setOutlineOpen(!outlineOpen)
  }

  const remote = useMemo(() => {
    const sources = new Set<string>()
    if (rendered && ownRender) for (const block of rendered.blocks) for (const src of block.remote) sources.add(src)
    return sources.size
  }, [rendered, ownRender])
  const allowed = options.remoteContent === true
  return (
    <div className={busy ? 'preview-stack stale' : 'preview-stack'}>
      {remote > 0 && (
        <div
          className={'preview-remote ' + (allowed ? 'loading' : 'blocked')}
          data-testid="remote-bar"
          data-state={allowed ? 'loading' : 'blocked'}
          role="status"
        >
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
      <div className="preview-bar">
        <button
          type="button"
          className="outline-toggle"
          data-testid="outline-toggle"
          aria-expanded={outlineOpen}
          aria-controls="preview-outline"
          onClick={toggleOutline}
        >
          {outlineOpen ? '▾' : '▸'} {t('outline')}
        </button>
      </div>
      {outlineOpen && (
        <nav id="preview-outline" className="preview-outline" aria-label={t('outline')} data-testid="outline">
          <Outline headings={headings} current={currentHeading(headings, topLine)} onJump={(line) => editor && jumpEditorToLine(editor, line)} />
        </nav>
      )}
      <iframe
        ref={frame}
        className="preview-frame"
        data-testid="preview"
        title={title}
        aria-busy={busy}
        sandbox="allow-same-origin"
        srcDoc={shell}
        onLoad={onLoad}
      />
      <div ref={layer} className="preview-embed-layer" />
    </div>
  )
}, sameBody)

/**
 * A header-only edit (typing into the form) leaves the body and the line it starts on as they
 * were: the preview does not render again. Every other prop is compared as React would.
 */
function sameBody(before: Props, after: Props): boolean {
  const keys = Object.keys(after) as (keyof Props)[]
  if (keys.length !== Object.keys(before).length) return false
  if (keys.some((key) => key !== 'text' && key !== 'bodyStart' && before[key] !== after[key])) return false
  if (before.text === after.text && before.bodyStart === after.bodyStart) return true
  const was = previewBody(before.text, before.bodyStart)
  const now = previewBody(after.text, after.bodyStart)
  return was.body === now.body && was.lineOffset === now.lineOffset
}
