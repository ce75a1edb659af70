/** The messages between the preview and its render worker (render-worker.ts, render-client.ts). */
import type { RenderedBlock, RenderOptions } from '../../shared/markdown'

export interface RenderRequest {
  id: number
  body: string
  options: Omit<RenderOptions, 'mermaid'>
  /** Diagrams the parent has drawn, by source: the worker puts them in place of their fences. */
  diagrams: Record<string, string>
}

export type RenderResponse =
  | {
      id: number
      blocks: RenderedBlock[]
      /** The sources of the article's Mermaid fences, for the parent to draw (it has the DOM mermaid needs). */
      diagrams: string[]
    }
  | { id: number; error: string }
