/**
 * A worker thread of the index (index-threads.ts): reads and summarises batches of files with
 * the same code as the main thread, and sends the summaries back without the texts (copying
 * every article's text between threads would cost what the thread saves).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readEntry, type ReadEntry, type ReadTarget, withoutText } from './indexer'
import { pathRules } from './scan'
import type { SiteSettings } from './site'

export interface IndexBatch {
  start: number
  entries: ReadTarget[]
}

export interface IndexReply {
  start: number
  results: ReadEntry[]
}

const site = (workerData as { site: SiteSettings }).site
const rules = pathRules(site)

parentPort?.on('message', (batch: IndexBatch) => {
  const results = batch.entries.map((entry) => withoutText(readEntry(entry, site, rules, { keepText: false })))
  parentPort?.postMessage({ start: batch.start, results } satisfies IndexReply)
})
