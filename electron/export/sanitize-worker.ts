/** A worker thread of the sanitizer pool: the same sanitizer, one DOM per thread. */
import { parentPort } from 'node:worker_threads'
import { inThread, type SanitizedBody } from './sanitize'

export interface SanitizeRequest {
  id: number
  html: string
  images: [string, string][]
  remote: boolean
}

export type SanitizeReply = ({ id: number } & SanitizedBody) | { id: number; error: string }

const sanitizer = inThread()

parentPort?.on('message', (request: SanitizeRequest) => {
  sanitizer.sanitize(request.html, { images: new Map(request.images), remote: request.remote }).then(
    (body) => parentPort?.postMessage({ id: request.id, ...body } satisfies SanitizeReply),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String(error) } satisfies SanitizeReply),
  )
})
