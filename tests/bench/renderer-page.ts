/**
 * The in-page half of tests/bench/renderer.bench.ts: bundled by Vite into one script, evaluated
 * in the harness page as `window.folioBench`. It stamps input, waits for paints and runs the
 * same-page baselines (a bare CodeMirror, markdown-it alone).
 */
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import MarkdownIt from 'markdown-it'
import { previewBody, PreviewRenderer } from '../../renderer/preview/render'
import { PREVIEW_REFRESH_MARK } from '../../renderer/preview/refresh-timing'
import { detect } from '../../shared/frontmatter'

/** Resolves with performance.now() once the frame rendered after this call has been painted. */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      // A message posted from rAF runs as the next task, after that frame's paint.
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve(performance.now())
      channel.port2.postMessage(null)
    })
  })
}

/** Every wait in the benchmark ends: a paint that never comes fails the run, naming what it waited for. */
function within<T>(ms: number, what: string, wait: (done: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)
    wait((value) => {
      clearTimeout(timer)
      resolve(value)
    })
  })
}

const keystrokes: number[] = []
let pendingKey: number | null = null
let lastKey = 0

/**
 * Times every keystroke from the event's own timestamp (so time spent queued behind a busy main
 * thread counts) to the paint after it. Characters off the keyboard arrive as beforeinput alone.
 */
export function watchKeystrokes(): void {
  const stamp = (event: Event) => {
    lastKey = event.timeStamp
    if (pendingKey !== null) return
    pendingKey = event.timeStamp
    void afterPaint().then((painted) => {
      keystrokes.push(painted - (pendingKey ?? painted))
      pendingKey = null
    })
  }
  document.addEventListener('keydown', stamp, { capture: true })
  document.addEventListener('beforeinput', stamp, { capture: true })
}

/** The keystroke times collected since the last call. */
export function takeKeystrokes(): number[] {
  return keystrokes.splice(0)
}

export function lastKeystroke(): number {
  return lastKey
}

let lastClick = 0
document.addEventListener('click', (event) => (lastClick = event.timeStamp), { capture: true })

/** Milliseconds from the last click to the paint after `.cm-content` first shows `marker`. */
export function editorShows(marker: string, timeoutMs = 60_000): Promise<number> {
  let observer: MutationObserver | null = null
  return within<number>(timeoutMs, `the editor to show "${marker}"`, (resolve) => {
    const check = () => {
      if (!document.querySelector('.cm-content')?.textContent?.includes(marker)) return
      observer?.disconnect()
      void afterPaint().then((painted) => resolve(painted - lastClick))
    }
    observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  }).finally(() => observer?.disconnect())
}

/** When the preview is painted showing a word: from the last keystroke, and from the moment the preview decided the writer paused (its refresh's start). */
export interface PreviewShown {
  fromKey: number
  fromPause: number
  /** From the refresh mark to the frame's article patched (the rest, to fromPause, is waiting for the frame and painting it). */
  patched: number
}

/**
 * Milliseconds to the paint after the preview frame's article first shows `marker`, from the last
 * keystroke and from the preview's refresh mark (PREVIEW_REFRESH_MARK, set when the pause is
 * decided). The frame is same-origin and patched in place, so its document is watched.
 */
export function previewShows(marker: string, timeoutMs = 60_000): Promise<PreviewShown> {
  let observer: MutationObserver | null = null
  return within<PreviewShown>(timeoutMs, `the preview to show "${marker}"`, (resolve) => {
    const article = document.querySelector<HTMLIFrameElement>('iframe[data-testid=preview]')?.contentDocument?.querySelector('article')
    if (!article) throw new Error('no preview frame with an article')
    // Only what the patch put in is read: the whole article's text (100 KB) read in the patch's
    // own task would delay the very paint being timed.
    const check = (records: MutationRecord[]) => {
      const shows = records.some((record) =>
        record.type === 'characterData'
          ? record.target.textContent?.includes(marker)
          : Array.from(record.addedNodes).some((node) => node.textContent?.includes(marker)),
      )
      if (!shows) return
      observer?.disconnect()
      const pause = performance.getEntriesByName(PREVIEW_REFRESH_MARK, 'mark').at(-1)?.startTime ?? NaN
      // The observer's callback runs in the patch's own task, right after it.
      const patched = performance.now() - pause
      void afterPaint().then((painted) => resolve({ fromKey: painted - lastKey, fromPause: painted - pause, patched }))
    }
    observer = new MutationObserver(check)
    observer.observe(article, { subtree: true, childList: true, characterData: true })
  }).finally(() => observer?.disconnect())
}

/** When the preview last decided a pause (its PREVIEW_REFRESH_MARK, one kept at a time), or -1. */
export function lastRefreshMark(): number {
  return performance.getEntriesByName(PREVIEW_REFRESH_MARK, 'mark').at(-1)?.startTime ?? -1
}

/** Resolves true once the preview decides a pause after `since` (lastRefreshMark), false after `timeoutMs` without one. */
export function refreshDecided(since: number, timeoutMs: number): Promise<boolean> {
  const started = performance.now()
  return new Promise((resolve) => {
    const look = () => {
      if (lastRefreshMark() > since) resolve(true)
      else if (performance.now() - started > timeoutMs) resolve(false)
      else setTimeout(look, 5)
    }
    look()
  })
}

let patches = 0
let patchObserver: MutationObserver | null = null

/**
 * Counts the preview's refreshes from now on: each batch of changes to the frame's article (one
 * patch from the parent). Returns false when no preview frame shows an article.
 */
export function watchPreviewPatches(): boolean {
  patchObserver?.disconnect()
  patches = 0
  const article = document.querySelector<HTMLIFrameElement>('iframe[data-testid=preview]')?.contentDocument?.querySelector('article')
  if (!article) return false
  patchObserver = new MutationObserver(() => patches++)
  patchObserver.observe(article, { childList: true })
  return true
}

/** The refreshes counted since watchPreviewPatches. */
export function takePreviewPatches(): number {
  patchObserver?.disconnect()
  patchObserver = null
  return patches
}

/** A bare text input over the app, focused: the baseline for typing into a form field. */
export function mountBareInput(): void {
  const input = document.createElement('input')
  input.type = 'text'
  input.id = 'folio-bench-bare-input'
  input.style.cssText = 'position:fixed;top:8px;left:8px;width:480px;z-index:100000'
  document.body.append(input)
  input.focus()
}

export function unmountBareInput(): void {
  document.getElementById('folio-bench-bare-input')?.remove()
}

let bare: EditorView | null = null

/** A bare CodeMirror (Markdown language, line wrapping, nothing else) over the whole window, cursor at the end of `line`. */
export function mountBareEditor(doc: string, line: number): void {
  const host = document.createElement('div')
  host.style.cssText = 'position:fixed;inset:0;z-index:100000;background:#fff;overflow:auto'
  document.body.append(host)
  bare = new EditorView({
    parent: host,
    state: EditorState.create({ doc, extensions: [markdown({ base: markdownLanguage }), EditorView.lineWrapping] }),
  })
  const end = bare.state.doc.line(line).to
  bare.dispatch({ selection: { anchor: end }, scrollIntoView: true })
  bare.focus()
}

export function unmountBareEditor(): void {
  bare?.dom.parentElement?.remove()
  bare?.destroy()
  bare = null
}

function medianMs(rounds: number, run: () => void): number {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0
}

const md = new MarkdownIt({ html: true, linkify: true })

/**
 * The fastest of `rounds` renders of `text` by markdown-it alone, after one to warm it: the
 * plain cost of the work, not what else the machine (other processes, the page's own collector
 * and painting) was doing during one of them. A median of three taken right after a refresh
 * ranged from 8 to 23 ms on one 100 KB body from run to run on a loaded machine.
 */
export function markdownItMs(text: string, rounds: number): number {
  md.render(text)
  let fastest = Infinity
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    md.render(text)
    fastest = Math.min(fastest, performance.now() - start)
  }
  return fastest
}

/**
 * Median milliseconds of the preview's own pipeline (body, markdown-it setup, DOMPurify) on a
 * whole article: `first` renders it afresh each round, otherwise each round renders it again
 * after a one-character edit in its middle, as typing does.
 */
export function previewMs(text: string, rounds: number, first: boolean): number {
  const { body, lineOffset } = previewBody(text, detect(text).bodyStart)
  const options = { articlePath: 'mid.md', assetBase: '/__folio-asset/' }
  const warm = new PreviewRenderer(options)
  warm.render(body, lineOffset)
  const middle = body.indexOf('\n\n', body.length / 2)
  let round = 0
  return medianMs(rounds, () => {
    if (first) new PreviewRenderer(options).render(body, lineOffset)
    else warm.render(body.slice(0, middle) + 'xy'[round++ % 2] + body.slice(middle), lineOffset)
  })
}
