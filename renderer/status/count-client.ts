import type { TextStats } from '../../shared/text-stats'
import type { CountRequest, CountResponse } from './count-protocol'

/** The count worker failed to start or run: the caller counts in the window instead. */
export class CountWorkerError extends Error {}

/** A newer body was asked for before this one's count began: its count is never made. */
export class CountSuperseded extends Error {}

interface Asked {
  body: string
  resolve: (stats: TextStats) => void
  reject: (error: Error) => void
}

let worker: Worker | null = null
let nextId = 0
/** The count the worker is making, and the one body that waits for it (the newest asked). */
let running: { id: number; asked: Asked } | null = null
let next: Asked | null = null

function post(asked: Asked): void {
  const to = workerOf()
  const id = ++nextId
  running = { id, asked }
  to.postMessage({ id, body: asked.body } satisfies CountRequest)
}

function workerOf(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./count-worker.ts', import.meta.url), { type: 'module', name: 'folio-word-count' })
  started.onmessage = (event: MessageEvent<CountResponse>) => {
    if (running?.id !== event.data.id) return
    const { asked } = running
    running = null
    asked.resolve(event.data.stats)
    if (next) {
      const waiting = next
      next = null
      post(waiting)
    }
  }
  const fail = (message: string) => {
    // Every count asked fails (its caller counts in the window); the next starts a new worker.
    worker = null
    started.terminate()
    const failed = [running?.asked, next].filter((asked) => asked !== undefined && asked !== null)
    running = null
    next = null
    for (const asked of failed) asked.reject(new CountWorkerError(`The word count worker failed: ${message}`))
  }
  started.onerror = (event) => {
    event.preventDefault()
    fail(event.message)
  }
  started.onmessageerror = () => fail('an answer could not be read')
  return (worker = started)
}

/**
 * The counts of `body`, made in the count worker. One count runs at a time and only the newest
 * body waits for it: a writer who pauses often must not queue a count of every 1 MB text in turn
 * and see the count fall behind.
 */
export function countInWorker(body: string): Promise<TextStats> {
  return new Promise((resolve, reject) => {
    const asked = { body, resolve, reject }
    if (!running) return post(asked)
    next?.reject(new CountSuperseded('A newer text was asked for'))
    next = asked
  })
}
