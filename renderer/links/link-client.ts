import { textLinks } from '../../shared/assets/check'
import type { TextLinks } from '../../shared/contract'
import type { LinkRequest, LinkResponse } from './link-protocol'

interface Waiter {
  text: string
  resolve: (links: TextLinks) => void
  reject: (error: unknown) => void
}

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, Waiter>()

/** The references read in the window: a reading that throws rejects, which the lint takes as nothing to say. */
function readHere(text: string): Promise<TextLinks> {
  return new Promise((resolve) => resolve(textLinks(text)))
}

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
    const asked = [...waiting.values()]
    waiting.clear()
    // Each waiter settles, even when the window's reading throws too.
    for (const { text, resolve, reject } of asked) readHere(text).then(resolve, reject)
  }
  started.onerror = (event) => {
    event.preventDefault()
    fail()
  }
  started.onmessageerror = fail
  return (worker = started)
}

/** The references of an article's text that the link check judges, read in the link worker (in the window where there are no workers or one cannot be made). */
export function linksInWorker(text: string): Promise<TextLinks> {
  if (typeof Worker === 'undefined') return readHere(text)
  let linker: Worker
  try {
    linker = workerOf()
  } catch {
    return readHere(text)
  }
  const id = ++nextId
  return new Promise((resolve, reject) => {
    waiting.set(id, { text, resolve, reject })
    try {
      linker.postMessage({ id, text } satisfies LinkRequest)
    } catch (error) {
      waiting.delete(id)
      reject(error)
    }
  })
}
