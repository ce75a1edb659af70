/**
 * The preview's Markdown render, off the renderer's main thread: a 1 MB article takes markdown-it,
 * highlight.js and KaTeX hundreds of milliseconds, which in the window's thread would hold up the
 * writer's keys. Only rendering happens here; sanitizing stays with DOMPurify in the window
 * (render.ts), on the real DOM, since a worker has none. After an edit only the blocks around it
 * are rendered again (shared/render/block-renderer.ts) and only those are sent back.
 */
import { BlockRenderer, renderKey } from '../../shared/render/block-renderer'
import type { RenderRequest, RenderResponse } from './render-protocol'

const post = (message: RenderResponse) => self.postMessage(message)

/** Each preview's last render, by client: a few at most (a window shows one preview; another options set starts another client). */
const clients = new Map<number, { renderer: BlockRenderer; answered: number }>()
const KEPT = 4

self.onmessage = (event: MessageEvent<RenderRequest>) => {
  const { id, client, base, body, options, diagrams } = event.data
  let held = clients.get(client)
  clients.delete(client)
  held ??= { renderer: new BlockRenderer(), answered: 0 }
  clients.set(client, held)
  if (clients.size > KEPT) clients.delete(clients.keys().next().value!)
  // The preview holds another answer than the one this client's render builds on: a whole render.
  if (base !== held.answered) held.renderer.reset()
  try {
    const update = held.renderer.render(body, { ...options, mermaid: (source) => diagrams[source] ?? null }, renderKey(options, diagrams))
    held.answered = id
    post({ id, update, base })
  } catch (error) {
    held.renderer.reset()
    held.answered = 0
    post({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
}
