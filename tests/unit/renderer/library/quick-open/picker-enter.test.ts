// @vitest-environment jsdom
/**
 * Enter in the quick open picker while a ranking still goes on in slices (SlicedRanking): the
 * list shows the rows last finished, `settled` finishes the ranking of what was typed. Enter on
 * the first row takes the best of what was typed; a row the writer moved to is the one they see.
 */
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { Picker } from '../../../../../renderer/library/quick-open/Picker'
import { displayLayout } from '../../jsdom-layout'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

displayLayout()
// jsdom scrolls nothing; the picker keeps the selected row in view.
Element.prototype.scrollIntoView = () => undefined

let host: HTMLElement
let root: Root
beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
})
afterEach(() => {
  act(() => root.unmount())
  document.body.replaceChildren()
})

// Shown: the rows finished for the text typed before (the new ranking not done yet).
const SHOWN = ['海边日记.md', '海边.md', '海报.md']
// Settled: the ranking of what was typed, finished when Enter asks for it.
const SETTLED = ['海报设计.md', '旧海报.md', '海报.md']

function open(): string[] {
  const chosen: string[] = []
  act(() =>
    root.render(
      createElement(Picker<string>, {
        title: 'Quick open',
        testId: 'quick-open',
        placeholder: '',
        empty: 'Nothing',
        rows: () => SHOWN,
        settled: () => SETTLED,
        keyOf: (row) => row,
        render: (row) => row,
        onChoose: (row) => chosen.push(row),
        onClose: () => undefined,
      }),
    ),
  )
  return chosen
}

const key = (name: string) =>
  act(() => void document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true })))

it('Enter on the first row takes the best row of what was typed, finished now', () => {
  const chosen = open()
  key('Enter')
  expect(chosen).toEqual(['海报设计.md'])
})

it('Enter on a row the writer moved to opens that row, the one highlighted', () => {
  const chosen = open()
  key('ArrowDown')
  expect(host.querySelector('[aria-selected=true]')?.textContent).toBe('海边.md')
  key('Enter')
  expect(chosen).toEqual(['海边.md'])
})

it('keeps the row the writer moved to selected when a ranking finishing in slices reorders the list', () => {
  const chosen: string[] = []
  const show = (rows: string[]) =>
    act(() =>
      root.render(
        createElement(Picker<string>, {
          title: 'Quick open',
          testId: 'quick-open',
          placeholder: '',
          empty: 'Nothing',
          rows: () => rows,
          keyOf: (row) => row,
          render: (row) => row,
          onChoose: (row) => chosen.push(row),
          onClose: () => undefined,
        }),
      ),
    )
  show(SHOWN)
  key('ArrowDown')
  expect(host.querySelector('[aria-selected=true]')?.textContent).toBe('海边.md')
  // The ranking finishes: the same rows in another order, with one more on top.
  show(['海报设计.md', '海报.md', '海边.md', '海边日记.md'])
  expect(host.querySelector('[aria-selected=true]')?.textContent).toBe('海边.md')
  key('Enter')
  expect(chosen).toEqual(['海边.md'])
})
