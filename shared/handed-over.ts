/**
 * The files the writer handed over (dropped, pasted, or chosen in the open dialog): the only files
 * an image insert may name by path. The main process reads a `file` upload from anywhere on disk,
 * so a page that went wrong (a script slipped past the sanitizer) must not be able to name
 * ~/.ssh/id_rsa itself. Kept where the page cannot reach it: in the app, the preload's world; in
 * the e2e harness, its Node side.
 */
import { said, type FolioErrorData } from './errors'

/** A session's drops are few; beyond this the oldest are forgotten (drop it again to insert it). */
const MAX_HANDED_OVER = 1000

export interface HandedOverFiles {
  /** A path the writer handed over ('' is none). */
  add(path: string): void
  /**
   * insertImages' uploads, copied (so what is checked is what is sent), or the refusal when one
   * names a file that was not handed over.
   */
  check(images: unknown): { ok: true; uploads: unknown } | { ok: false; error: FolioErrorData }
}

export function handedOverFiles(): HandedOverFiles {
  const paths = new Set<string>()
  return {
    add(path) {
      if (!path) return
      paths.delete(path)
      paths.add(path)
      if (paths.size > MAX_HANDED_OVER) paths.delete(paths.values().next().value as string)
    },
    check(images) {
      const uploads = Array.isArray(images) ? images.map((image: unknown) => (image && typeof image === 'object' ? { ...image } : image)) : images
      for (const upload of Array.isArray(uploads) ? uploads : []) {
        const file = (upload as { file?: unknown } | null)?.file
        if (file !== undefined && !(typeof file === 'string' && paths.has(file))) {
          return { ok: false, error: { code: 'FORBIDDEN', ...said('not-handed-over', { file: String(file) }) } }
        }
      }
      return { ok: true, uploads }
    },
  }
}
