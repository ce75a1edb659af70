/**
 * Sanitizing on worker threads. jsdom builds a DOM slowly (~4 ms for a seed-sized article), and
 * a site export sanitizes every article, so large exports spread that over the cores while this
 * thread renders Markdown and writes files. The output does not depend on which thread ran.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { type ExportSanitizer, inThread, type SanitizedBody, type SourcePolicy } from './sanitize'
import type { SanitizeReply, SanitizeRequest } from './sanitize-worker'
import { workerScript, type WorkerScript } from '../system/worker-script'

/** Below this many articles a pool's start-up (a DOM per thread) costs more than it saves. */
const POOL_THRESHOLD = 64

/** Articles queued per worker before this thread sanitizes the next one itself. */
const QUEUE_PER_WORKER = 2

/**
 * `workers` threads plus this one: this thread mostly waits for disk and workers, so it takes an
 * article itself whenever every worker already has enough queued. A worker that stops (it could
 * not load, or crashed) leaves the pool and its queued articles are sanitized here: the export
 * only gets slower, never stuck or failed.
 */
function pool(workers: number, spec: WorkerScript): ExportSanitizer {
  const local = inThread()
  interface Pending {
    worker: Worker
    html: string
    policy: SourcePolicy
    resolve: (body: SanitizedBody) => void
    reject: (error: Error) => void
  }
  const pending = new Map<number, Pending>()
  const load = new Map<Worker, number>()
  let nextId = 0
  const stopped = (worker: Worker): void => {
    if (!load.delete(worker)) return
    for (const [id, p] of pending) {
      if (p.worker !== worker) continue
      pending.delete(id)
      local.sanitize(p.html, p.policy).then(p.resolve, p.reject)
    }
  }
  for (let i = 0; i < workers; i++) {
    // A larger young generation: jsdom allocates many short-lived objects per article.
    const worker = new Worker(spec.code, { eval: spec.eval, resourceLimits: { maxYoungGenerationSizeMb: 64 } })
    load.set(worker, 0)
    worker.on('message', (reply: SanitizeReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1)
      const p = pending.get(reply.id)
      pending.delete(reply.id)
      if ('html' in reply) p?.resolve({ html: reply.html, missing: reply.missing, remote: reply.remote })
      else p?.reject(new Error(`sanitizing failed: ${reply.error}`))
    })
    worker.on('error', () => stopped(worker))
    worker.on('exit', () => stopped(worker))
  }
  return {
    sanitize(html, policy) {
      const least = [...load].sort((a, b) => a[1] - b[1])[0]
      if (!least || least[1] >= QUEUE_PER_WORKER) return local.sanitize(html, policy)
      const [worker, queued] = least
      const id = nextId++
      load.set(worker, queued + 1)
      return new Promise<SanitizedBody>((resolve, reject) => {
        pending.set(id, { worker, html, policy, resolve, reject })
        worker.postMessage({ id, html, images: [...policy.images], remote: policy.remote } satisfies SanitizeRequest)
      })
    },
    async close() {
      const running = [...load.keys()]
      load.clear()
      await Promise.all(running.map((w) => w.terminate()))
    },
  }
}

/**
 * The sanitizer for an export of `count` articles: for large exports, one thread per core (this
 * one included), else this thread alone. `threads` overrides the choice (0 or 1: this thread).
 */
export function sanitizerFor(count: number, threads?: number): ExportSanitizer {
  const size = threads ?? (count >= POOL_THRESHOLD ? Math.min(availableParallelism(), 4) : 1)
  const spec = size > 1 ? workerScript(import.meta.url, 'sanitize-worker') : null
  return spec ? pool(size - 1, spec) : inThread()
}
