/**
 * A worker thread of the index (index-threads.ts): reads and summarises batches of files with
 * the same code as the main thread, and sends the summaries back without the texts (copying
 * every article's text between threads would cost what the thread saves).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type TextFactsName, loadTextFacts, readEntry, type ReadEntry, type ReadTarget, withoutText } from './indexer'
import { pathRules } from './scan'
import type { SiteSettings } from './site'

export interface IndexWorkerData {
  site: SiteSettings
  /** Body facts to take from each article as it is read (indexer.ts TextFacts). */
  facts?: TextFactsName
}

export interface IndexBatch {
  start: number
  entries: ReadTarget[]
}

export interface IndexReply {
  start: number
  results: ReadEntry[]
}

const { site, facts } = workerData as IndexWorkerData
const rules = pathRules(site)
const reader = facts ? loadTextFacts(facts, site) : Promise.resolve(undefined)

parentPort?.on('message', (batch: IndexBatch) => {
  void reader.then((read) => {
    const results = batch.entries.map((entry) => withoutText(readEntry(entry, site, rules, { keepText: false, facts: read })))
    parentPort?.postMessage({ start: batch.start, results } satisfies IndexReply)
  })
})
