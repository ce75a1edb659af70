import type { BlockUpdate } from '../../shared/render/block-renderer'
import type { RenderRequest, RenderResponse } from './render-protocol'

/** A render the worker failed: thrown to the preview's error boundary with the worker's own stack. */
export class WorkerRenderError extends Error {}

let worker: Worker | null = null
let nextId = 0
let nextClient = 0
const waiting = new Map<number, { resolve: (value: { update: BlockUpdate; id: number; base: number }) => void; reject: (error: Error) => void }>()

function workerOf(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'folio-preview-render' })
  started.onmessage = (event: MessageEvent<RenderResponse>) => {
    const answer = event.data
    const asked = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (!asked) return
    if ('error' in answer) asked.reject(new WorkerRenderError(answer.error))
    else asked.resolve({ update: answer.update, id: answer.id, base: answer.base })
  }
  started.onerror = (event) => {
    // The worker itself failed (it could not load): every waiting render fails, the next starts a new one.
    event.preventDefault()
    worker = null
    started.terminate()
    for (const asked of waiting.values()) asked.reject(new WorkerRenderError(`The preview's render worker failed: ${event.message}`))
    waiting.clear()
  }
  return (worker = started)
}

/** A new client of the worker: one per preview renderer, whose renders the worker builds on each other. */
export function workerClient(): number {
  return ++nextClient
}

/**
 * Renders a body to its blocks in the preview's worker (one for the window, requests answered in
 * order), as an update to the answer `base` the client holds; `id` names this answer for the next.
 */
export function renderInWorker(request: Omit<RenderRequest, 'id'>): Promise<{ update: BlockUpdate; id: number; base: number }> {
  const id = ++nextId
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    workerOf().postMessage({ ...request, id } satisfies RenderRequest)
  })
}
