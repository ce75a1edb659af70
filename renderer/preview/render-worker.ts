/**
 * The preview's Markdown render, off the renderer's main thread: a 1 MB article takes markdown-it,
 * highlight.js and KaTeX hundreds of milliseconds, which in the window's thread would hold up the
 * writer's keys. Only rendering happens here; sanitizing stays with DOMPurify in the window
 * (render.ts), on the real DOM, since a worker has none.
 */
import { renderBlocks } from '../../shared/markdown'
import type { RenderRequest, RenderResponse } from './render-protocol'

const post = (message: RenderResponse) => self.postMessage(message)

self.onmessage = (event: MessageEvent<RenderRequest>) => {
  const { id, body, options, diagrams } = event.data
  const asked = new Set<string>()
  try {
    const blocks = renderBlocks(body, {
      ...options,
      mermaid: (source) => {
        asked.add(source)
        return diagrams[source] ?? null
      },
    })
    post({ id, blocks, diagrams: [...asked] })
  } catch (error) {
    post({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
}
