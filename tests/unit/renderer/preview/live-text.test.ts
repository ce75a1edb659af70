// @vitest-environment jsdom
/**
 * useLiveText in React: the preview takes the editor's text after its own short pause, a newer
 * published text (another article, a reload) wins at once, and edits of another article are not
 * shown for this one. The source is a real EditorState per article, with the store's edit signal.
 */
import { EditorState } from '@codemirror/state'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLiveText, type EditorTextSource, type LiveTextView } from '../../../../renderer/preview/live-text'
import { LARGE_BODY, PREVIEW_PAUSE_MS, refreshPause } from '../../../../renderer/preview/refresh-timing'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const A = '---\ntitle: 甲\n---\n正文。\n'

/** Articles' editor states, and the store's "edited" signal. */
function source(texts: Record<string, string>) {
  const states = new Map(Object.entries(texts).map(([path, text]) => [path, EditorState.create({ doc: text })]))
  const listeners = new Set<() => void>()
  const src: EditorTextSource = {
    onEdit: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    liveState: (path) => states.get(path) ?? null,
  }
  const type = (path: string, insert: string) => {
    const state = states.get(path)
    if (!state) throw new Error(path)
    states.set(path, state.update({ changes: { from: state.doc.length, insert } }).state)
    for (const listener of listeners) listener()
  }
  return { src, type }
}

let root: Root
let seen: LiveTextView
function Probe(props: { src: EditorTextSource; path: string; published: string; bodyStart: number }) {
  seen = useLiveText(props.src, props.path, props.published, props.bodyStart)
  return null
}
const show = (props: Parameters<typeof Probe>[0]) => act(() => root.render(createElement(Probe, props)))
const pause = (ms = PREVIEW_PAUSE_MS + 50) => act(() => new Promise((done) => setTimeout(done, ms)))

beforeEach(() => {
  root = createRoot(document.createElement('div'))
})
afterEach(() => act(() => root.unmount()))

describe('useLiveText', () => {
  it('shows the published text until the writer types, then the editor’s text after the preview’s pause', async () => {
    const { src, type } = source({ 'a.md': A })
    show({ src, path: 'a.md', published: A, bodyStart: 17 })
    expect([seen.text, seen.bodyStart, seen.quietFor()]).toEqual([A, 17, Infinity])
    type('a.md', '再写。\n')
    expect(seen.text).toBe(A)
    expect(seen.quietFor()).toBeLessThan(PREVIEW_PAUSE_MS)
    await pause()
    expect(seen.text).toBe(A + '再写。\n')
    expect(seen.bodyStart).toBe(A.indexOf('正文'))
  })

  it('takes the editor’s exact text pause after pause, whatever was edited where (a CRLF file’s lone \\n too)', async () => {
    const long = A + '第一段。plain words\n\n'.repeat(3_000)
    const states = new Map([['a.md', EditorState.create({ doc: long, extensions: EditorState.lineSeparator.of('\r\n') })]])
    const listeners = new Set<() => void>()
    const src: EditorTextSource = { onEdit: (l) => (listeners.add(l), () => void listeners.delete(l)), liveState: (path) => states.get(path) ?? null }
    show({ src, path: 'a.md', published: long, bodyStart: 17 })
    const edits = [
      { at: 0.5, cut: 0, insert: '中文' },
      { at: 0.1, cut: 7, insert: '' },
      { at: 0.9, cut: 2, insert: '\r\n😀' },
      { at: 0.3, cut: 0, insert: '\n' },
      { at: 1, cut: 0, insert: 'end' },
    ]
    for (const { at, cut, insert } of edits) {
      const state = states.get('a.md')!
      const from = Math.floor(at * state.doc.length)
      states.set('a.md', state.update({ changes: { from, to: Math.min(state.doc.length, from + cut), insert } }).state)
      for (const listener of listeners) listener()
      await pause()
      expect(seen.text).toBe(states.get('a.md')!.doc.toString())
    }
  })

  it('lets a newer published text win at once (a reload), and never shows another article’s edits', async () => {
    const { src, type } = source({ 'a.md': A, 'b.md': '---\ntitle: 乙\n---\n' })
    show({ src, path: 'a.md', published: A, bodyStart: 17 })
    type('a.md', '改。')
    await pause()
    expect(seen.text).toBe(A + '改。')
    const reloaded = A.replace('正文', '磁盘上的正文')
    show({ src, path: 'a.md', published: reloaded, bodyStart: 17 })
    expect(seen.text).toBe(reloaded)
    show({ src, path: 'b.md', published: '---\ntitle: 乙\n---\n', bodyStart: 15 })
    expect(seen.text).toBe('---\ntitle: 乙\n---\n')
  })

  it('takes a large article only once the writer stops, never between the keys of a burst', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      const big = A + '一段正文，plain words too.\n\n'.repeat(Math.ceil((1024 * 1024) / 24))
      const { src, type } = source({ 'big.md': big })
      show({ src, path: 'big.md', published: big, bodyStart: 17 })
      // Keys 200 ms apart: slow typing on a loaded machine, yet one burst; each gap is past the small article's pause.
      let typed = big
      for (const key of '慢慢地打字') {
        type('big.md', key)
        typed += key
        act(() => {
          vi.advanceTimersByTime(200)
        })
        expect(seen.text).toBe(big)
      }
      const pause = refreshPause(typed.length)
      act(() => {
        vi.advanceTimersByTime(pause - 200 - 1)
      })
      expect(seen.text).toBe(big)
      act(() => {
        vi.advanceTimersByTime(1)
      })
      expect(seen.text).toBe(typed)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('refreshPause', () => {
  it('refreshes a small body at the short pause, whatever its last refresh cost', () => {
    expect(refreshPause(0)).toBe(PREVIEW_PAUSE_MS)
    expect(refreshPause(LARGE_BODY, 40)).toBe(PREVIEW_PAUSE_MS)
  })

  it('makes a large body wait past any gap of a burst even after a quick refresh, longer as it grows or as its refresh costs', () => {
    const mb = 1024 * 1024
    // A 1 MB refresh that took 5 ms (the lowest cost kept) once made the wait 10 ms.
    expect(refreshPause(mb, 5)).toBeGreaterThanOrEqual(300)
    expect(refreshPause(LARGE_BODY + 1)).toBeGreaterThanOrEqual(300)
    expect(refreshPause(4 * mb)).toBeGreaterThan(refreshPause(mb))
    expect(refreshPause(mb, 400)).toBe(800)
  })
})
