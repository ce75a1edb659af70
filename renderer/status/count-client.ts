import type { TextStats } from '../../shared/text-stats'
import type { CountRequest, CountResponse } from './count-protocol'

/** The count worker failed to start or run: the caller counts in the window instead. */
export class CountWorkerError extends Error {}

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, { resolve: (stats: TextStats) => void; reject: (error: Error) => void }>()

function workerOf(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./count-worker.ts', import.meta.url), { type: 'module', name: 'folio-word-count' })
  started.onmessage = (event: MessageEvent<CountResponse>) => {
    const asked = waiting.get(event.data.id)
    waiting.delete(event.data.id)
    asked?.resolve(event.data.stats)
  }
  started.onerror = (event) => {
    // Every count waiting fails (its caller counts in the window); the next starts a new worker.
    event.preventDefault()
    worker = null
    started.terminate()
    for (const asked of waiting.values()) asked.reject(new CountWorkerError(`The word count worker failed: ${event.message}`))
    waiting.clear()
  }
  return (worker = started)
}

/** The counts of `body`, made in the count worker (one for the window, answers in order). */
export function countInWorker(body: string): Promise<TextStats> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    workerOf().postMessage({ id, body } satisfies CountRequest)
  })
}
