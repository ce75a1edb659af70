/** A worker thread of the sanitizer pool: the same sanitizer, one DOM per thread. */
import { parentPort } from 'node:worker_threads'
import { inThread } from './sanitize'

export interface SanitizeRequest {
  id: number
  html: string
  images: [string, string][]
}

export type SanitizeReply = { id: number; html: string } | { id: number; error: string }

const sanitizer = inThread()

parentPort?.on('message', (request: SanitizeRequest) => {
  sanitizer.sanitize(request.html, new Map(request.images)).then(
    (html) => parentPort?.postMessage({ id: request.id, html } satisfies SanitizeReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String(error) } satisfies SanitizeReply),
  )
})
