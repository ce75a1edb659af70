/**
 * Indexing on worker threads: a cold open of a big folder reads and summarises its files on
 * every core. This thread takes batches too, so a pool that cannot start (no worker script, a
 * thread that crashes) only makes the index slower, never stuck or different: each file is
 * summarised by the same readEntry wherever it runs, and results come back in file order.
 */
import { Worker } from 'node:worker_threads'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { workerScript } from '../system/worker-script'
import type { TextFactsName, ReadEntry, ReadTarget } from './indexer'
import type { IndexBatch, IndexReply, IndexWorkerData } from './index-worker'
import type { SiteSettings } from './site'

/** Files per message: large enough that messaging costs little, small enough to share the tail. */
const BATCH = 64
/** Below this many files, starting threads costs more than they save. */
export const THREAD_THRESHOLD = 1_000

/**
 * Reads every entry with `threads` threads in all (this one included), calling `local` for the
 * batches this thread takes; resolves with the results in entry order. `facts`: the body facts
 * the workers take too (`local` takes them here).
 */
export async function readOnThreads(
  entries: ReadTarget[],
  site: SiteSettings,
  threads: number,
  local: (entry: ReadTarget) => ReadEntry,
  facts?: TextFactsName,
): Promise<ReadEntry[]> {
  const results: ReadEntry[] = new Array<ReadEntry>(entries.length)
  const script = threads > 1 ? workerScript(import.meta.url, 'index-worker') : null
  const retry: number[] = []
  let next = 0
  let done = 0
  const take = (): number | null => {
    const again = retry.shift()
    if (again !== undefined) return again
    if (next >= entries.length) return null
    const start = next
    next += BATCH
    return start
  }
  const workers: Worker[] = []
  let wake: (() => void) | null = null
  const settled = (): void => {
    wake?.()
    wake = null
  }
  if (script) {
    for (let i = 0; i < threads - 1; i++) {
      const worker = new Worker(script.code, { eval: script.eval, workerData: { site, facts } satisfies IndexWorkerData })
      const inFlight = new Set<number>()
      const send = (): void => {
        const start = take()
        if (start === null) return
        inFlight.add(start)
        worker.postMessage({ start, entries: entries.slice(start, start + BATCH) } satisfies IndexBatch)
      }
      worker.on('message', (reply: IndexReply) => {
        inFlight.delete(reply.start)
        for (let k = 0; k < reply.results.length; k++) results[reply.start + k] = reply.results[k] as ReadEntry
        done += reply.results.length
        send()
        settled()
      })
      const stopped = (): void => {
        // Its batches are read here instead.
        retry.push(...inFlight)
        inFlight.clear()
        settled()
      }
      worker.on('error', stopped)
      worker.on('exit', stopped)
      // Two batches queued, so the thread never waits for the next one.
      send()
      send()
      workers.push(worker)
    }
  }
  try {
    while (done < entries.length) {
      const start = take()
      if (start === null) {
        // Everything is handed out: wait for the workers' last replies (or their end).
        await new Promise<void>((resolve) => (wake = resolve))
        continue
      }
      const end = Math.min(start + BATCH, entries.length)
      for (let k = start; k < end; k++) results[k] = local(entries[k] as ReadTarget)
      done += end - start
      // Let the workers' replies in, and the main process answer between batches.
      await nextTurn()
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return results
}
