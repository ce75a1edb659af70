/** The messages between the preview and its render worker (render-worker.ts, render-client.ts). */
import type { RenderOptions } from '../../shared/markdown'
import type { BlockUpdate } from '../../shared/render/block-renderer'

export interface RenderRequest {
  id: number
  /** Which preview asks: the worker builds each one's render on its last (shared/render/block-renderer.ts). */
  client: number
  /** The answer the preview holds (0: none): an update is built on it, else the render is whole. */
  base: number
  body: string
  options: Omit<RenderOptions, 'mermaid'>
  /** Diagrams the parent has drawn, by source: the worker puts them in place of their fences. */
  diagrams: Record<string, string>
}

export type RenderResponse =
  | {
      id: number
      /** The blocks as a change to the answer `base` (a whole render when it is not the one the preview holds). */
      update: BlockUpdate
      base: number
    }
  | { id: number; error: string }
