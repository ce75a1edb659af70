// @vitest-environment jsdom
/**
 * useMainEvents subscribes each event once for the life of the window, however often the
 * workbench renders, and every event reaches the handlers of the latest render. The bridge here
 * is the preload's shape (window.folio.on), as tests/e2e/harness.ts builds it in the page.
 */
import { act, createElement, StrictMode, useEffect, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventName, WireApi } from '../../../../shared/contract'
import { useMainEvents, type MainEventHandlers } from '../../../../renderer/workbench/use-main-events'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** window.folio's events: every subscription and unsubscription counted. */
function bridge() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const subscribed: string[] = []
  const on = (event: string, listener: (payload: unknown) => void) => {
    subscribed.push(event)
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener)
    return () => void set.delete(listener)
  }
  const emit = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const active = (event: string) => listeners.get(event)?.size ?? 0
  return { on, emit, subscribed, active }
}

function Listener({ handlers }: { handlers: MainEventHandlers }) {
  useMainEvents(handlers)
  return null
}

let events: ReturnType<typeof bridge>
let root: Root
beforeEach(() => {
  events = bridge()
  window.folio = { on: events.on } as unknown as WireApi
  root = createRoot(document.createElement('div'))
})
afterEach(() => {
  act(() => root.unmount())
  delete window.folio
})

const render = (node: ReactNode) => act(() => root.render(node))

describe('useMainEvents', () => {
  it('subscribes each event once across many renders, and calls the latest render’s handler', () => {
    const calls: string[] = []
    const handlersOf = (n: number): MainEventHandlers => ({
      folderGone: ({ root: gone }) => calls.push(`render ${n}: gone ${gone}`),
      menuCommand: ({ command }) => calls.push(`render ${n}: ${command}`),
      indexProgress: ({ done, total }) => calls.push(`render ${n}: ${done}/${total}`),
    })
    for (let n = 1; n <= 25; n++) render(createElement(Listener, { handlers: handlersOf(n) }))
    expect(events.subscribed.sort()).toEqual(['folderGone', 'indexProgress', 'menuCommand'])

    act(() => {
      events.emit('folderGone', { root: '/sites/blog' })
      events.emit('menuCommand', { command: 'save' })
      events.emit('indexProgress', { root: '/sites/blog', done: 3, total: 9 })
      events.emit('contentChanged', { added: [], changed: ['a.md'], removed: [] })
    })
    expect(calls).toEqual(['render 25: gone /sites/blog', 'render 25: save', 'render 25: 3/9'])
  })

  it('leaves no listener behind when the window unmounts', () => {
    render(createElement(Listener, { handlers: { contentChanged: () => undefined, openRequest: () => undefined } }))
    expect([events.active('contentChanged'), events.active('openRequest')]).toEqual([1, 1])
    act(() => root.unmount())
    expect([events.active('contentChanged'), events.active('openRequest')]).toEqual([0, 0])
    root = createRoot(document.createElement('div'))
  })

  it('keeps one live listener per event under StrictMode, which mounts effects twice', () => {
    let seen = 0
    const listener = (n: number) => createElement(StrictMode, null, createElement(Listener, { handlers: { folderGone: () => (seen += n) } }))
    render(listener(1))
    render(listener(10))
    expect(events.active('folderGone')).toBe(1)
    act(() => events.emit('folderGone', { root: '/x' }))
    expect(seen).toBe(10)
  })

  it('is subscribed before any effect of the same render runs, even one called earlier: a pull in an effect misses nothing', () => {
    const order: string[] = []
    const original = events.on
    window.folio = { on: (event: string, listener: (payload: unknown) => void) => (order.push(`on ${event}`), original(event, listener)) } as unknown as WireApi
    function Puller() {
      // What useOpenRequests does, called before the workbench's useMainEvents: pull once, in an
      // effect, what was asked before the page listened.
      useEffect(() => void order.push('pull'), [])
      useMainEvents({ openRequest: () => undefined })
      return null
    }
    render(createElement(Puller))
    expect(order).toEqual(['on openRequest', 'pull'])
  })
})
