// @vitest-environment jsdom
/**
 * The dialog focus trap in React over jsdom: the first control takes focus, Tab and Shift+Tab
 * wrap, focus that leaves is brought back (unless another dialog took it), and on close focus
 * returns where it was. Layout as ../jsdom-layout.ts gives it.
 */
import { act, createElement, useRef, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { focusables, useFocusTrap } from '../../../../renderer/dialogs/focus-trap'
import { displayLayout } from '../jsdom-layout'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

displayLayout()

function Dialog({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useFocusTrap(ref)
  return createElement('div', { ref, role: 'dialog', 'aria-modal': 'true', tabIndex: -1 }, children)
}

let host: HTMLElement
let root: Root
let opener: HTMLButtonElement
beforeEach(() => {
  opener = document.createElement('button')
  opener.textContent = 'Open'
  host = document.createElement('div')
  document.body.append(opener, host)
  opener.focus()
  root = createRoot(host)
})
afterEach(() => {
  act(() => root.unmount())
  document.body.replaceChildren()
})

const e = createElement
const controls = () => [e('input', { key: 'name', 'aria-label': 'Name' }), e('button', { key: 'no', disabled: true }, 'No'), e('button', { key: 'ok' }, 'OK')]
const label = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent
const tab = (shiftKey = false) =>
  act(() => void document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true })))

describe('focusables', () => {
  it('lists what Tab reaches in document order, leaving out disabled, hidden and undisplayed controls', () => {
    const box = document.createElement('div')
    box.innerHTML =
      '<a href="#x">link</a><a>no href</a><button disabled>off</button><input type="hidden"><div hidden><button>in hidden</button></div>' +
      '<div style="display: none"><button>undisplayed</button></div><select><option>1</option></select><div tabindex="0">custom</div><div tabindex="-1">not</div><textarea></textarea>'
    document.body.append(box)
    expect(focusables(box).map((el) => el.tagName.toLowerCase() + (el.textContent ? `:${el.textContent}` : ''))).toEqual([
      'a:link',
      'select:1',
      'div:custom',
      'textarea',
    ])
  })
})

describe('useFocusTrap', () => {
  it('gives the dialog’s first control the focus, and Tab and Shift+Tab wrap round its controls', () => {
    act(() => root.render(e(Dialog, null, controls())))
    expect(label()).toBe('Name')
    tab()
    expect(label()).toBe('OK')
    tab()
    expect(label()).toBe('Name')
    tab(true)
    expect(label()).toBe('OK')
  })

  it('brings focus that lands outside back in, but leaves it to another dialog opened above', () => {
    act(() => root.render(e(Dialog, null, controls())))
    act(() => opener.focus())
    expect(label()).toBe('Name')
    const above = document.createElement('div')
    above.setAttribute('aria-modal', 'true')
    const button = document.createElement('button')
    button.textContent = 'Above'
    above.append(button)
    document.body.append(above)
    act(() => button.focus())
    expect(label()).toBe('Above')
  })

  it('gives the focus back to where it was when the dialog closes', () => {
    act(() => root.render(e(Dialog, null, controls())))
    expect(label()).toBe('Name')
    act(() => root.render(null))
    expect(document.activeElement).toBe(opener)
  })

  it('keeps Tab inside a dialog with no control, on the dialog itself', () => {
    act(() => root.render(e(Dialog, null, e('p', null, 'Saved.'))))
    expect(document.activeElement?.getAttribute('role')).toBe('dialog')
    tab()
    expect(document.activeElement?.getAttribute('role')).toBe('dialog')
  })
})
