import type { RenderedBlock, RenderOptions } from '../../shared/markdown'
import type { RenderRequest, RenderResponse } from './render-protocol'

/** A render the worker failed: thrown to the preview's error boundary with the worker's own stack. */
export class WorkerRenderError extends Error {}

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, { resolve: (value: { blocks: RenderedBlock[]; diagrams: string[] }) => void; reject: (error: Error) => void }>()

function workerOf(): Worker {
  if (worker) return worker
  const started = new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'folio-preview-render' })
  started.onmessage = (event: MessageEvent<RenderResponse>) => {
    const answer = event.data
    const asked = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (!asked) return
    if ('error' in answer) asked.reject(new WorkerRenderError(answer.error))
    else asked.resolve({ blocks: answer.blocks, diagrams: answer.diagrams })
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

/**
 * Renders a body to its blocks in the preview's worker (one for the window, requests answered in
 * order). `diagrams` are the drawn Mermaid diagrams to put in place.
 */
export function renderInWorker(
  body: string,
  options: Omit<RenderOptions, 'mermaid'>,
  diagrams: Record<string, string>,
): Promise<{ blocks: RenderedBlock[]; diagrams: string[] }> {
  const id = ++nextId
  const request: RenderRequest = { id, body, options, diagrams }
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    workerOf().postMessage(request)
  })
}
