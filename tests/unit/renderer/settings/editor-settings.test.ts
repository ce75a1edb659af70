// @vitest-environment jsdom
/**
 * useWriterSettings keeps the shown editor as the writer's settings say, by reconfiguring its
 * compartments: a change of setting or a swapped-in article's state is followed, the text, the
 * selection and the undo history stay, and Vim is loaded only when asked for.
 */
import { history, undoDepth } from '@codemirror/commands'
import { EditorSelection, EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { getCM } from '@replit/codemirror-vim'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Settings } from '../../../../shared/contract'
import { SETTINGS_DEFAULTS } from '../../../../shared/settings'
import { useWriterSettings, writerSettings } from '../../../../renderer/settings/editor-settings'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList
Range.prototype.getBoundingClientRect ??= () => new DOMRect()

const actions = { save: () => undefined, saveAll: () => undefined, leave: () => undefined }
const stateOf = (doc: string) => EditorState.create({ doc, extensions: [history(), writerSettings()] })

function Settled({ view, settings, path }: { view: EditorView; settings: Settings; path: string }) {
  useWriterSettings(view, settings, path, actions)
  return null
}

let view: EditorView
let root: Root
beforeEach(() => {
  view = new EditorView({ state: stateOf('---\ntitle: 设置\n---\n\n正文。\n'), parent: document.body })
  root = createRoot(document.createElement('div'))
})
afterEach(() => {
  act(() => root.unmount())
  view.destroy()
})

const show = (settings: Partial<Settings>, path = 'source/_posts/a.md') =>
  act(() => root.render(createElement(Settled, { view, settings: { ...SETTINGS_DEFAULTS, ...settings }, path })))

describe('useWriterSettings', () => {
  it('follows a changed setting without touching the text, the selection or the undo history', () => {
    view.dispatch({ changes: { from: view.state.doc.length, insert: '再写一句。' }, selection: EditorSelection.cursor(4) })
    const before = { doc: view.state.doc.toString(), depth: undoDepth(view.state) }
    show({ lineWrap: false, spellCheck: false })
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(false)
    expect(view.contentDOM.getAttribute('spellcheck')).toBe('false')
    show({ lineWrap: true, spellCheck: true })
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(true)
    expect(view.contentDOM.getAttribute('spellcheck')).toBe('true')
    expect(view.state.doc.toString()).toBe(before.doc)
    expect(view.state.selection.main.head).toBe(4)
    expect(undoDepth(view.state)).toBe(before.depth)
  })

  it("sets the writer's font and size, falling back to Folio's monospace", () => {
    show({ editorFont: 'LXGW WenKai', editorFontSize: 19, editorLineHeight: 1.9 })
    const css = [...document.querySelectorAll('style')].map((style) => style.textContent).join('\n')
    expect(css).toContain('font-size: 19px')
    expect(css).toMatch(/font-family: LXGW WenKai, var\(--font-mono\)/)
    expect(css).toContain('line-height: 1.9')
  })

  it("configures an article's state swapped in after the settings changed", () => {
    show({ lineWrap: false })
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(false)
    // The buffer store shows another article: its state was made with the defaults (wrap on).
    act(() => view.setState(stateOf('另一篇\n')))
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(true)
    show({ lineWrap: false })
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).toBe(false)
  })

  it('loads Vim when it is turned on and takes it off again', async () => {
    show({ vim: false })
    expect(getCM(view)).toBeFalsy()
    show({ vim: true })
    await act(async () => {
      for (let i = 0; i < 50 && !getCM(view); i++) await new Promise((done) => setTimeout(done, 20))
    })
    expect(getCM(view)?.state.vim).toBeTruthy()
    show({ vim: false })
    expect(getCM(view)).toBeFalsy()
  })
})
