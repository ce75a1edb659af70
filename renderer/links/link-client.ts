import { textLinks } from '../../shared/assets/check'
import type { TextLinks } from '../../shared/contract'
import type { LinkRequest, LinkResponse } from './link-protocol'

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, { text: string; resolve: (links: TextLinks) => void }>()

function workerOf(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./link-worker.ts', import.meta.url), { type: 'module', name: 'folio-link-lint' })
  started.onmessage = (event: MessageEvent<LinkResponse>) => {
    const asked = waiting.get(event.data.id)
    waiting.delete(event.data.id)
    asked?.resolve(event.data.links)
  }
  const fail = () => {
    // The worker could not start or answer: what it was asked is read in the window; the next starts a new one.
    worker = null
    started.terminate()
    for (const { text, resolve } of waiting.values()) resolve(textLinks(text))
    waiting.clear()
  }
  started.onerror = (event) => {
    event.preventDefault()
    fail()
  }
  started.onmessageerror = fail
  return (worker = started)
}

/** The references of an article's text that the link check judges, read in the link worker (in the window where there are no workers). */
export function linksInWorker(text: string): Promise<TextLinks> {
  if (typeof Worker === 'undefined') return Promise.resolve(textLinks(text))
  const id = ++nextId
  return new Promise((resolve) => {
    waiting.set(id, { text, resolve })
    workerOf().postMessage({ id, text } satisfies LinkRequest)
  })
}
