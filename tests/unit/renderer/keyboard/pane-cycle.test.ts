// @vitest-environment jsdom
/**
 * F6 between the window's panes in React over jsdom (layout as ../jsdom-layout.ts gives it):
 * toolbar, library, properties, editor, preview in reading order and back, each entered at its
 * main control or where focus last was in it, closed panes skipped, and an open dialog keeping
 * the key to itself.
 */
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { usePaneCycle } from '../../../../renderer/keyboard/pane-cycle'
import { displayLayout } from '../jsdom-layout'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
displayLayout()

const WINDOW = `
  <header class="toolbar"><button>Open folder</button><button>Settings</button></header>
  <nav class="library"><input aria-label="Search"><ul data-testid="article-list" tabindex="0" aria-label="Articles"></ul></nav>
  <section data-testid="properties"><input aria-label="title"></section>
  <div class="editor-pane"><div class="cm-editor"><button aria-label="Fold"></button><div class="cm-content" contenteditable="true" aria-label="Text"></div></div></div>
  <div class="preview-pane"><button>Refresh</button><iframe title="Preview"></iframe></div>`

function Cycle() {
  usePaneCycle()
  return null
}

let root: Root
beforeEach(() => {
  document.body.innerHTML = WINDOW
  const host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
  act(() => root.render(createElement(Cycle)))
})
afterEach(() => {
  act(() => root.unmount())
  document.body.replaceChildren()
})

const f6 = (shiftKey = false) => {
  const event = new KeyboardEvent('keydown', { key: 'F6', shiftKey, bubbles: true, cancelable: true })
  act(() => void (document.activeElement ?? document.body).dispatchEvent(event))
  return event
}
const focused = () => {
  const el = document.activeElement
  return el?.getAttribute('aria-label') ?? el?.getAttribute('title') ?? el?.textContent ?? el?.tagName
}

describe('usePaneCycle', () => {
  it('F6 visits the panes in reading order at their main control, and wraps round', () => {
    const seen = [1, 2, 3, 4, 5, 6].map(() => (f6(), focused()))
    expect(seen).toEqual(['Open folder', 'Articles', 'title', 'Text', 'Preview', 'Open folder'])
  })

  it('Shift+F6 goes back the other way', () => {
    f6()
    expect(focused()).toBe('Open folder')
    f6(true)
    expect(focused()).toBe('Preview')
    f6(true)
    expect(focused()).toBe('Text')
  })

  it('enters a pane where focus last was in it', () => {
    f6()
    act(() => (document.querySelectorAll('header button')[1] as HTMLElement).focus())
    f6()
    expect(focused()).toBe('Articles')
    f6(true)
    expect(focused()).toBe('Settings')
  })

  it('skips a closed pane', () => {
    ;(document.querySelector('[data-testid=properties]') as HTMLElement).hidden = true
    ;(document.querySelector('.preview-pane') as HTMLElement).style.display = 'none'
    const seen = [1, 2, 3, 4].map(() => (f6(), focused()))
    expect(seen).toEqual(['Open folder', 'Articles', 'Text', 'Open folder'])
  })

  it('leaves F6 to an open dialog, and Ctrl+F6 to whoever wants it', () => {
    f6()
    const dialog = document.createElement('div')
    dialog.setAttribute('aria-modal', 'true')
    document.body.append(dialog)
    expect(f6().defaultPrevented).toBe(false)
    expect(focused()).toBe('Open folder')
    dialog.remove()
    const ctrl = new KeyboardEvent('keydown', { key: 'F6', ctrlKey: true, bubbles: true, cancelable: true })
    act(() => void document.activeElement?.dispatchEvent(ctrl))
    expect(ctrl.defaultPrevented).toBe(false)
    expect(focused()).toBe('Open folder')
  })
})
